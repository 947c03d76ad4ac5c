"""Providers, the formats they support (for filtering), and built-in billing accounts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, ForeignKey, Index, String, Text
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    updated_at_column,
)
from provider_registry.kit.timeutil import utcnow

STATUSES = ("pending", "approved", "rejected", "suspended")


class Provider(SQLModel, table=True):
    __tablename__ = "providers"
    __table_args__ = (
        CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'suspended')",
            name="ck_providers_status",
        ),
        # Keyset pages: newest first, overall and per status / region.
        Index("ix_providers_created", "created_at", "id"),
        Index("ix_providers_status_created", "status", "created_at", "id"),
        Index("ix_providers_status_region_created", "status", "region", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(sa_column=Column(String(100), nullable=False))
    # Lower-cased; unique across providers.
    email: str = Field(sa_column=Column(String(320), nullable=False, unique=True))
    organization: str | None = Field(default=None, sa_column=Column(String(200), nullable=True))
    public_key: str = Field(sa_column=Column(Text, nullable=False))
    endpoints: list[dict[str, Any]] = Field(sa_column=Column(JSON, nullable=False))
    provider_metadata: dict[str, Any] = Field(sa_column=Column("metadata", JSON, nullable=False))
    # Copies of fields inside the JSON documents, as columns so the directory can filter on them.
    region: str = Field(sa_column=Column(String(50), nullable=False))
    gpu_model: str | None = Field(default=None, sa_column=Column(String(100), nullable=True))
    gpu_count: int = Field(default=0, nullable=False)
    pricing: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    capacity: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    status: str = Field(default="pending", sa_column=Column(String(20), nullable=False))
    rejection_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    suspension_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    billing_account_id: str | None = Field(
        default=None, sa_column=Column(String(100), nullable=True)
    )
    owner_account_id: uuid.UUID | None = Field(
        default=None, foreign_key="accounts.id", nullable=True, index=True
    )
    version: int = Field(default=1, nullable=False)
    # Bumped when the provider is suspended or rejected (see Account.token_epoch).
    token_epoch: int = Field(default=0, nullable=False, sa_column_kwargs={"server_default": "0"})
    reviewed_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    # Set while an approval calls the billing service (outside any transaction): the claim that
    # keeps a second approval or a rejection out until it is applied or abandoned.
    approval_started_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class ProviderFormat(SQLModel, table=True):
    """One row per supported format, lower-cased: an indexable filter on every database."""

    __tablename__ = "provider_formats"
    __table_args__ = (Index("ix_provider_formats_format", "format", "provider_id"),)

    provider_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("providers.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    format: str = Field(sa_column=Column(String(50), primary_key=True, nullable=False))


class BillingAccount(SQLModel, table=True):
    """The built-in billing gateway's accounts: one per approved provider."""

    __tablename__ = "billing_accounts"

    id: str = Field(sa_column=Column(String(100), primary_key=True))
    provider_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("providers.id"), unique=True, nullable=False)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
