"""API key format: ``<prefix>_<key id, 32 hex>_<secret, 48 hex>_<crc32, 8 hex>``.

- 192 bits of secret from ``secrets``; the key id (a UUID) finds the row by primary key;
- the CRC32 checksum lets a mistyped or truncated key be refused without touching the database;
- only HMAC-SHA256(pepper, secret) is stored, and it is compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
import zlib
from dataclasses import dataclass

ACCOUNT_KEY_PREFIX = "prk"
PROVIDER_KEY_PREFIX = "ppk"
_FORMAT = re.compile(r"^(prk|ppk)_([0-9a-f]{32})_([0-9a-f]{48})_([0-9a-f]{8})$")
DISPLAY_PREFIX_CHARS = 8


@dataclass(frozen=True)
class ParsedKey:
    prefix: str
    key_id: uuid.UUID
    secret: str


@dataclass(frozen=True)
class NewKey:
    key_id: uuid.UUID
    key: str
    secret: str
    display_prefix: str


def _checksum(body: str) -> str:
    return f"{zlib.crc32(body.encode('ascii')) & 0xFFFFFFFF:08x}"


def generate(prefix: str) -> NewKey:
    key_id = uuid.uuid4()
    secret = secrets.token_hex(24)
    body = f"{prefix}_{key_id.hex}_{secret}"
    return NewKey(
        key_id=key_id,
        key=f"{body}_{_checksum(body)}",
        secret=secret,
        display_prefix=f"{prefix}_{key_id.hex[:DISPLAY_PREFIX_CHARS]}",
    )


def parse(key: str) -> ParsedKey | None:
    """The key's parts, or None when it is malformed or its checksum is wrong."""
    match = _FORMAT.match(key)
    if match is None:
        return None
    prefix, id_hex, secret, checksum = match.groups()
    if not hmac.compare_digest(_checksum(f"{prefix}_{id_hex}_{secret}"), checksum):
        return None
    return ParsedKey(prefix=prefix, key_id=uuid.UUID(hex=id_hex), secret=secret)


def hash_secret(pepper: str, secret: str) -> str:
    return hmac.new(pepper.encode("utf-8"), secret.encode("ascii"), hashlib.sha256).hexdigest()


def matches(pepper: str, secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(pepper, secret), stored_hash)
