"""Invoices, one per billed party, period and currency, with a line per deployment."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import created_at_column, optional_time_column
from provider_registry.kit.timeutil import utcnow

MONEY = Numeric(20, 8)
QUANTITY = Numeric(20, 6)


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"
    __table_args__ = (
        # One invoice per billed party, period and currency: a second run adds nothing.
        UniqueConstraint("billed_to", "period", "currency", name="uq_invoices_billed_period"),
        CheckConstraint("status IN ('pending', 'paid')", name="ck_invoices_status"),
        CheckConstraint(
            "(account_id IS NULL) <> (organization_id IS NULL)", name="ck_invoices_one_party"
        ),
        Index("ix_invoices_account_created", "account_id", "created_at", "id"),
        Index("ix_invoices_organization_created", "organization_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    number: str = Field(sa_column=Column(String(40), nullable=False, unique=True))
    # "account:<uuid>" or "organization:<uuid>": one non-null key for the unique constraint.
    billed_to: str = Field(sa_column=Column(String(60), nullable=False))
    account_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("accounts.id"), nullable=True)
    )
    organization_id: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("organizations.id"), nullable=True)
    )
    period: str = Field(sa_column=Column(String(7), nullable=False))  # YYYY-MM
    currency: str = Field(sa_column=Column(String(3), nullable=False))
    total: Decimal = Field(sa_column=Column(MONEY, nullable=False))
    # Stored as pending or paid; "overdue" is a pending invoice past its due date.
    status: str = Field(default="pending", sa_column=Column(String(20), nullable=False))
    due_date: date = Field(sa_column=Column(Date, nullable=False))
    paid_at: datetime | None = Field(default=None, sa_column=optional_time_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())


class InvoiceLine(SQLModel, table=True):
    __tablename__ = "invoice_lines"
    __table_args__ = (Index("ix_invoice_lines_invoice", "invoice_id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    invoice_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("invoices.id", ondelete="CASCADE"), nullable=False)
    )
    deployment_id: uuid.UUID = Field(sa_column=Column(ForeignKey("deployments.id"), nullable=False))
    provider_id: uuid.UUID = Field(sa_column=Column(ForeignKey("providers.id"), nullable=False))
    description: str = Field(sa_column=Column(String(200), nullable=False))
    cpu_hours: Decimal = Field(sa_column=Column(QUANTITY, nullable=False))
    memory_gb_hours: Decimal = Field(sa_column=Column(QUANTITY, nullable=False))
    storage_gb_hours: Decimal = Field(sa_column=Column(QUANTITY, nullable=False))
    gpu_hours: Decimal = Field(sa_column=Column(QUANTITY, nullable=False))
    amount: Decimal = Field(sa_column=Column(MONEY, nullable=False))
