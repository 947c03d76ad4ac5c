"""Signed requests: who a wallet-signed (``walletAuth``) or HMAC-signed (``hmacAuth``) request
comes from, once its signature, time window and nonce check out.

The cryptography is in ``signing.py`` (pure functions); this module adds what needs the database:
each nonce is used once per signer (a primary-key row, so a replay fails on every instance that
shares the database), a wallet address's first request creates its consumer account, and HMAC
secrets are kept encrypted (Fernet, with a key derived from the server's API key pepper) because
the server must recompute signatures.
"""

from __future__ import annotations

import base64
import os
import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Row
from sqlmodel import Session

from provider_registry.accounts.models import Account
from provider_registry.accounts.repository import AccountRepository
from provider_registry.audit import service as audit
from provider_registry.identity import signing
from provider_registry.identity.errors import HmacKeyNotFound
from provider_registry.identity.models import HmacKey
from provider_registry.identity.principal import Principal
from provider_registry.identity.repository import (
    HmacKeyRepository,
    prune_signer_nonces,
    record_nonce,
)
from provider_registry.identity.scopes import scopes_for_role
from provider_registry.kit.pagination import Page
from provider_registry.kit.timeutil import utcnow

Scheme = Literal["wallet", "hmac"]
WALLET_HEADERS = ("x-ve-address", "x-ve-timestamp", "x-ve-nonce", "x-ve-signature", "x-ve-pubkey")
HMAC_HEADERS = ("x-ve-key-id", "x-ve-timestamp", "x-ve-nonce", "x-ve-signature")
SECRET_BYTES = 32
_NO_KEY_SECRET = secrets.token_bytes(SECRET_BYTES)


@dataclass(frozen=True, slots=True)
class SignedRequest:
    method: str
    path: str
    query_string: bytes
    body: bytes
    headers: Mapping[str, str]  # lower-case names

    @property
    def scheme(self) -> Scheme:
        return "hmac" if "x-ve-key-id" in self.headers else "wallet"

    def canonical(self) -> str:
        return signing.canonical_request(
            self.method,
            self.path,
            self.query_string,
            self.body,
            self.headers["x-ve-timestamp"],
            self.headers["x-ve-nonce"],
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a signed request was refused: ``kind`` picks the problem, ``reason`` is the detail."""

    scheme: Scheme
    kind: Literal["invalid", "stale", "replayed"]
    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class SignedConfig:
    address_prefix: str
    window_ms: int
    cipher: Fernet


def secret_cipher(pepper: str) -> Fernet:
    """The Fernet key for HMAC secrets, derived from the server pepper (its own HKDF context, so
    it is independent of the pepper's use for API key hashes)."""
    key = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"provider-registry/hmac-key-secrets/v1",
    ).derive(pepper.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def authenticate(
    session: Session,
    config: SignedConfig,
    request: SignedRequest,
    *,
    now_ms: int,
    before_new_account: Callable[[], None] | None = None,
) -> Principal | Rejection:
    """``before_new_account`` runs before an address's first request creates its account, and may
    raise to refuse (the per-client sign-up budget)."""
    scheme = request.scheme
    names = HMAC_HEADERS if scheme == "hmac" else WALLET_HEADERS
    missing = [name for name in names if not request.headers.get(name)]
    if missing:
        return Rejection(
            scheme, "invalid", "MISSING_HEADERS", "Missing signature headers: " + ", ".join(missing)
        )
    try:
        signing.check_timestamp(request.headers["x-ve-timestamp"], now_ms, config.window_ms)
        nonce = signing.check_nonce(request.headers["x-ve-nonce"])
    except signing.SignatureError as exc:
        kind: Literal["invalid", "stale"] = "stale" if exc.code == "STALE_TIMESTAMP" else "invalid"
        return Rejection(scheme, kind, exc.code, str(exc))
    if scheme == "wallet":
        return _wallet(session, config, request, nonce, before_new_account)
    return _hmac(session, config, request, nonce)


def _wallet(
    session: Session,
    config: SignedConfig,
    request: SignedRequest,
    nonce: str,
    before_new_account: Callable[[], None] | None,
) -> Principal | Rejection:
    address = request.headers["x-ve-address"]
    try:
        signing.verify_wallet_signature(
            address=address,
            pubkey_b64=request.headers["x-ve-pubkey"],
            signature_b64=request.headers["x-ve-signature"],
            message=request.canonical().encode(),
            prefix=config.address_prefix,
        )
    except signing.SignatureError as exc:
        return Rejection("wallet", "invalid", exc.code, str(exc))
    if not consume_nonce(session, f"wallet:{address}", nonce, config.window_ms):
        return _replayed("wallet")
    account = wallet_account(session, address, before_new_account)
    if account.status != "active":
        return Rejection("wallet", "invalid", "ACCOUNT_DISABLED", "This account is disabled.")
    return Principal(
        kind="account",
        id=account.id,
        role=account.role,
        scopes=scopes_for_role(account.role),
        auth_method="wallet",
        row=account,
    )


def _hmac(
    session: Session, config: SignedConfig, request: SignedRequest, nonce: str
) -> Principal | Rejection:
    # An unknown, revoked or unusable key id and a wrong signature get one answer, and the same
    # work (an HMAC over the request, under a throwaway secret when there is no key), so a
    # caller cannot probe which key ids exist.
    refused = Rejection(
        "hmac", "invalid", "BAD_SIGNATURE", "The key id or the signature is not valid."
    )
    key: HmacKey | None = None
    try:
        key_id = uuid.UUID(request.headers["x-ve-key-id"])
    except ValueError:
        key_id = None
    if key_id is not None:
        key = HmacKeyRepository(session).usable(key_id)
    account = AccountRepository(session).get(key.account_id) if key is not None else None
    secret: bytes | None = None
    if key is not None and account is not None and account.status == "active":
        try:
            secret = config.cipher.decrypt(key.secret_ciphertext.encode())
        except InvalidToken:  # encrypted under another pepper: the key cannot be used any more
            secret = None
    try:
        signing.verify_hmac_signature(
            secret or _NO_KEY_SECRET, request.canonical(), request.headers["x-ve-signature"]
        )
    except signing.SignatureError as exc:
        if exc.code == "BAD_SIGNATURE":
            return refused
        return Rejection("hmac", "invalid", exc.code, str(exc))  # its shape, whatever the key
    if secret is None or key is None or account is None:
        return refused
    if not consume_nonce(session, f"hmac:{key.id}", nonce, config.window_ms):
        return _replayed("hmac")
    HmacKeyRepository(session).touch(key, utcnow())
    return Principal(
        kind="account",
        id=account.id,
        role=account.role,
        scopes=scopes_for_role(account.role),
        auth_method="hmac",
        key_id=key.id,
    )


def _replayed(scheme: Scheme) -> Rejection:
    return Rejection(
        scheme, "replayed", "NONCE_REUSED", "This nonce was already used: sign with a fresh one."
    )


def consume_nonce(session: Session, signer: str, nonce: str, window_ms: int) -> bool:
    """Record the nonce for the signer; False if it was already there (a replay). Nonces older
    than twice the window can no longer pass the time check and are pruned."""
    now = utcnow()
    prune_signer_nonces(session, signer, now - timedelta(milliseconds=2 * window_ms))
    return record_nonce(session, signer, nonce, now)


def wallet_account(
    session: Session, address: str, before_create: Callable[[], None] | None = None
) -> Account | Row[Any]:
    """The account whose identity is this address, created (as a consumer) on first use, after
    ``before_create`` (which may raise to refuse). Two first requests at once: one insert wins,
    the other reads the winner's row. An existing account comes back as a Core row (every
    signed request reads it; ``kit.db.reuse`` makes an instance of it where one is needed)."""
    accounts = AccountRepository(session)
    existing = accounts.row_by_wallet(address)
    if existing is not None:
        return existing
    if before_create is not None:
        before_create()
    return accounts.add_wallet_account(address)


# Key management (bearer sessions only) --------------------------------------------------------


def create_key(
    session: Session, cipher: Fernet, principal: Principal, *, name: str
) -> tuple[HmacKey, str]:
    secret = secrets.token_bytes(SECRET_BYTES)
    key = HmacKey(
        id=uuid.UUID(bytes=os.urandom(16), version=4),
        account_id=principal.id,
        name=name.strip(),
        secret_ciphertext=cipher.encrypt(secret).decode(),
        created_at=utcnow(),
    )
    HmacKeyRepository(session).add(key)
    audit.record(
        session, principal, "hmac_key.issued", principal.kind, principal.id, key_id=str(key.id)
    )
    return key, base64.b64encode(secret).decode()


def list_keys(
    session: Session, principal: Principal, limit: int, cursor: str | None
) -> Page[HmacKey]:
    return HmacKeyRepository(session).page_owned_by(principal, limit, cursor)


def revoke_key(session: Session, principal: Principal, key_id: uuid.UUID) -> None:
    keys = HmacKeyRepository(session)
    key = keys.get_owned_by(principal, key_id)
    if key is None:
        raise HmacKeyNotFound("No HMAC key with this id belongs to you.")
    keys.revoke(key, utcnow())
    audit.record(
        session, principal, "hmac_key.revoked", principal.kind, principal.id, key_id=str(key.id)
    )
