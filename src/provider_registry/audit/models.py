from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, String
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import created_at_column
from provider_registry.kit.timeutil import utcnow


class AuditEvent(SQLModel, table=True):
    """Who did what to what, when, in which request. Written in the request's transaction, so a
    failed request leaves no event behind."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_created", "created_at", "id"),
        Index("ix_audit_events_target", "target_id", "created_at"),
        Index("ix_audit_events_actor", "actor_id", "created_at"),
        Index("ix_audit_events_action", "action", "created_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    actor_kind: str = Field(sa_column=Column(String(20), nullable=False))
    actor_id: uuid.UUID | None = Field(default=None, nullable=True)
    action: str = Field(sa_column=Column(String(100), nullable=False))
    target_kind: str = Field(sa_column=Column(String(50), nullable=False))
    target_id: uuid.UUID = Field(nullable=False)
    request_id: str = Field(sa_column=Column(String(128), nullable=False))
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
