"""Accounts: people and wallets that sign in. Providers are a separate principal kind."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal, Protocol

from sqlalchemy import CheckConstraint, Column, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    updated_at_column,
)
from provider_registry.kit.timeutil import utcnow

Role = Literal["admin", "provider", "consumer", "viewer"]
ROLES: tuple[Role, ...] = ("admin", "provider", "consumer", "viewer")
AccountStatus = Literal["active", "disabled"]


class Account(SQLModel, table=True):
    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint(
            "role IN ('admin', 'provider', 'consumer', 'viewer')", name="ck_accounts_role"
        ),
        CheckConstraint("status IN ('active', 'disabled')", name="ck_accounts_status"),
        CheckConstraint(
            "email IS NOT NULL OR wallet_address IS NOT NULL", name="ck_accounts_identity"
        ),
        UniqueConstraint("wallet_address", name="uq_accounts_wallet_address"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    # Stored lower-cased, so uniqueness is case-insensitive on every database. Wallet accounts
    # (created on an address's first signed request) have no email and no password.
    email: str | None = Field(
        default=None, sa_column=Column(String(320), nullable=True, unique=True)
    )
    wallet_address: str | None = Field(default=None, sa_column=Column(String(120), nullable=True))
    password_hash: str | None = Field(default=None, sa_column=Column(String(100), nullable=True))
    first_name: str = Field(sa_column=Column(String(100), nullable=False))
    last_name: str = Field(sa_column=Column(String(100), nullable=False))
    role: str = Field(sa_column=Column(String(20), nullable=False))
    status: str = Field(default="active", sa_column=Column(String(20), nullable=False))
    email_verified: bool = Field(default=False)
    # Bumped when the account is disabled or its role changes: access tokens carry the epoch
    # they were issued in and stop working as soon as it moves on.
    token_epoch: int = Field(default=0, nullable=False, sa_column_kwargs={"server_default": "0"})
    last_login_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class AccountFields(Protocol):
    """What a view of an account reads: an ``Account``, or the Core row authentication loaded
    (``Repository.row``), which a read handler shows without making an instance of it."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def email(self) -> str | None: ...
    @property
    def wallet_address(self) -> str | None: ...
    @property
    def first_name(self) -> str | None: ...
    @property
    def last_name(self) -> str | None: ...
    @property
    def role(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def email_verified(self) -> bool: ...
    @property
    def last_login_at(self) -> datetime | None: ...
    @property
    def created_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...
