"""Signing requests as a client does: the counterpart of :mod:`.signing`, which only verifies.
The server never calls these; tests, the benchmarks and client examples do."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, utils

from provider_registry.identity.signing import (
    HEADER_ADDRESS,
    HEADER_KEY_ID,
    HEADER_NONCE,
    HEADER_PUBKEY,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    SECP256K1_HALF_ORDER,
    SECP256K1_ORDER,
    address_from_pubkey,
    adr036_sign_doc,
    canonical_request,
    compressed_pubkey,
    hmac_signature,
)


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
