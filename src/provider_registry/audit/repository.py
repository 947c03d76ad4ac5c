"""All SQL for the audit log: appending an event, and keyset pages of events."""

from __future__ import annotations

import uuid

from sqlmodel import col, select

from provider_registry.audit.models import AuditEvent
from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository


class AuditRepository(Repository[AuditEvent]):
    model = AuditEvent

    def page(
        self,
        *,
        action: str | None,
        actor_id: uuid.UUID | None,
        target_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[AuditEvent]:
        statement = select(AuditEvent)
        if action:
            statement = statement.where(col(AuditEvent.action) == action)
        if actor_id:
            statement = statement.where(col(AuditEvent.actor_id) == actor_id)
        if target_id:
            statement = statement.where(col(AuditEvent.target_id) == target_id)
        return paginate(self.session, statement, AuditEvent, limit, cursor)
