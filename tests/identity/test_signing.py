"""Request-signing primitives (identity/signing.py): published vectors, round trips, refusals.

Pure unit tests: no database, no app. External vectors, each checked against this module:

- RIPEMD-160 (pycryptodome's): the test vectors of its authors (Bosselaers' page / ISO 10118-3).
- bech32 (the ``bech32`` package, BIP-173's reference code, with our length, case and padding
  rules): BIP-173 valid and invalid strings, plus BIP-350 bech32m strings (must be refused).
- HASH160 of the secp256k1 generator G is the program of BIP-173's
  ``BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4``.
- Addresses: cosmjs ``@cosmjs/amino`` addresses.spec.ts, cosmjs test faucet (testutils),
  tendermint-rs ``account.rs`` (via cosmjs), and a well-known demo key published with its address
  under several prefixes.
- ADR-036 signatures made by other implementations (Keplr ``signArbitrary`` / cosmjs) that this
  module must accept.
- HMAC-SHA256: RFC 4231 test case 2.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

import bech32
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

from provider_registry.identity.client_signing import (
    sign_adr036,
    sign_hmac_request,
    sign_wallet_request,
)
from provider_registry.identity.signing import (
    SECP256K1_ORDER,
    Bech32Error,
    SignatureError,
    address_from_pubkey,
    adr036_sign_doc,
    bech32_decode,
    bech32_encode,
    canonical_query,
    canonical_request,
    check_nonce,
    check_timestamp,
    compressed_pubkey,
    hmac_signature,
    ripemd160,
    verify_hmac_signature,
    verify_wallet_signature,
)

pytestmark = pytest.mark.unit

PREFIX = "cosmos"
NOW_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z
TIMESTAMP = str(NOW_MS)
NONCE = "0123456789abcdef0123456789abcdef"
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

# Secret exponent 1: the public key is the generator G.
KEY_ONE = ec.derive_private_key(1, ec.SECP256K1())
KEY_ONE_PUBKEY_HEX = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
KEY_ONE_ADDRESS = "cosmos1w508d6qejxtdg4y5r3zarvary0c5xw7k6ah60c"
# A fixed 32-byte secret (0x0102...20), for a second key; its values are pinned as computed here
# (a regression check, not a published vector).
KEY_FIXED = ec.derive_private_key(int.from_bytes(bytes(range(1, 33)), "big"), ec.SECP256K1())
KEY_FIXED_PUBKEY_HEX = "0284bf7562262bbd6940085748f3be6afa52ae317155181ece31b66351ccffa4b0"
KEY_FIXED_ADDRESS = "cosmos1tp7fhly84qm6q4hhzmp0nh5frtdugmysu2r4sf"

# A demo key published with its secret (test setups of Fairblock/Neutron), and its addresses.
DEMO_SECRET_HEX = "a267fb03b3e6dc381550ea0257ace31433698f16248ba111dfb75550364d31fe"
DEMO_PUBKEY_B64 = "A/MdHVpitzHNSdD1Zw3kY+L5PEIPyd9l6sD5i4aIfXp9"
DEMO_ADDRESS = "cosmos1m9l358xunhhwds0568za49mzhvuxx9uxre5tud"
# Its ADR-036 signature (verifyADR36Amino example) of the data "<its own address>".
DEMO_ADR036_SIGNATURE = (
    "vb78/y129cOiWyQkeFF8wCKZsOyzjpILnpEVZ72o5YUhEOmQZzVPcbUqWPLR7aZQ20j6vnYhIuCQN0HEG3igFg=="
)
# cosmjs test faucet (account 0), and an ADR-036 signature of "Hello, world" by it.
FAUCET_PUBKEY_B64 = "A08EGB7ro1ORuFhjOnZcSgwYlpe0DSFjVNUIkNNQxwKQ"
FAUCET_ADDRESS = "cosmos1pkptre7fdkl6gfrzlesjjvhxhlc3r4gmmk8rs6"
FAUCET_ADR036_SIGNATURE = (
    "x9jjSFv8/n1F8gOSRjddakYDbvroQm8ZoDWht/Imc1t5xUW49+Xaq7gwcsE+LCpqYoTBxnaXLg/xgJjYymCWvw=="
)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def split_signature(signature_b64: str) -> tuple[int, int]:
    raw = base64.b64decode(signature_b64)
    return int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")


def join_signature(r: int, s: int) -> str:
    return b64(r.to_bytes(32, "big") + s.to_bytes(32, "big"))


def request_parts(**overrides: Any) -> dict[str, Any]:
    parts: dict[str, Any] = {
        "method": "POST",
        "path": "/api/v1/providers/42/offers",
        "query_string": b"b=2&a=3&a=1",
        "body": b'{"name":"gpu-a100","price":"1.25"}',
        "timestamp": TIMESTAMP,
        "nonce": NONCE,
    }
    parts.update(overrides)
    return parts


def signed_headers(key: ec.EllipticCurvePrivateKey = KEY_ONE, **overrides: Any) -> dict[str, str]:
    return sign_wallet_request(key, prefix=PREFIX, **request_parts(**overrides))


def verify_headers(headers: dict[str, str], **overrides: Any) -> None:
    """Verify ``headers`` the way the server does, against a request built from ``overrides``."""
    parts = request_parts(
        **{"timestamp": headers["X-VE-Timestamp"], "nonce": headers["X-VE-Nonce"], **overrides}
    )
    verify_wallet_signature(
        address=headers["X-VE-Address"],
        pubkey_b64=headers["X-VE-PubKey"],
        signature_b64=headers["X-VE-Signature"],
        message=canonical_request(**parts).encode(),
        prefix=PREFIX,
    )


def assert_code(code: str, excinfo: pytest.ExceptionInfo[SignatureError]) -> None:
    assert excinfo.value.code == code, excinfo.value


# ---------------------------------------------------------------- RIPEMD-160

RIPEMD160_VECTORS = [
    (b"", "9c1185a5c5e9fc54612808977ee8f548b2258d31"),
    (b"a", "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe"),
    (b"abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc"),
    (b"message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36"),
    (b"abcdefghijklmnopqrstuvwxyz", "f71c27109c692c1b56bbdceb5b9d2865b3708dbc"),
    (
        b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "12a053384a9c0c88e405a06c27dcf49ada62eb2b",
    ),
    (
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "b0e20b6e3116640286ed3a87a5713079b21f5189",
    ),
    (b"1234567890" * 8, "9b752e45573d4b39f4dbd3323cab82bf63326bfb"),
]


@pytest.mark.parametrize(("data", "digest"), RIPEMD160_VECTORS)
def test_ripemd160_vectors(data: bytes, digest: str) -> None:
    assert ripemd160(data).hex() == digest


# ---------------------------------------------------------------- bech32 (BIP-173)

BIP173_VALID = [
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
]

BIP173_INVALID = [
    "\x201nwldj5",  # HRP character out of range
    "\x7f1axkwrx",  # HRP character out of range
    "\x801eym55h",  # HRP character out of range
    # overall max length exceeded
    "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
    "pzry9x0s0muk",  # no separator character
    "1pzry9x0s0muk",  # empty HRP
    "x1b4n0q5v",  # invalid data character
    "li1dgmt3",  # too short checksum
    "de1lg7wt\xff",  # invalid character in checksum
    "A1G7SGD8",  # checksum calculated with uppercase form of HRP
    "10a06t8",  # empty HRP
    "1qzzfhee",  # empty HRP
    "A12uEL5L",  # mixed case
    "a12uel5m",  # a valid string with its last character changed
    "a1lqfn3a",  # BIP-350 bech32m, valid there but not bech32
    "?1v759aa",  # BIP-350 bech32m
]


@pytest.mark.parametrize("value", BIP173_VALID)
def test_bip173_valid_strings_pass_the_checksum(value: str) -> None:
    """Valid strings may carry any number of 5-bit words: decoded to bytes, only their padding
    can be refused, never their checksum or characters."""
    hrp, words = bech32.bech32_decode(value)
    assert hrp is not None
    assert words is not None
    assert bech32.bech32_encode(hrp, words) == value.lower()
    if bech32.convertbits(words, 5, 8, pad=False) is not None:
        assert bech32_decode(value)[0] == hrp
    else:
        with pytest.raises(Bech32Error, match="padding"):
            bech32_decode(value)


@pytest.mark.parametrize("value", BIP173_INVALID)
def test_bip173_invalid_strings_are_refused(value: str) -> None:
    with pytest.raises(Bech32Error):
        bech32_decode(value)


def test_bech32_bytes_round_trip() -> None:
    for data in (b"", b"\x00", bytes(range(20)), bytes(range(32)), b"\xff" * 33):
        encoded = bech32_encode("test", data)
        assert bech32_decode(encoded) == ("test", data)


def test_bech32_refuses_non_zero_padding() -> None:
    # One word (5 bits) cannot hold a byte: the 5 bits are left over and must not exist.
    with pytest.raises(Bech32Error, match="padding"):
        bech32_decode(bech32.bech32_encode("test", [0]))
    # Two words are 10 bits: one byte plus 2 padding bits, which must be zero.
    with pytest.raises(Bech32Error, match="padding"):
        bech32_decode(bech32.bech32_encode("test", [0, 1]))
    assert bech32_decode(bech32.bech32_encode("test", [0, 4])) == ("test", b"\x01")


def test_bech32_encode_refuses_what_cannot_be_valid() -> None:
    for hrp in ("", "Cosmos", "a b", "é"):
        with pytest.raises(Bech32Error):
            bech32_encode(hrp, b"\x00")
    with pytest.raises(Bech32Error):
        bech32_encode("a", bytes(60))  # over 90 characters


# ---------------------------------------------------------------- addresses


def test_hash160_of_the_generator_is_the_bip173_p2wpkh_program() -> None:
    pubkey = bytes.fromhex(KEY_ONE_PUBKEY_HEX)
    assert compressed_pubkey(KEY_ONE) == pubkey
    assert ripemd160(hashlib.sha256(pubkey).digest()).hex() == (
        "751e76e8199196d454941c45d1b3a323f1433bd6"
    )
    # BIP-173's example address is witness version 0 followed by the same program.
    hrp, words = bech32.bech32_decode("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")
    assert words is not None
    assert (hrp, words[0]) == ("bc", 0)
    assert bech32.bech32_decode(address_from_pubkey(pubkey, PREFIX))[1] == words[1:]


def test_pinned_keys() -> None:
    assert address_from_pubkey(compressed_pubkey(KEY_ONE), PREFIX) == KEY_ONE_ADDRESS
    assert signed_headers(KEY_ONE)["X-VE-Address"] == KEY_ONE_ADDRESS
    assert signed_headers(KEY_ONE)["X-VE-PubKey"] == b64(bytes.fromhex(KEY_ONE_PUBKEY_HEX))
    fixed = compressed_pubkey(KEY_FIXED)
    assert fixed.hex() == KEY_FIXED_PUBKEY_HEX
    assert address_from_pubkey(fixed, PREFIX) == KEY_FIXED_ADDRESS


@pytest.mark.parametrize(
    ("pubkey_b64", "address"),
    [
        # cosmjs @cosmjs/amino addresses.spec.ts, pubkeyToAddress "works for Secp256k1"
        (
            "AtQaCqFnshaZQp6rIkvAPyzThvCvXSDO+9AzbxVErqJP",
            "cosmos1h806c7khnvmjlywdrkdgk2vrayy2mmvf9rxk2r",
        ),
        # cosmjs test faucet, account 0
        (FAUCET_PUBKEY_B64, FAUCET_ADDRESS),
        # a published demo key under three prefixes
        (DEMO_PUBKEY_B64, DEMO_ADDRESS),
        (DEMO_PUBKEY_B64, "neutron1m9l358xunhhwds0568za49mzhvuxx9ux8xafx2"),
        (DEMO_PUBKEY_B64, "fairy1m9l358xunhhwds0568za49mzhvuxx9uxdra8sq"),
    ],
)
def test_published_addresses(pubkey_b64: str, address: str) -> None:
    prefix = address.split("1", 1)[0]
    assert address_from_pubkey(base64.b64decode(pubkey_b64), prefix) == address


def test_tendermint_rs_raw_address() -> None:
    # cosmjs addresses.spec.ts, from tendermint-rs account.rs.
    pubkey = bytes.fromhex("02950E1CDFCB133D6024109FD489F734EEB4502418E538C28481F22BCE276F248C")
    address = address_from_pubkey(pubkey, PREFIX)
    assert bech32_decode(address)[1].hex() == "7c2bb42a8be69791ec763e51f5a49bcd41e82237"


def test_the_published_demo_secret_gives_its_published_pubkey() -> None:
    key = ec.derive_private_key(int(DEMO_SECRET_HEX, 16), ec.SECP256K1())
    assert b64(compressed_pubkey(key)) == DEMO_PUBKEY_B64


def test_address_from_pubkey_refuses_non_compressed_keys() -> None:
    with pytest.raises(ValueError, match="33-byte"):
        address_from_pubkey(b"\x04" + bytes(32), PREFIX)
    with pytest.raises(ValueError, match="33-byte"):
        address_from_pubkey(bytes.fromhex(KEY_ONE_PUBKEY_HEX)[:32], PREFIX)


# ---------------------------------------------------------------- ADR-036 sign doc


def test_adr036_sign_doc_is_the_exact_amino_json() -> None:
    signer = "cosmos1h806c7khnvmjlywdrkdgk2vrayy2mmvf9rxk2r"
    assert adr036_sign_doc(signer, b"hello") == (
        b'{"account_number":"0","chain_id":"","fee":{"amount":[],"gas":"0"},"memo":"",'
        b'"msgs":[{"type":"sign/MsgSignData","value":{"data":"aGVsbG8=",'
        b'"signer":"cosmos1h806c7khnvmjlywdrkdgk2vrayy2mmvf9rxk2r"}}],"sequence":"0"}'
    )


def test_adr036_sign_doc_carries_any_bytes_as_padded_standard_base64() -> None:
    doc = adr036_sign_doc("cosmos1x", b"\xfb\xff\xfe\n")
    assert b'"data":"+//+Cg=="' in doc


@pytest.mark.parametrize(
    ("address", "pubkey_b64", "signature_b64", "message"),
    [
        (DEMO_ADDRESS, DEMO_PUBKEY_B64, DEMO_ADR036_SIGNATURE, DEMO_ADDRESS.encode()),
        (FAUCET_ADDRESS, FAUCET_PUBKEY_B64, FAUCET_ADR036_SIGNATURE, b"Hello, world"),
    ],
)
def test_adr036_signatures_made_by_other_implementations_verify(
    address: str, pubkey_b64: str, signature_b64: str, message: bytes
) -> None:
    verify_wallet_signature(
        address=address,
        pubkey_b64=pubkey_b64,
        signature_b64=signature_b64,
        message=message,
        prefix=PREFIX,
    )
    with pytest.raises(SignatureError) as excinfo:
        verify_wallet_signature(
            address=address,
            pubkey_b64=pubkey_b64,
            signature_b64=signature_b64,
            message=message + b".",
            prefix=PREFIX,
        )
    assert_code("BAD_SIGNATURE", excinfo)
    r, s = split_signature(signature_b64)
    with pytest.raises(SignatureError) as excinfo:
        verify_wallet_signature(
            address=address,
            pubkey_b64=pubkey_b64,
            signature_b64=join_signature(r, SECP256K1_ORDER - s),
            message=message,
            prefix=PREFIX,
        )
    assert_code("HIGH_S_SIGNATURE", excinfo)


# ---------------------------------------------------------------- wallet round trip


def test_sign_wallet_request_returns_the_five_headers() -> None:
    headers = signed_headers()
    assert set(headers) == {
        "X-VE-Address",
        "X-VE-Timestamp",
        "X-VE-Nonce",
        "X-VE-Signature",
        "X-VE-PubKey",
    }
    assert headers["X-VE-Timestamp"] == TIMESTAMP
    assert headers["X-VE-Nonce"] == NONCE
    assert len(base64.b64decode(headers["X-VE-Signature"], validate=True)) == 64


@pytest.mark.parametrize("key", [KEY_ONE, KEY_FIXED, ec.generate_private_key(ec.SECP256K1())])
def test_wallet_round_trip(key: ec.EllipticCurvePrivateKey) -> None:
    verify_headers(signed_headers(key))


def test_wallet_round_trip_with_an_empty_body_and_query() -> None:
    headers = signed_headers(method="GET", query_string=b"", body=b"")
    verify_headers(headers, method="GET", query_string="", body=b"")


def test_method_case_and_equivalent_query_spellings_verify() -> None:
    headers = signed_headers(method="post", query_string=b"b=2&a=3&a=1")
    verify_headers(headers, method="POST", query_string="a=1&a=3&b=2")
    verify_headers(headers, method="Post", query_string=b"a=%31&b=2&a=3")


def test_signatures_are_always_low_s_and_verify() -> None:
    # ECDSA's s is high half of the time, so 24 signatures exercise the normalization.
    for _ in range(24):
        signature = sign_adr036(KEY_FIXED, KEY_FIXED_ADDRESS, b"data")
        assert int.from_bytes(signature[32:], "big") <= SECP256K1_ORDER // 2
        verify_wallet_signature(
            address=KEY_FIXED_ADDRESS,
            pubkey_b64=b64(bytes.fromhex(KEY_FIXED_PUBKEY_HEX)),
            signature_b64=b64(signature),
            message=b"data",
            prefix=PREFIX,
        )


def test_only_secp256k1_keys_can_sign() -> None:
    p256 = ec.generate_private_key(ec.SECP256R1())
    with pytest.raises(ValueError, match="secp256k1"):
        sign_wallet_request(p256, prefix=PREFIX, **request_parts())


# ---------------------------------------------------------------- wallet refusals


def wallet_error(**fields: Any) -> SignatureError:
    """The SignatureError for a valid KEY_ONE request with ``fields`` replaced."""
    headers = signed_headers()
    arguments: dict[str, Any] = {
        "address": headers["X-VE-Address"],
        "pubkey_b64": headers["X-VE-PubKey"],
        "signature_b64": headers["X-VE-Signature"],
        "message": canonical_request(**request_parts()).encode(),
        "prefix": PREFIX,
    }
    arguments.update(fields)
    with pytest.raises(SignatureError) as excinfo:
        verify_wallet_signature(**arguments)
    return excinfo.value


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"method": "PUT"}, "BAD_SIGNATURE"),
        ({"path": "/api/v1/providers/43/offers"}, "BAD_SIGNATURE"),
        ({"path": "/api/v1/providers/42/offers/"}, "BAD_SIGNATURE"),
        ({"query_string": b"b=2&a=3&a=2"}, "BAD_SIGNATURE"),
        ({"query_string": b"b=2&a=3&a=1&c="}, "BAD_SIGNATURE"),
        ({"query_string": b""}, "BAD_SIGNATURE"),
        ({"body": b'{"name":"gpu-a100","price":"0.01"}'}, "BAD_SIGNATURE"),
        ({"body": b""}, "BAD_SIGNATURE"),
        ({"timestamp": str(NOW_MS + 1)}, "BAD_SIGNATURE"),
        ({"nonce": "f" * 32}, "BAD_SIGNATURE"),
    ],
)
def test_tampered_requests_are_refused(change: dict[str, Any], code: str) -> None:
    headers = signed_headers()
    with pytest.raises(SignatureError) as excinfo:
        verify_headers(headers, **change)
    assert_code(code, excinfo)


def test_high_s_signature_is_refused() -> None:
    r, s = split_signature(signed_headers()["X-VE-Signature"])
    error = wallet_error(signature_b64=join_signature(r, SECP256K1_ORDER - s))
    assert error.code == "HIGH_S_SIGNATURE"


def test_wrong_address_prefix_is_refused() -> None:
    osmo = address_from_pubkey(bytes.fromhex(KEY_ONE_PUBKEY_HEX), "osmo")
    assert wallet_error(address=osmo).code == "WRONG_ADDRESS_PREFIX"
    # Same key, but the server is configured for another chain.
    assert wallet_error(prefix="osmo").code == "WRONG_ADDRESS_PREFIX"


def test_pubkey_not_matching_the_address_is_refused() -> None:
    other = signed_headers(KEY_FIXED)["X-VE-PubKey"]
    assert wallet_error(pubkey_b64=other).code == "ADDRESS_PUBKEY_MISMATCH"
    other_address = signed_headers(KEY_FIXED)["X-VE-Address"]
    assert wallet_error(address=other_address).code == "ADDRESS_PUBKEY_MISMATCH"


def test_signature_by_another_key_is_refused() -> None:
    other = sign_adr036(KEY_FIXED, KEY_ONE_ADDRESS, canonical_request(**request_parts()).encode())
    assert wallet_error(signature_b64=b64(other)).code == "BAD_SIGNATURE"


@pytest.mark.parametrize(
    "address",
    [
        "",
        "cosmos",
        KEY_ONE_ADDRESS[:-1] + ("q" if KEY_ONE_ADDRESS[-1] != "q" else "p"),  # bad checksum
        KEY_ONE_ADDRESS[:10] + KEY_ONE_ADDRESS[10:].upper(),  # mixed case
        KEY_ONE_ADDRESS.upper(),  # valid bech32, but not the canonical lowercase spelling
        bech32_encode(PREFIX, bytes(32)),  # 32 bytes: not an account address
        bech32_encode(PREFIX, ripemd160(bytes(32))[:19]),
        KEY_ONE_ADDRESS + " ",
    ],
)
def test_malformed_addresses_are_refused(address: str) -> None:
    assert wallet_error(address=address).code == "INVALID_ADDRESS"


@pytest.mark.parametrize(
    "pubkey_b64",
    [
        "",
        "not base64!",
        b64(bytes.fromhex(KEY_ONE_PUBKEY_HEX))[:-1],  # broken padding
        b64(bytes.fromhex(KEY_ONE_PUBKEY_HEX)[:32]),  # 32 bytes
        b64(bytes.fromhex(KEY_ONE_PUBKEY_HEX) + b"\x00"),  # 34 bytes
        b64(b"\x04" + bytes.fromhex(KEY_ONE_PUBKEY_HEX)[1:]),  # wrong prefix byte
        b64(  # the uncompressed form of the same key
            KEY_ONE.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        ),
        b64(b"\x02" + (5).to_bytes(32, "big")),  # x = 5: 5**3 + 7 is not a square mod p
        b64(b"\x03" + (2**256 - 1).to_bytes(32, "big")),  # x >= p
        bytes.fromhex(KEY_ONE_PUBKEY_HEX).hex(),  # hex, not base64
    ],
)
def test_invalid_public_keys_are_refused(pubkey_b64: str) -> None:
    assert wallet_error(pubkey_b64=pubkey_b64).code == "INVALID_PUBLIC_KEY"


B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def respell(value: str) -> str:
    """The same bytes in a second base64 spelling: flip an unused bit of the last data character."""
    data, padding = value.rstrip("="), "=" * (len(value) - len(value.rstrip("=")))
    assert padding, "without padding every bit is used"
    twin = B64_ALPHABET[B64_ALPHABET.index(data[-1]) ^ 1]
    respelled = data[:-1] + twin + padding
    assert respelled != value
    assert base64.b64decode(respelled) == base64.b64decode(value)
    return respelled


def test_non_canonical_base64_is_refused() -> None:
    signature = signed_headers()["X-VE-Signature"]
    assert wallet_error(signature_b64=respell(signature)).code == "INVALID_SIGNATURE_FORMAT"
    hmac_b64 = hmac_signature(b"k", "c")
    with pytest.raises(SignatureError) as excinfo:
        verify_hmac_signature(b"k", "c", respell(hmac_b64))
    assert_code("INVALID_SIGNATURE_FORMAT", excinfo)


def test_urlsafe_and_unpadded_base64_are_refused() -> None:
    signature = signed_headers()["X-VE-Signature"]
    assert wallet_error(signature_b64=signature.rstrip("=")).code == "INVALID_SIGNATURE_FORMAT"
    raw = base64.b64decode(signature)
    urlsafe = base64.urlsafe_b64encode(raw).decode()
    if urlsafe != signature:
        assert wallet_error(signature_b64=urlsafe).code == "INVALID_SIGNATURE_FORMAT"


@pytest.mark.parametrize(
    "signature_b64",
    [
        "",
        "%%%%",
        "not base64!",
        b64(bytes(63)),
        b64(bytes(65)),
        b64(bytes(70)),  # a DER signature is not r || s
        join_signature(0, 1),  # r = 0
        join_signature(1, 0),  # s = 0
        join_signature(SECP256K1_ORDER, 1),  # r = n
        join_signature(1, SECP256K1_ORDER),  # s = n
        join_signature(2**256 - 1, 2**256 - 1),
    ],
)
def test_malformed_signatures_are_refused(signature_b64: str) -> None:
    assert wallet_error(signature_b64=signature_b64).code == "INVALID_SIGNATURE_FORMAT"


def test_der_signature_is_refused() -> None:
    der = KEY_ONE.sign(b"anything", ec.ECDSA(hashes.SHA256()))
    assert wallet_error(signature_b64=b64(der)).code == "INVALID_SIGNATURE_FORMAT"


def test_checks_run_in_order() -> None:
    # A bad pubkey is reported before a bad address, a bad address before a bad signature.
    error = wallet_error(pubkey_b64="x", address="nonsense", signature_b64="x")
    assert error.code == "INVALID_PUBLIC_KEY"
    error = wallet_error(address="nonsense", signature_b64="x")
    assert error.code == "INVALID_ADDRESS"


def test_signature_error_carries_code_and_message() -> None:
    error = SignatureError("BAD_SIGNATURE", "signature does not verify")
    assert error.code == "BAD_SIGNATURE"
    assert error.message == str(error) == "signature does not verify"
    assert "BAD_SIGNATURE" in repr(error)


# ---------------------------------------------------------------- canonical request


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (b"", ""),
        (b"b=2&a=3&a=1", "a=1&a=3&b=2"),
        (b"a=2&a=10&a=1", "a=1&a=10&a=2"),  # values sort as strings
        (b"ab=1&a=2&a%20=3", "a=2&a%20=3&ab=1"),  # sorted by decoded name, then encoded
        (b"q=a b&x=%2F", "q=a%20b&x=%2F"),
        (b"q=a+b", "q=a%20b"),  # form encoding: + is a space
        (b"q=a%2Bb", "q=a%2Bb"),  # an encoded + stays a +
        (b"q=%7e%2D%5f%2E", "q=~-_."),  # unreserved characters are not encoded
        (
            b"q=%21%2A%27%28%29%3B%3A%40%26%3D%24%2C%2F%3F%23%5B%5D",
            "q=%21%2A%27%28%29%3B%3A%40%26%3D%24%2C%2F%3F%23%5B%5D",
        ),
        (b"q=%2f", "q=%2F"),  # hex digits upper case
        (b"name=%C3%A9t%C3%A9", "name=%C3%A9t%C3%A9"),
        (b"%E2%82%AC=1", "%E2%82%AC=1"),
        (b"x=%FF", "x=%FF"),  # not UTF-8: kept byte for byte
        (b"a=&b", "a=&b="),  # blank values are kept
        (b"&&a=1&&", "a=1"),  # empty fields are not parameters
        (b"a=1;b=2", "a=1%3Bb%3D2"),  # ; is not a separator
        (b"a=b=c", "a=b%3Dc"),
    ],
)
def test_canonical_query(raw: bytes, canonical: str) -> None:
    assert canonical_query(raw) == canonical


def test_canonical_query_takes_text_as_utf8() -> None:
    assert canonical_query("name=été&q=a b") == "name=%C3%A9t%C3%A9&q=a%20b"
    assert canonical_query("b=2&a=3&a=1") == canonical_query(b"b=2&a=3&a=1")


def test_canonical_request_layout() -> None:
    canonical = canonical_request(
        "get", "/api/v1/things", b"b=2&a=3&a=1", b"", "1767225600000", NONCE
    )
    assert canonical == (
        "GET\n/api/v1/things\na=1&a=3&b=2\n"
        f"{EMPTY_SHA256}\n1767225600000\n0123456789abcdef0123456789abcdef"
    )


def test_canonical_request_with_empty_query_has_an_empty_line() -> None:
    lines = canonical_request("POST", "/x", b"", b"{}", TIMESTAMP, NONCE).split("\n")
    assert lines == [
        "POST",
        "/x",
        "",
        hashlib.sha256(b"{}").hexdigest(),
        TIMESTAMP,
        NONCE,
    ]


def test_canonical_request_keeps_the_path_as_sent() -> None:
    canonical = canonical_request("GET", "/a%2Fb/./c", b"", b"", TIMESTAMP, NONCE)
    assert canonical.split("\n")[1] == "/a%2Fb/./c"


@pytest.mark.parametrize("field", ["method", "timestamp", "nonce"])
def test_canonical_request_refuses_line_breaks(field: str) -> None:
    parts = request_parts()
    parts[field] = parts[field] + "\nX"
    with pytest.raises(ValueError, match=field):
        canonical_request(**parts)


# ---------------------------------------------------------------- timestamp and nonce


def test_check_timestamp_accepts_the_window() -> None:
    assert check_timestamp(TIMESTAMP, NOW_MS) == NOW_MS
    assert check_timestamp(str(NOW_MS - 300_000), NOW_MS) == NOW_MS - 300_000
    assert check_timestamp(str(NOW_MS + 300_000), NOW_MS) == NOW_MS + 300_000
    assert check_timestamp(str(NOW_MS + 5_000), NOW_MS, window_ms=5_000) == NOW_MS + 5_000


@pytest.mark.parametrize(
    "raw", [str(NOW_MS - 300_001), str(NOW_MS + 300_001), "0", "1", str(NOW_MS // 1000)]
)
def test_check_timestamp_refuses_stale_and_future(raw: str) -> None:
    with pytest.raises(SignatureError) as excinfo:
        check_timestamp(raw, NOW_MS)
    assert_code("STALE_TIMESTAMP", excinfo)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "-1",
        "+1767225600000",
        " 1767225600000",
        "1767225600000 ",
        "1767225600000\n",
        "1767225600.000",
        "1.7e12",
        "0x19b",
        "1" * 17,
        "١٧٦٧٢٢٥٦٠٠٠٠٠",  # Arabic-Indic digits: int() would take them
        "1_767_225_600_000",
    ],
)
def test_check_timestamp_refuses_malformed(raw: str) -> None:
    with pytest.raises(SignatureError) as excinfo:
        check_timestamp(raw, NOW_MS)
    assert_code("INVALID_TIMESTAMP", excinfo)


def test_check_nonce() -> None:
    assert check_nonce(NONCE) == NONCE


@pytest.mark.parametrize(
    "raw",
    [
        "",
        NONCE.upper(),
        "0123456789ABCDEF0123456789abcdef",
        NONCE[:31],
        NONCE + "0",
        NONCE[:31] + "g",
        NONCE + "\n",
        " " + NONCE[1:],
        "\uff10" + NONCE[1:],  # FULLWIDTH DIGIT ZERO
    ],
)
def test_check_nonce_refuses_malformed(raw: str) -> None:
    with pytest.raises(SignatureError) as excinfo:
        check_nonce(raw)
    assert_code("INVALID_NONCE", excinfo)


# ---------------------------------------------------------------- HMAC


def test_hmac_rfc4231_test_case_2() -> None:
    expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert hmac_signature(b"Jefe", "what do ya want for nothing?") == b64(bytes.fromhex(expected))


def test_hmac_round_trip() -> None:
    secret = b"s" * 32
    headers = sign_hmac_request("key-1", secret, **request_parts())
    assert headers == {
        "X-VE-Key-Id": "key-1",
        "X-VE-Timestamp": TIMESTAMP,
        "X-VE-Nonce": NONCE,
        "X-VE-Signature": hmac_signature(secret, canonical_request(**request_parts())),
    }
    verify_hmac_signature(secret, canonical_request(**request_parts()), headers["X-VE-Signature"])


@pytest.mark.parametrize(
    "change",
    [
        {"method": "GET"},
        {"path": "/api/v1/providers/42"},
        {"query_string": b"a=1"},
        {"body": b"{}"},
        {"timestamp": str(NOW_MS + 1)},
        {"nonce": "f" * 32},
    ],
)
def test_hmac_tampering_is_refused(change: dict[str, Any]) -> None:
    secret = b"s" * 32
    headers = sign_hmac_request("key-1", secret, **request_parts())
    with pytest.raises(SignatureError) as excinfo:
        verify_hmac_signature(
            secret, canonical_request(**request_parts(**change)), headers["X-VE-Signature"]
        )
    assert_code("BAD_SIGNATURE", excinfo)


def test_hmac_wrong_secret_and_flipped_bit_are_refused() -> None:
    canonical = canonical_request(**request_parts())
    signature = hmac_signature(b"right", canonical)
    with pytest.raises(SignatureError) as excinfo:
        verify_hmac_signature(b"wrong", canonical, signature)
    assert_code("BAD_SIGNATURE", excinfo)
    raw = bytearray(base64.b64decode(signature))
    raw[-1] ^= 1
    with pytest.raises(SignatureError) as excinfo:
        verify_hmac_signature(b"right", canonical, b64(bytes(raw)))
    assert_code("BAD_SIGNATURE", excinfo)


@pytest.mark.parametrize(
    "signature_b64",
    ["", "not base64!", b64(bytes(31)), b64(bytes(33)), "00" * 32, b64(bytes(32)).rstrip("=")],
)
def test_hmac_malformed_signatures_are_refused(signature_b64: str) -> None:
    with pytest.raises(SignatureError) as excinfo:
        verify_hmac_signature(b"secret", "canonical", signature_b64)
    assert_code("INVALID_SIGNATURE_FORMAT", excinfo)


def test_hmac_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    signature = hmac_signature(b"k", "c")
    verify_hmac_signature(b"k", "c", signature)
    with pytest.raises(SignatureError):
        verify_hmac_signature(b"k", "d", signature)
    assert len(calls) == 2
    assert all(len(a) == len(b) == 32 for a, b in calls)
