"""Deployments (leases) and what their provider reports: status, logs, metrics, actions."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    required_time_column,
    updated_at_column,
)
from provider_registry.kit.timeutil import utcnow

STATES = ("pending", "active", "closed")
ACTIONS = ("start", "stop", "restart")
ACTION_STATUSES = ("pending", "succeeded", "failed")

# Resources: vCPUs, GiB of memory, GiB of storage (three decimal places), whole GPUs.
RESOURCE = Numeric(12, 3)


class Deployment(SQLModel, table=True):
    __tablename__ = "deployments"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'active', 'closed')", name="ck_deployments_state"),
        # Keyset pages, newest first: a tenant's own, an organization's, a provider's.
        Index("ix_deployments_owner_created", "owner_account_id", "created_at", "id"),
        Index("ix_deployments_organization_created", "organization_id", "created_at", "id"),
        Index("ix_deployments_provider_created", "provider_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    owner_account_id: uuid.UUID = Field(sa_column=Column(ForeignKey("accounts.id"), nullable=False))
    organization_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("organizations.id"), nullable=True)
    )
    provider_id: uuid.UUID = Field(sa_column=Column(ForeignKey("providers.id"), nullable=False))
    service_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("services.id"), nullable=True)
    )
    name: str = Field(sa_column=Column(String(100), nullable=False))
    cpu: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    memory: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    storage: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    gpu: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    state: str = Field(default="pending", sa_column=Column(String(20), nullable=False))
    # Set by the provider when it accepts the deployment.
    lease_id: str | None = Field(default=None, sa_column=Column(String(100), nullable=True))
    # The provider's pricing document when it accepted: what usage and invoices charge.
    pricing: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    replicas_ready: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    replicas_total: int = Field(default=0, sa_column=Column(Integer, nullable=False, default=0))
    # [{name, state, replicas}] as the provider last reported them.
    services: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    version: int = Field(default=1, nullable=False)
    accepted_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    closed_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class DeploymentLog(SQLModel, table=True):
    __tablename__ = "deployment_logs"
    __table_args__ = (
        Index("ix_deployment_logs_deployment_ts", "deployment_id", "ts", "id"),
        # The maintenance job's retention sweep (oldest first, in batches).
        Index("ix_deployment_logs_ts", "ts"),
    )

    id: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True),
    )
    deployment_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("deployments.id", ondelete="CASCADE"), nullable=False)
    )
    ts: datetime = Field(sa_column=required_time_column())
    service: str | None = Field(default=None, sa_column=Column(String(100), nullable=True))
    line: str = Field(sa_column=Column(Text, nullable=False))


class DeploymentMetrics(SQLModel, table=True):
    """The latest usage a provider reported for a deployment (limits are its resources)."""

    __tablename__ = "deployment_metrics"

    deployment_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("deployments.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    cpu: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    memory: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    storage: Decimal = Field(sa_column=Column(RESOURCE, nullable=False))
    gpu: Decimal | None = Field(default=None, sa_column=Column(RESOURCE, nullable=True))
    reported_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())


class DeploymentAction(SQLModel, table=True):
    """start / stop / restart, requested by a tenant and acknowledged by the provider."""

    __tablename__ = "deployment_actions"
    __table_args__ = (
        CheckConstraint(
            "action IN ('start', 'stop', 'restart')", name="ck_deployment_actions_action"
        ),
        CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')", name="ck_deployment_actions_status"
        ),
        Index("ix_deployment_actions_deployment_status", "deployment_id", "status", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    deployment_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("deployments.id", ondelete="CASCADE"), nullable=False)
    )
    action: str = Field(sa_column=Column(String(20), nullable=False))
    status: str = Field(default="pending", sa_column=Column(String(20), nullable=False))
    requested_by: uuid.UUID = Field(sa_column=Column(ForeignKey("accounts.id"), nullable=False))
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    acknowledged_at: datetime | None = Field(default=None, sa_column=optional_time_column())
