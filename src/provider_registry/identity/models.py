"""Refresh tokens (for rotation and reuse detection) and API keys (hashes only)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Column, Index, String, Text
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    required_time_column,
)
from provider_registry.kit.timeutil import utcnow


class RefreshToken(SQLModel, table=True):
    """One row per refresh token issued. A family is every token descended from one sign-in."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (
        CheckConstraint(
            "subject_kind IN ('account', 'provider')", name="ck_refresh_tokens_subject_kind"
        ),
        Index("ix_refresh_tokens_family_id", "family_id"),
        Index("ix_refresh_tokens_api_key_id", "api_key_id"),
    )

    jti: uuid.UUID = Field(primary_key=True)
    family_id: uuid.UUID = Field(nullable=False)
    subject_kind: str = Field(sa_column=Column(String(20), nullable=False))
    subject_id: uuid.UUID = Field(nullable=False, index=True)
    issued_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    expires_at: datetime = Field(sa_column=required_time_column())
    used_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    revoked_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    # The sign-in's absolute end: rotation never moves it (jwt.refresh_absolute_ttl_seconds, or
    # the API key's expiry when that is sooner).
    family_expires_at: datetime = Field(sa_column=required_time_column())
    # A family obtained with an API key: at most the key's scopes, and it ends with the key.
    # NULL scopes: the subject's role's scopes.
    scopes: list[str] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    api_key_id: uuid.UUID | None = Field(default=None, nullable=True)


class ApiKey(SQLModel, table=True):
    __tablename__ = "api_keys"
    __table_args__ = (
        CheckConstraint("owner_kind IN ('account', 'provider')", name="ck_api_keys_owner_kind"),
        Index("ix_api_keys_owner_created", "owner_kind", "owner_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(primary_key=True)
    owner_kind: str = Field(sa_column=Column(String(20), nullable=False))
    owner_id: uuid.UUID = Field(nullable=False)
    name: str = Field(sa_column=Column(String(100), nullable=False))
    key_prefix: str = Field(sa_column=Column(String(20), nullable=False))
    key_hash: str = Field(sa_column=Column(String(64), nullable=False))
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    expires_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    last_used_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    revoked_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())


class RequestNonce(SQLModel, table=True):
    """A nonce a signed request used, per signer ("wallet:<address>" or "hmac:<key id>"). The
    primary key makes use-once atomic across every instance sharing the database."""

    __tablename__ = "request_nonces"
    __table_args__ = (Index("ix_request_nonces_created", "created_at"),)

    signer: str = Field(sa_column=Column(String(140), primary_key=True, nullable=False))
    nonce: str = Field(sa_column=Column(String(32), primary_key=True, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())


class HmacKey(SQLModel, table=True):
    """A legacy HMAC signing key. The server must recompute signatures, so the secret is kept,
    encrypted (Fernet), never hashed."""

    __tablename__ = "hmac_keys"
    __table_args__ = (Index("ix_hmac_keys_account_created", "account_id", "created_at", "id"),)

    id: uuid.UUID = Field(primary_key=True)
    account_id: uuid.UUID = Field(nullable=False, foreign_key="accounts.id")
    name: str = Field(sa_column=Column(String(100), nullable=False))
    secret_ciphertext: str = Field(sa_column=Column(Text, nullable=False))
    last_used_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    revoked_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
