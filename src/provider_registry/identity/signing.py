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
import struct
from collections.abc import Callable, Sequence
from urllib.parse import quote, unquote_to_bytes

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


# ---------------------------------------------------------------- RIPEMD-160

# Pure-Python RIPEMD-160 (Dobbertin, Bosselaers, Preneel), for OpenSSL 3 builds without it.
_RMD_R_LEFT = (
    *range(16),
    *(7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8),
    *(3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12),
    *(1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2),
    *(4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13),
)
_RMD_R_RIGHT = (
    *(5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12),
    *(6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2),
    *(15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13),
    *(8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14),
    *(12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11),
)
_RMD_S_LEFT = (
    *(11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8),
    *(7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12),
    *(11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5),
    *(11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12),
    *(9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6),
)
_RMD_S_RIGHT = (
    *(8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6),
    *(9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11),
    *(9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5),
    *(15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8),
    *(8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11),
)
_RMD_K_LEFT = (0x00000000, 0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xA953FD4E)
_RMD_K_RIGHT = (0x50A28BE6, 0x5C4DD124, 0x6D703EF3, 0x7A6D76E9, 0x00000000)
_MASK32 = 0xFFFFFFFF


def _rmd_f(round_: int, x: int, y: int, z: int) -> int:
    if round_ == 0:
        return x ^ y ^ z
    if round_ == 1:
        return (x & y) | (~x & z)
    if round_ == 2:
        return (x | ~y) ^ z
    if round_ == 3:
        return (x & z) | (y & ~z)
    return x ^ (y | ~z)


def _rol(value: int, shift: int) -> int:
    value &= _MASK32
    return ((value << shift) | (value >> (32 - shift))) & _MASK32


def ripemd160_pure(data: bytes) -> bytes:
    """RIPEMD-160 in pure Python (slow; only the 33-byte pubkey hash needs it)."""
    h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0]
    padded = data + b"\x80" + b"\x00" * ((55 - len(data)) % 64)
    padded += struct.pack("<Q", (len(data) * 8) & 0xFFFFFFFFFFFFFFFF)
    for offset in range(0, len(padded), 64):
        x = struct.unpack("<16I", padded[offset : offset + 64])
        al, bl, cl, dl, el = h
        ar, br, cr, dr, er = h
        for j in range(80):
            rnd = j // 16
            t = _rol(
                al + _rmd_f(rnd, bl, cl, dl) + x[_RMD_R_LEFT[j]] + _RMD_K_LEFT[rnd], _RMD_S_LEFT[j]
            )
            al, el, dl, cl, bl = el, dl, _rol(cl, 10), bl, (t + el) & _MASK32
            t = _rol(
                ar + _rmd_f(4 - rnd, br, cr, dr) + x[_RMD_R_RIGHT[j]] + _RMD_K_RIGHT[rnd],
                _RMD_S_RIGHT[j],
            )
            ar, er, dr, cr, br = er, dr, _rol(cr, 10), br, (t + er) & _MASK32
        h = [
            (h[1] + cl + dr) & _MASK32,
            (h[2] + dl + er) & _MASK32,
            (h[3] + el + ar) & _MASK32,
            (h[4] + al + br) & _MASK32,
            (h[0] + bl + cr) & _MASK32,
        ]
    return struct.pack("<5I", *h)


def _ripemd160_hashlib(data: bytes) -> bytes:
    digest = hashlib.new("ripemd160")
    digest.update(data)
    return digest.digest()


def _ripemd160_cryptography(data: bytes) -> bytes:
    algorithm: type[hashes.HashAlgorithm] = getattr(hashes, "RIPEMD160")  # noqa: B009
    digest = hashes.Hash(algorithm())
    digest.update(data)
    return digest.finalize()


_RIPEMD160_CHECK = (b"abc", bytes.fromhex("8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"))


def select_ripemd160() -> tuple[str, Callable[[bytes], bytes]]:
    """The first RIPEMD-160 that works here: hashlib (OpenSSL), ``cryptography``, pure Python."""
    candidates: Sequence[tuple[str, Callable[[bytes], bytes]]] = (
        ("hashlib", _ripemd160_hashlib),
        ("cryptography", _ripemd160_cryptography),
    )
    for name, function in candidates:
        try:
            if function(_RIPEMD160_CHECK[0]) == _RIPEMD160_CHECK[1]:
                return name, function
        except Exception:  # noqa: S112  (unsupported here: ValueError, AttributeError, ...)
            continue
    return "pure-python", ripemd160_pure


RIPEMD160_BACKEND, ripemd160 = select_ripemd160()
"""Which implementation :func:`ripemd160` is ("hashlib", "cryptography" or "pure-python")."""


# ---------------------------------------------------------------- bech32 (BIP-173)

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
_BECH32_CONST = 1  # bech32; bech32m (BIP-350) would be 0x2BC830A3 and is not accepted
_BECH32_MAX_LENGTH = 90


class Bech32Error(ValueError):
    """Not a valid BIP-173 bech32 string (or not encodable as one)."""


def _bech32_polymod(values: Sequence[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = ((checksum & 0x1FFFFFF) << 5) ^ value
        for i, generator in enumerate(_BECH32_GENERATOR):
            if (top >> i) & 1:
                checksum ^= generator
    return checksum


def _bech32_hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _bech32_checksum(hrp: str, words: Sequence[int]) -> list[int]:
    polymod = _bech32_polymod([*_bech32_hrp_expand(hrp), *words, 0, 0, 0, 0, 0, 0]) ^ _BECH32_CONST
    return [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]


def bech32_encode_words(hrp: str, words: Sequence[int]) -> str:
    """BIP-173 bech32 of 5-bit ``words`` under the lowercase human-readable part ``hrp``."""
    if not hrp or any(not 33 <= ord(c) <= 126 or c.isupper() for c in hrp):
        raise Bech32Error("human-readable part must be 1+ lowercase printable ASCII characters")
    if any(not 0 <= w < 32 for w in words):
        raise Bech32Error("words must be 5-bit values")
    encoded = f"{hrp}1" + "".join(
        _BECH32_CHARSET[w] for w in [*words, *_bech32_checksum(hrp, words)]
    )
    if len(encoded) > _BECH32_MAX_LENGTH:
        raise Bech32Error(f"bech32 string would exceed {_BECH32_MAX_LENGTH} characters")
    return encoded


def bech32_decode_words(value: str) -> tuple[str, list[int]]:
    """Decode a BIP-173 bech32 string to ``(hrp, 5-bit words)``, checksum verified and removed."""
    if any(not 33 <= ord(c) <= 126 for c in value):
        raise Bech32Error("character out of range")
    if value.lower() != value and value.upper() != value:
        raise Bech32Error("mixed case")
    if len(value) > _BECH32_MAX_LENGTH:
        raise Bech32Error(f"longer than {_BECH32_MAX_LENGTH} characters")
    value = value.lower()
    separator = value.rfind("1")
    if separator < 1:
        raise Bech32Error("missing separator or empty human-readable part")
    if separator + 7 > len(value):
        raise Bech32Error("checksum too short")
    hrp = value[:separator]
    try:
        words = [_BECH32_CHARSET.index(c) for c in value[separator + 1 :]]
    except ValueError:
        raise Bech32Error("invalid data character") from None
    if _bech32_polymod([*_bech32_hrp_expand(hrp), *words]) != _BECH32_CONST:
        raise Bech32Error("invalid checksum")
    return hrp, words[:-6]


def _convert_bits(data: Sequence[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup bits (BIP-173 ``convertbits``); without ``pad``, leftover bits must be zero."""
    accumulator = 0
    bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((accumulator >> bits) & max_value)
    if pad:
        if bits:
            out.append((accumulator << (to_bits - bits)) & max_value)
    elif bits >= from_bits or (accumulator << (to_bits - bits)) & max_value:
        raise Bech32Error("invalid padding")
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    """Bech32 of ``data`` (bytes regrouped into 5-bit words) under ``hrp``."""
    return bech32_encode_words(hrp, _convert_bits(data, 8, 5, pad=True))


def bech32_decode(value: str) -> tuple[str, bytes]:
    """Decode a bech32 string to ``(hrp, data bytes)``."""
    hrp, words = bech32_decode_words(value)
    return hrp, bytes(_convert_bits(words, 5, 8, pad=False))


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


def sign_adr036(private_key: ec.EllipticCurvePrivateKey, signer: str, data: bytes) -> bytes:
    """64-byte low-S ``r || s`` ECDSA/SHA-256 signature of the ADR-036 sign doc."""
    if not isinstance(private_key.curve, ec.SECP256K1):
        raise ValueError("expected a secp256k1 key")
    der = private_key.sign(adr036_sign_doc(signer, data), ec.ECDSA(hashes.SHA256()))
    r, s = utils.decode_dss_signature(der)
    if s > SECP256K1_HALF_ORDER:
        s = SECP256K1_ORDER - s
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def sign_wallet_request(
    private_key: ec.EllipticCurvePrivateKey,
    *,
    prefix: str,
    method: str,
    path: str,
    query_string: bytes | str,
    body: bytes,
    timestamp: str,
    nonce: str,
) -> dict[str, str]:
    """The five ``X-VE-*`` headers of a wallet-signed request (for tests and client examples)."""
    pubkey = compressed_pubkey(private_key)
    address = address_from_pubkey(pubkey, prefix)
    message = canonical_request(method, path, query_string, body, timestamp, nonce).encode()
    signature = sign_adr036(private_key, address, message)
    return {
        HEADER_ADDRESS: address,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: base64.b64encode(signature).decode("ascii"),
        HEADER_PUBKEY: base64.b64encode(pubkey).decode("ascii"),
    }


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


def sign_hmac_request(
    key_id: str,
    secret: bytes,
    *,
    method: str,
    path: str,
    query_string: bytes | str,
    body: bytes,
    timestamp: str,
    nonce: str,
) -> dict[str, str]:
    """The four ``X-VE-*`` headers of an HMAC-signed request (for tests and clients)."""
    canonical = canonical_request(method, path, query_string, body, timestamp, nonce)
    return {
        HEADER_KEY_ID: key_id,
        HEADER_TIMESTAMP: timestamp,
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: hmac_signature(secret, canonical),
    }
