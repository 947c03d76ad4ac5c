"""The registration rules JSON Schema cannot state, each with a stable code.

Pure functions over the request body: they never raise on a body of the wrong shape (the schema
reports that), so the body validator can run them alongside the schema and report every field
error at once. No DNS lookups: hosts are judged as written.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from email_validator import EmailNotValidError, validate_email

from provider_registry.config import Settings
from provider_registry.kit.errors import FieldIssue

MIN_RSA_BITS = 2048

# protocol -> (URL schemes that fit it, whether it is TLS)
PROTOCOLS: dict[str, tuple[frozenset[str], bool]] = {
    "http": (frozenset({"http"}), False),
    "https": (frozenset({"https"}), True),
    "grpc": (frozenset({"grpc", "http"}), False),
    "grpc+tls": (frozenset({"grpcs", "grpc+tls", "https"}), True),
    "websocket": (frozenset({"ws"}), False),
    "wss": (frozenset({"wss"}), True),
}
# Names that always mean "this machine" or a cloud metadata service.
FORBIDDEN_HOSTNAMES = frozenset({"localhost", "metadata.google.internal", "metadata"})
METADATA_ADDRESSES = frozenset(
    {
        ipaddress.ip_address("169.254.169.254"),
        ipaddress.ip_address("fd00:ec2::254"),
        ipaddress.ip_address("100.100.100.200"),
    }
)


def public_key_issue(pem: Any, field: str = "public_key") -> FieldIssue | None:
    if not isinstance(pem, str):
        return None
    try:
        key = load_pem_public_key(pem.strip().encode("utf-8"))
    except (ValueError, TypeError, UnicodeEncodeError):
        return FieldIssue(field, "is not a PEM public key (PKIX or PKCS#1)", "INVALID_PUBLIC_KEY")
    if not isinstance(key, RSAPublicKey):
        return FieldIssue(field, "must be an RSA key", "INVALID_PUBLIC_KEY")
    if key.key_size < MIN_RSA_BITS:
        return FieldIssue(
            field,
            f"is {key.key_size} bits; at least {MIN_RSA_BITS} are required",
            "WEAK_PUBLIC_KEY",
        )
    return None


def email_issue(email: Any, field: str = "email") -> FieldIssue | None:
    if not isinstance(email, str):
        return None
    try:
        validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        return FieldIssue(field, str(exc), "INVALID_EMAIL")
    return None


def _forbidden_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host in FORBIDDEN_HOSTNAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name: judged as written, never resolved
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address in METADATA_ADDRESSES
        or address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_unspecified
        or address.is_multicast
        or address.is_reserved
    )


def endpoint_issues(endpoint: Any, where: str, allow_private: bool) -> list[FieldIssue]:
    if not isinstance(endpoint, dict):
        return []
    issues: list[FieldIssue] = []
    protocol, url, secure = endpoint.get("protocol"), endpoint.get("url"), endpoint.get("secure")
    rule = PROTOCOLS.get(protocol) if isinstance(protocol, str) else None
    if rule is not None and isinstance(secure, bool) and secure != rule[1]:
        issues.append(
            FieldIssue(
                f"{where}.secure",
                f"must be {str(rule[1]).lower()} for protocol {protocol}",
                "SECURE_MISMATCH",
            )
        )
    if not isinstance(url, str):
        return issues
    try:
        parts = urlsplit(url.strip())
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError:
        return [
            *issues,
            FieldIssue(f"{where}.url", "has an invalid port (1-65535)", "INVALID_PORT"),
        ]
    if not parts.scheme or not parts.hostname:
        return [
            *issues,
            FieldIssue(f"{where}.url", "must be an absolute URL with a host", "INVALID_URL"),
        ]
    if port == 0:
        issues.append(FieldIssue(f"{where}.url", "has an invalid port (1-65535)", "INVALID_PORT"))
    if rule is not None and parts.scheme.lower() not in rule[0]:
        issues.append(
            FieldIssue(
                f"{where}.url",
                f"scheme {parts.scheme} does not fit protocol {protocol} "
                f"(expected {' or '.join(sorted(rule[0]))})",
                "URL_SCHEME_MISMATCH",
            )
        )
    if not allow_private and _forbidden_host(parts.hostname):
        issues.append(
            FieldIssue(
                f"{where}.url",
                "points at a loopback, private, link-local or metadata address",
                "FORBIDDEN_HOST",
            )
        )
    return issues


def _allow_private(settings: Settings | None) -> bool:
    return bool(settings and settings.providers.allow_private_endpoints)


def _common_issues(body: dict[str, Any], settings: Settings | None) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if "public_key" in body and (issue := public_key_issue(body["public_key"])):
        issues.append(issue)
    endpoints = body.get("endpoints")
    if isinstance(endpoints, list):
        for index, endpoint in enumerate(endpoints):
            issues += endpoint_issues(endpoint, f"endpoints.{index}", _allow_private(settings))
    return issues


def registration_issues(body: Any, settings: Settings | None = None) -> list[FieldIssue]:
    if not isinstance(body, dict):
        return []
    issues = _common_issues(body, settings)
    if "email" in body and (issue := email_issue(body["email"])):
        issues.insert(0, issue)
    return issues


def update_issues(body: Any, settings: Settings | None = None) -> list[FieldIssue]:
    if not isinstance(body, dict):
        return []
    return _common_issues(body, settings)
