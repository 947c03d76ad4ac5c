"""Request signing: the pure primitives of two schemes (no I/O, no database).

Both schemes sign the same *canonical request string*::

    METHOD \\n PATH \\n QUERY \\n SHA256_HEX(body) \\n TIMESTAMP \\n NONCE

(see :func:`canonical_request`), where TIMESTAMP is Unix milliseconds (:func:`check_timestamp`)
and NONCE is 32 lowercase hex characters (:func:`check_nonce`), both sent as headers.

**Wallet** (headers ``X-VE-Address``, ``X-VE-Timestamp``, ``X-VE-Nonce``, ``X-VE-Signature``,
``X-VE-PubKey``): a Cosmos secp256k1 account signs the canonical string, UTF-8, as ADR-036
arbitrary data, i.e. exactly what Keplr's ``signArbitrary`` (cosmjs ``makeADR36AminoSignDoc`` +
``serializeSignDoc``) produces. The signature is ECDSA over SHA-256 of the amino JSON sign doc
(:func:`adr036_sign_doc`), sent as base64 of the 64 bytes ``r || s``, low-S only. The public key
is the 33-byte compressed point, base64; the address must be its bech32 (BIP-173) account
address ``bech32(prefix, RIPEMD160(SHA256(pubkey)))`` with the configured prefix.

**HMAC** (legacy; headers ``X-VE-Key-Id``, ``X-VE-Timestamp``, ``X-VE-Nonce``,
``X-VE-Signature``): base64 of HMAC-SHA256 over the canonical string, UTF-8, with the key's shared
secret, compared in constant time.

Every verification failure raises :class:`SignatureError` with a stable ``code``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from urllib.parse import quote, unquote_to_bytes

import bech32
from Crypto.Hash import RIPEMD160
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils

SECP256K1_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
"""n, the order of the secp256k1 group."""
SECP256K1_HALF_ORDER = SECP256K1_ORDER // 2
"""Largest ``s`` a low-S signature may have (n is odd, so this is floor(n / 2))."""

DEFAULT_WINDOW_MS = 300_000

HEADER_ADDRESS = "X-VE-Address"
HEADER_PUBKEY = "X-VE-PubKey"
HEADER_KEY_ID = "X-VE-Key-Id"
HEADER_TIMESTAMP = "X-VE-Timestamp"
HEADER_NONCE = "X-VE-Nonce"
HEADER_SIGNATURE = "X-VE-Signature"

_TIMESTAMP_RE = re.compile(r"[0-9]{1,16}")
_NONCE_RE = re.compile(r"[0-9a-f]{32}")
_QUERY_SAFE = "-_.~"  # RFC 3986 unreserved, besides ALPHA / DIGIT which quote() always keeps


class SignatureError(Exception):
    """A signed request was refused; ``code`` is stable, ``message`` is safe to show."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __repr__(self) -> str:
        return f"SignatureError({self.code!r}, {self.message!r})"


# ---------------------------------------------------------------- canonical request


def _parse_query(raw: bytes) -> list[tuple[bytes, bytes]]:
    """``parse_qsl(keep_blank_values=True)`` on bytes, without decoding anything as text."""
    pairs = []
    for field in raw.split(b"&"):
        if field:
            name, _, value = field.partition(b"=")
            pairs.append(
                (
                    unquote_to_bytes(name.replace(b"+", b" ")),
                    unquote_to_bytes(value.replace(b"+", b" ")),
                )
            )
    return pairs


def repeated_query_names(query_string: bytes) -> list[str]:
    """Parameter names that occur more than once. The canonical string sorts them, so both orders
    sign alike, while the server reads one of them: a signed request must not repeat a name."""
    names = [name for name, _ in _parse_query(query_string)]
    return sorted({name.decode("utf-8", "replace") for name in names if names.count(name) > 1})


def canonical_query(query_string: bytes | str) -> str:
    """Parameters of a raw query string, decoded, sorted by name then value, re-encoded.

    ``+`` is a space and ``%XX`` is decoded (form encoding); blank values are kept. Decoding and
    sorting work on bytes, so any percent-escape survives unchanged (for UTF-8 text, byte order is
    code point order). A ``str`` query string is taken as its UTF-8 bytes.
    """
    raw = query_string.encode() if isinstance(query_string, str) else query_string
    pairs = sorted(_parse_query(raw))
    return "&".join(
        f"{quote(name, safe=_QUERY_SAFE)}={quote(value, safe=_QUERY_SAFE)}" for name, value in pairs
    )


def canonical_request(
    method: str,
    path: str,
    query_string: bytes | str,
    body: bytes,
    timestamp: str,
    nonce: str,
) -> str:
    """The string both schemes sign, ``METHOD\\nPATH\\nQUERY\\nBODY_SHA256\\nTIMESTAMP\\nNONCE``.

    ``path`` is the request path exactly as sent, without the query. The string stays unambiguous
    because only the path may contain a line break (the query is percent-encoded, the body is
    hashed); a line break in the method, timestamp or nonce is refused with ``ValueError`` (check
    the headers with :func:`check_timestamp` and :func:`check_nonce` first).
    """
    for name, part in (("method", method), ("timestamp", timestamp), ("nonce", nonce)):
        if "\n" in part:
            raise ValueError(f"{name} must not contain a line break")
    return "\n".join(
        (
            method.upper(),
            path,
            canonical_query(query_string),
            hashlib.sha256(body).hexdigest(),
            timestamp,
            nonce,
        )
    )


# ---------------------------------------------------------------- header checks


def check_timestamp(raw: str, now_ms: int, window_ms: int = DEFAULT_WINDOW_MS) -> int:
    """Parse a Unix-milliseconds timestamp and require it within ``window_ms`` of ``now_ms``."""
    if not _TIMESTAMP_RE.fullmatch(raw):
        raise SignatureError("INVALID_TIMESTAMP", "timestamp must be 1 to 16 digits (Unix ms)")
    timestamp = int(raw)
    if abs(timestamp - now_ms) > window_ms:
        raise SignatureError(
            "STALE_TIMESTAMP",
            f"timestamp is more than {window_ms // 1000} seconds away from the server's clock",
        )
    return timestamp


def check_nonce(raw: str) -> str:
    """Require exactly 32 lowercase hexadecimal characters."""
    if not _NONCE_RE.fullmatch(raw):
        raise SignatureError("INVALID_NONCE", "nonce must be 32 lowercase hexadecimal characters")
    return raw


def _strict_b64decode(value: str) -> bytes | None:
    """Standard, padded base64 in its one canonical spelling, else ``None``."""
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:  # binascii.Error, and non-ASCII text
        return None
    if base64.b64encode(raw).decode("ascii") != value:
        return None  # non-zero padding bits: a second spelling of the same bytes
    return raw


# ---------------------------------------------------------------- addresses (RIPEMD-160, bech32)

BECH32_MAX_LENGTH = 90


class Bech32Error(ValueError):
    """Not a valid BIP-173 bech32 string (or not encodable as one)."""


def ripemd160(data: bytes) -> bytes:
    """RIPEMD-160 (pycryptodome's, which does not depend on OpenSSL's legacy provider)."""
    return RIPEMD160.new(data).digest()


def bech32_encode(hrp: str, data: bytes) -> str:
    """BIP-173 bech32 of ``data`` (regrouped into 5-bit words) under the lowercase ``hrp``."""
    if not hrp or any(not 33 <= ord(c) <= 126 or c.isupper() for c in hrp):
        raise Bech32Error("human-readable part must be 1+ lowercase printable ASCII characters")
    words = bech32.convertbits(data, 8, 5, pad=True)
    assert words is not None  # bytes always regroup
    encoded = bech32.bech32_encode(hrp, words)
    if len(encoded) > BECH32_MAX_LENGTH:
        raise Bech32Error(f"bech32 string would exceed {BECH32_MAX_LENGTH} characters")
    return encoded


def bech32_decode(value: str) -> tuple[str, bytes]:
    """Decode a BIP-173 bech32 string to ``(hrp, data bytes)``: checksum verified (bech32m's
    BIP-350 checksum is refused), at most 90 characters, no mixed case, zero padding."""
    if len(value) > BECH32_MAX_LENGTH:  # the library leaves the BIP-173 limit to its callers
        raise Bech32Error(f"longer than {BECH32_MAX_LENGTH} characters")
    hrp, words = bech32.bech32_decode(value)
    if hrp is None or words is None:
        raise Bech32Error("not a valid bech32 string")
    data = bech32.convertbits(words, 5, 8, pad=False)
    if data is None:
        raise Bech32Error("invalid padding")
    return hrp, bytes(data)


# ---------------------------------------------------------------- wallet (ADR-036, secp256k1)


def address_from_pubkey(pubkey33: bytes, prefix: str) -> str:
    """Cosmos account address: ``bech32(prefix, RIPEMD160(SHA256(compressed pubkey)))``."""
    if len(pubkey33) != 33 or pubkey33[0] not in (2, 3):
        raise ValueError("expected a 33-byte compressed secp256k1 public key")
    return bech32_encode(prefix, ripemd160(hashlib.sha256(pubkey33).digest()))


def compressed_pubkey(key: ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey) -> bytes:
    """The 33-byte compressed SEC1 encoding of a secp256k1 key's public point."""
    public = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
    if not isinstance(public.curve, ec.SECP256K1):
        raise ValueError("expected a secp256k1 key")
    return public.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
    )


def adr036_sign_doc(signer: str, data: bytes) -> bytes:
    """The ADR-036 amino JSON sign doc for ``data`` signed by ``signer``: sorted, compact, UTF-8."""
    doc = {
        "chain_id": "",
        "account_number": "0",
        "sequence": "0",
        "fee": {"gas": "0", "amount": []},
        "msgs": [
            {
                "type": "sign/MsgSignData",
                "value": {"signer": signer, "data": base64.b64encode(data).decode("ascii")},
            }
        ],
        "memo": "",
    }
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _load_pubkey(pubkey_b64: str) -> tuple[bytes, ec.EllipticCurvePublicKey]:
    raw = _strict_b64decode(pubkey_b64)
    if raw is None or len(raw) != 33 or raw[0] not in (2, 3):
        raise SignatureError(
            "INVALID_PUBLIC_KEY", "public key must be base64 of a 33-byte compressed secp256k1 key"
        )
    try:
        return raw, ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256K1(), raw)
    except ValueError:
        raise SignatureError("INVALID_PUBLIC_KEY", "public key is not a secp256k1 point") from None


def _check_address(address: str, pubkey: bytes, prefix: str) -> None:
    try:
        hrp, data = bech32_decode(address)
    except Bech32Error:
        raise SignatureError("INVALID_ADDRESS", "address is not valid bech32") from None
    if hrp != prefix:
        raise SignatureError("WRONG_ADDRESS_PREFIX", f"address must start with {prefix}1")
    if address != address.lower() or len(data) != 20:
        raise SignatureError("INVALID_ADDRESS", "address must be a lowercase 20-byte account")
    if address != address_from_pubkey(pubkey, prefix):
        raise SignatureError("ADDRESS_PUBKEY_MISMATCH", "address does not belong to public key")


def verify_wallet_signature(
    *, address: str, pubkey_b64: str, signature_b64: str, message: bytes, prefix: str
) -> None:
    """Check an ADR-036 signature of ``message`` by ``address``; raise SignatureError if bad."""
    pubkey, public_key = _load_pubkey(pubkey_b64)
    _check_address(address, pubkey, prefix)
    signature = _strict_b64decode(signature_b64)
    if signature is None or len(signature) != 64:
        raise SignatureError(
            "INVALID_SIGNATURE_FORMAT", "signature must be base64 of 64 bytes (r || s)"
        )
    r = int.from_bytes(signature[:32], "big")
    s = int.from_bytes(signature[32:], "big")
    if not (0 < r < SECP256K1_ORDER and 0 < s < SECP256K1_ORDER):
        raise SignatureError("INVALID_SIGNATURE_FORMAT", "signature r and s must be in [1, n-1]")
    if s > SECP256K1_HALF_ORDER:
        raise SignatureError("HIGH_S_SIGNATURE", "signature must be low-S (s <= n/2)")
    try:
        public_key.verify(
            utils.encode_dss_signature(r, s),
            adr036_sign_doc(address, message),
            ec.ECDSA(hashes.SHA256()),
        )
    except InvalidSignature:
        raise SignatureError("BAD_SIGNATURE", "signature does not verify") from None


# ---------------------------------------------------------------- HMAC (legacy)


def hmac_signature(secret: bytes, canonical: str) -> str:
    """base64(HMAC-SHA256(secret, canonical UTF-8))."""
    return base64.b64encode(_hmac_digest(secret, canonical)).decode("ascii")


def _hmac_digest(secret: bytes, canonical: str) -> bytes:
    return hmac.new(secret, canonical.encode(), hashlib.sha256).digest()


def verify_hmac_signature(secret: bytes, canonical: str, signature_b64: str) -> None:
    """Check an HMAC signature in constant time; raise SignatureError if bad."""
    provided = _strict_b64decode(signature_b64)
    if provided is None or len(provided) != 32:
        raise SignatureError("INVALID_SIGNATURE_FORMAT", "signature must be base64 of 32 bytes")
    if not hmac.compare_digest(_hmac_digest(secret, canonical), provided):
        raise SignatureError("BAD_SIGNATURE", "signature does not verify")
