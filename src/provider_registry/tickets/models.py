"""Support tickets about a deployment, and their comments."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Text
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import created_at_column, updated_at_column
from provider_registry.kit.timeutil import utcnow

STATUSES = ("open", "in_progress", "waiting_customer", "resolved", "closed")
CATEGORIES = ("technical", "billing", "general", "security")
PRIORITIES = ("low", "medium", "high", "critical")


class Ticket(SQLModel, table=True):
    __tablename__ = "tickets"
    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'in_progress', 'waiting_customer', 'resolved', 'closed')",
            name="ck_tickets_status",
        ),
        CheckConstraint(
            "category IN ('technical', 'billing', 'general', 'security')",
            name="ck_tickets_category",
        ),
        CheckConstraint(
            "priority IN ('low', 'medium', 'high', 'critical')", name="ck_tickets_priority"
        ),
        Index("ix_tickets_deployment_created", "deployment_id", "created_at", "id"),
        Index("ix_tickets_provider_created", "provider_id", "created_at", "id"),
        Index("ix_tickets_opened_by_created", "opened_by", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    deployment_id: uuid.UUID = Field(sa_column=Column(ForeignKey("deployments.id"), nullable=False))
    # The deployment's provider, copied so a provider's ticket list needs no join.
    provider_id: uuid.UUID = Field(sa_column=Column(ForeignKey("providers.id"), nullable=False))
    opened_by: uuid.UUID = Field(sa_column=Column(ForeignKey("accounts.id"), nullable=False))
    subject: str = Field(sa_column=Column(String(200), nullable=False))
    description: str = Field(sa_column=Column(Text, nullable=False))
    category: str = Field(sa_column=Column(String(20), nullable=False))
    priority: str = Field(sa_column=Column(String(20), nullable=False))
    status: str = Field(default="open", sa_column=Column(String(20), nullable=False))
    version: int = Field(default=1, nullable=False)
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class TicketComment(SQLModel, table=True):
    __tablename__ = "ticket_comments"
    __table_args__ = (
        CheckConstraint(
            "author_kind IN ('account', 'provider')", name="ck_ticket_comments_author_kind"
        ),
        Index("ix_ticket_comments_ticket_created", "ticket_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ticket_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    )
    author_kind: str = Field(sa_column=Column(String(20), nullable=False))
    author_id: uuid.UUID = Field(nullable=False)
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
