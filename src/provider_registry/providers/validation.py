"""The registration rules JSON Schema cannot state, each with a stable code.

Pure functions over the request body: they never raise on a body of the wrong shape (the schema
reports that), so the body validator can run them alongside the schema and report every field
error at once. Hosts are judged by ``kit.netguard`` without DNS lookups.
"""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from email_validator import EmailNotValidError, validate_email

from provider_registry.config import Settings
from provider_registry.kit import netguard
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
    host_issues = netguard.url_issues(url, f"{where}.url", allow_private)
    if any(i.code != "FORBIDDEN_HOST" for i in host_issues):
        return issues + host_issues  # not a URL we can read further
    scheme = url.split(":", 1)[0].lower()
    if rule is not None and scheme not in rule[0]:
        issues.append(
            FieldIssue(
                f"{where}.url",
                f"scheme {scheme} does not fit protocol {protocol} "
                f"(expected {' or '.join(sorted(rule[0]))})",
                "URL_SCHEME_MISMATCH",
            )
        )
    return issues + host_issues


def _allow_private(settings: Settings | None) -> bool:
    return bool(settings and settings.providers.allow_private_endpoints)


def _common_issues(body: dict[str, Any], settings: Settings | None) -> list[FieldIssue]:
    issues: list[FieldIssue] = []
    if "public_key" in body and (issue := public_key_issue(body["public_key"])):
        issues.append(issue)
    metadata = body.get("metadata")
    website = metadata.get("website") if isinstance(metadata, dict) else None
    if isinstance(website, str):
        issues += netguard.url_issues(
            website, "metadata.website", _allow_private(settings), netguard.WEB_SCHEMES
        )
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
