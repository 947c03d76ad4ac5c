"""The one judge of URLs and hosts that clients give us and something may later connect to.

Hosts are parsed the way HTTP clients parse them, because what counts is the address a client
would reach, not how the host is written:

- the host is percent-decoded and, when not ASCII, mapped to ASCII with IDNA (UTS #46, as
  browsers, curl and requests do; IDNA 2003 as well, and both results are judged);
- a host whose last label is a number is an IPv4 address in any of the spellings WHATWG URL and
  glibc ``inet_aton`` accept: 1 to 4 parts, each decimal, octal (leading ``0``) or hex (``0x``),
  the last part filling the remaining bytes (``127.1``, ``0x7f000001``, ``2130706433``, ``0``);
- IPv6 literals are unwrapped to the IPv4 address they carry (IPv4-mapped, IPv4-compatible,
  NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``) and both are judged.

Refused as ``FORBIDDEN_HOST``: loopback, private, link-local, CGNAT (100.64.0.0/10), unspecified,
multicast, broadcast, reserved, documentation and other special-purpose addresses, cloud metadata
addresses and names, ``localhost`` and ``*.localhost``, private-use names (``*.local``,
``*.internal``, ``*.home.arpa``, ...) and single-label names (search domains resolve those to
internal hosts). Refused as ``INVALID_URL``: user information (anything with ``@`` in the
authority), backslashes, whitespace and control characters, hosts no client parses the same way
(``1.2.3.4.5``, ``256.0.0.1``, ``08.0.0.1``) and public IPv4 addresses not written as four
decimal numbers (``134744072`` is 8.8.8.8 to curl and a name to others).

No DNS lookups happen here: a name is judged as written. Whatever later connects to such a URL
must resolve the name itself, check every resolved address with :func:`address_is_public`, and
connect to that checked address (no second lookup), or DNS rebinding gets around this guard.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit

import idna

from provider_registry.kit.errors import FieldIssue

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
IssueCode = Literal["INVALID_URL", "INVALID_PORT", "FORBIDDEN_HOST"]

WEB_SCHEMES = frozenset({"http", "https"})

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network
# Special-purpose registries (RFC 6890 and successors): nothing here is a public service. Python's
# is_global is consulted too, but these lists do not depend on the Python patch release.
BLOCKED_V4 = tuple(
    _V4(n)
    for n in (
        "0.0.0.0/8",  # "this network", unspecified
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, cloud metadata
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
    )
)
BLOCKED_V6 = tuple(
    _V6(n)
    for n in (
        "::/128",
        "::1/128",
        "::ffff:0:0/96",  # IPv4-mapped (judged by the IPv4 address as well)
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments, Teredo
        "2001:db8::/32",
        "3fff::/20",  # documentation
        "fc00::/7",  # unique local, AWS metadata fd00:ec2::254
        "fe80::/10",
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
FORBIDDEN_NAMES = frozenset(
    {"localhost", "metadata", "metadata.google.internal", "instance-data", "kubernetes"}
)
# Names that only mean something inside a network (RFC 6761, RFC 6762, RFC 8375, ICANN 2024).
PRIVATE_SUFFIXES = (
    ".localhost",
    ".local",
    ".localdomain",
    ".internal",
    ".intranet",
    ".lan",
    ".home.arpa",
    ".corp",
    ".home",
    ".private",
)
_NAME_CHARS = re.compile(r"^[a-z0-9_-]+$")
_NUMBER = re.compile(r"^(0[xX][0-9a-fA-F]*|[0-9]+)$")
_CANONICAL_V4 = re.compile(r"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}$")


FORBIDDEN_MESSAGE = (
    "points at this machine, a private, link-local, shared, reserved or metadata address, or a"
    " name that only resolves inside a network"
)


class HostRefused(ValueError):
    """The URL or host is refused; ``code`` is the stable problem code."""

    def __init__(self, code: IssueCode, message: str) -> None:
        super().__init__(message)
        self.code: IssueCode = code
        self.message = message


@dataclass(frozen=True)
class ParsedUrl:
    scheme: str
    names: tuple[str, ...]  # the name as clients look it up (ASCII, lower case, no final dot)
    port: int | None
    addresses: tuple[Address, ...]  # the address(es) the host spells; empty for a name

    @property
    def is_public(self) -> bool:
        return all(map(address_is_public, self.addresses)) and all(map(name_is_public, self.names))


def address_is_public(address: Address) -> bool:
    """Whether ``address`` is one a client may be sent to. Use it on resolved addresses too."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_v4(address)
        if embedded is not None:  # the packets go to the IPv4 host: judge that
            return address_is_public(embedded)
        blocked = any(address in net for net in BLOCKED_V6)
    else:
        blocked = any(address in net for net in BLOCKED_V4)
    return not (
        blocked or address in METADATA_ADDRESSES or address.is_multicast or not address.is_global
    )


def _embedded_v4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries to an IPv4 host, if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    value = int(address)
    if value >> 32 == 0 and value > 1:  # IPv4-compatible ::a.b.c.d (deprecated, still routed)
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    if value >> 32 == 0x0064FF9B << 64:  # NAT64 well-known prefix 64:ff9b::/96
        return ipaddress.IPv4Address(value & 0xFFFFFFFF)
    return None


def _ipv4_number(part: str) -> int | None:
    """One part of a WHATWG / inet_aton IPv4 address, or None when it is not a number."""
    if len(part) > 34:  # more than 32 bits in any base: out of range anyway
        return None
    if part[:2].lower() == "0x":
        return int(part[2:], 16) if part[2:] else 0
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8) if all(c in "01234567" for c in part) else None
    return int(part) if part.isdigit() else None


def _ipv4_from_parts(parts: list[int | None]) -> ipaddress.IPv4Address | None:
    if any(p is None for p in parts) or not 1 <= len(parts) <= 4:
        return None
    numbers = [p for p in parts if p is not None]
    *head, last = numbers
    if any(p > 255 for p in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for index, part in enumerate(head):
        value += part << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def _numeric_ipv4(host: str) -> tuple[ipaddress.IPv4Address, ...] | None:
    """The addresses a host ending in a number spells (None: it does not end in a number).

    WHATWG and glibc read a leading ``0`` as octal; some clients read it as decimal. When the two
    readings differ, both are returned so that each is judged."""
    labels = host.split(".")
    if not _NUMBER.match(labels[-1]):
        return None
    whatwg = _ipv4_from_parts([_ipv4_number(p) if _NUMBER.match(p) else None for p in labels])
    if whatwg is None:
        raise HostRefused(
            "INVALID_URL", "has a host that ends in a number but is not an IPv4 address"
        )
    readings = {whatwg}
    if all(p.isdigit() for p in labels):
        decimal = _ipv4_from_parts([int(p) for p in labels])
        if decimal is not None:
            readings.add(decimal)
    return tuple(sorted(readings))


def _ascii_host(host: str) -> list[str]:
    """The ASCII forms clients would look up; several when IDNA variants disagree."""
    if host.isascii():
        return [host.lower()]
    forms: list[str] = []
    with contextlib.suppress(UnicodeError):  # idna.IDNAError is one
        forms.append(idna.encode(host, uts46=True, transitional=False).decode("ascii"))
    with contextlib.suppress(UnicodeError):
        forms.append(host.encode("idna").decode("ascii"))
    if not forms:
        raise HostRefused("INVALID_URL", "has a host that is not a valid internationalized name")
    return sorted({f.lower() for f in forms})


def _check_name(host: str) -> None:
    if any(not label or not _NAME_CHARS.match(label) for label in host.split(".")):
        raise HostRefused("INVALID_URL", "has a host that is not a valid name or address")


def name_is_public(host: str) -> bool:
    """Whether a (normalized, ASCII) name may stand for a public host. Names are judged as
    written; their addresses must be checked when resolved."""
    return not (host in FORBIDDEN_NAMES or host.endswith(PRIVATE_SUFFIXES) or "." not in host)


def host_addresses(raw_host: str) -> tuple[tuple[str, ...], tuple[Address, ...]]:
    """(the normalized names, the addresses) a host as it appears in a URL stands for: raises
    :class:`HostRefused` with ``INVALID_URL`` when clients would disagree about it."""
    if raw_host.startswith("["):
        if not raw_host.endswith("]"):
            raise HostRefused("INVALID_URL", "has an unterminated IPv6 address")
        literal = unquote(raw_host[1:-1]).split("%", 1)[0]  # the zone id (fe80::1%eth0)
        try:
            v6 = ipaddress.IPv6Address(literal)
        except ValueError as exc:
            raise HostRefused("INVALID_URL", "has an invalid IPv6 address") from exc
        embedded = _embedded_v4(v6)
        return (), (v6,) if embedded is None else (v6, embedded)
    try:
        decoded = unquote(raw_host, errors="strict")
    except UnicodeDecodeError as exc:
        raise HostRefused("INVALID_URL", "has a percent-encoded host that is not UTF-8") from exc
    if not decoded:
        raise HostRefused("INVALID_URL", "must be an absolute URL with a host")
    names: list[str] = []
    addresses: list[Address] = []
    for form in _ascii_host(decoded):
        host = form[:-1] if form.endswith(".") else form  # one trailing dot: the same name
        if not host:
            raise HostRefused("INVALID_URL", "must be an absolute URL with a host")
        numeric = _numeric_ipv4(host)
        if numeric is None:
            _check_name(host)
            names.append(host)
            continue
        addresses.extend(numeric)
        if not _CANONICAL_V4.match(host) and all(address_is_public(a) for a in numeric):
            raise HostRefused(
                "INVALID_URL", "must write an IPv4 address as four decimal numbers (a.b.c.d)"
            )
    return tuple(names), tuple(addresses)


def _authority(url: str) -> str:
    rest = url.split("://", 1)[1] if "://" in url else ""
    return re.split(r"[/?#]", rest, maxsplit=1)[0]


def parse_url(url: str, *, allow_private: bool = False) -> ParsedUrl:
    """Parse and judge an absolute URL; raises :class:`HostRefused`.

    ``allow_private`` (development only) admits non-public hosts, never ambiguous URLs."""
    if any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        raise HostRefused("INVALID_URL", "must not contain whitespace or control characters")
    if "\\" in url:
        raise HostRefused("INVALID_URL", "must not contain a backslash")
    if "@" in _authority(url):
        raise HostRefused("INVALID_URL", "must not contain user information (user@host)")
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError when out of range or not a number
    except ValueError as exc:
        if "port" in str(exc).lower():
            raise HostRefused("INVALID_PORT", "has an invalid port (1-65535)") from exc
        raise HostRefused("INVALID_URL", "is not a valid URL") from exc
    netloc = parts.netloc
    if netloc.startswith("[") and "]" in netloc:
        raw_host, _, after = netloc.partition("]")
        raw_host += "]"
        if after and not after.startswith(":"):
            raise HostRefused("INVALID_URL", "has text after its IPv6 address")
    else:
        raw_host = netloc.rsplit(":", 1)[0] if parts.port is not None else netloc.rstrip(":")
    if not parts.scheme or not raw_host:
        raise HostRefused("INVALID_URL", "must be an absolute URL with a host")
    if port == 0:
        raise HostRefused("INVALID_PORT", "has an invalid port (1-65535)")
    names, addresses = host_addresses(raw_host)
    parsed = ParsedUrl(scheme=parts.scheme.lower(), names=names, port=port, addresses=addresses)
    if not allow_private and not parsed.is_public:
        raise HostRefused("FORBIDDEN_HOST", FORBIDDEN_MESSAGE)
    return parsed


def url_issue(url: str, *, allow_private: bool = False) -> HostRefused | None:
    """The reason ``url`` is refused, or None."""
    try:
        parse_url(url, allow_private=allow_private)
    except HostRefused as refused:
        return refused
    return None


def url_issues(
    url: str, field: str, allow_private: bool, schemes: frozenset[str] | None = None
) -> list[FieldIssue]:
    """``url``'s problems as field issues for a request body: an unambiguous URL with a public
    host (any host with ``allow_private``), and a scheme from ``schemes`` when given."""
    try:
        parsed = parse_url(url, allow_private=True)
    except HostRefused as refused:
        return [FieldIssue(field, refused.message, refused.code)]
    issues: list[FieldIssue] = []
    if schemes is not None and parsed.scheme not in schemes:
        issues.append(
            FieldIssue(
                field,
                f"must use {' or '.join(sorted(schemes))}, not {parsed.scheme}",
                "URL_SCHEME_MISMATCH",
            )
        )
    if not allow_private and not parsed.is_public:
        issues.append(FieldIssue(field, FORBIDDEN_MESSAGE, "FORBIDDEN_HOST"))
    return issues
