"""Services that providers publish, and their tags (a table, so tag filters use an index)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    updated_at_column,
)
from provider_registry.kit.timeutil import utcnow

PUBLIC_STATUSES = ("active", "deprecated")
PUBLIC_ROWS = text("status IN ('active', 'deprecated') AND deleted_at IS NULL")


class Service(SQLModel, table=True):
    __tablename__ = "services"
    __table_args__ = (
        UniqueConstraint(
            "provider_id", "name", "version", name="uq_services_provider_name_version"
        ),
        CheckConstraint(
            "status IN ('pending_approval', 'active', 'deprecated', 'suspended', 'retired')",
            name="ck_services_status",
        ),
        # The public catalog's sort orders, over public rows only: partial indexes let PostgreSQL
        # read a page in order instead of scanning and sorting every service.
        Index(
            "ix_services_public_created",
            "created_at",
            "id",
            postgresql_where=PUBLIC_ROWS,
            sqlite_where=PUBLIC_ROWS,
        ),
        Index(
            "ix_services_public_published",
            "published_at",
            "id",
            postgresql_where=PUBLIC_ROWS,
            sqlite_where=PUBLIC_ROWS,
        ),
        Index(
            "ix_services_public_name",
            "name",
            "id",
            postgresql_where=PUBLIC_ROWS,
            sqlite_where=PUBLIC_ROWS,
        ),
        Index("ix_services_provider_created", "provider_id", "created_at", "id"),
        Index("ix_services_name", "name"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    provider_id: uuid.UUID = Field(sa_column=Column(ForeignKey("providers.id"), nullable=False))
    name: str = Field(sa_column=Column(String(100), nullable=False))
    version: str = Field(sa_column=Column(String(100), nullable=False))
    description: str = Field(sa_column=Column(Text, nullable=False))
    category: str = Field(sa_column=Column(String(50), nullable=False))
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    capabilities: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    endpoint: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    pricing: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    sla: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    compliance: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    # Copies of fields inside the documents, as columns for filters.
    pricing_model: str = Field(sa_column=Column(String(30), nullable=False))
    compliance_level: str | None = Field(default=None, sa_column=Column(String(20)))
    sla_availability: float | None = Field(default=None, sa_column=Column(Float))
    sla_max_latency: int | None = Field(default=None, nullable=True)
    # Name, description and tags: the source of the full-text index (PostgreSQL keeps a
    # generated tsvector column over it, see the migration) and of the LIKE fallback elsewhere.
    search_text: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="pending_approval", sa_column=Column(String(30), nullable=False))
    suspension_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    revision: int = Field(default=1, nullable=False)
    deleted_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    published_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class ServiceTag(SQLModel, table=True):
    __tablename__ = "service_tags"
    __table_args__ = (Index("ix_service_tags_tag", "tag", "service_id"),)

    service_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    )
    tag: str = Field(sa_column=Column(String(50), primary_key=True))
