"""Write and read the audit log."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session, col, select

from provider_registry.audit.models import AuditEvent
from provider_registry.identity.principal import Principal
from provider_registry.kit.context import current_request_id
from provider_registry.kit.pagination import Page, paginate


def record(
    session: Session,
    actor: Principal | None,
    action: str,
    target_kind: str,
    target_id: uuid.UUID,
    **details: Any,
) -> AuditEvent:
    event = AuditEvent(
        actor_kind=actor.kind if actor else "system",
        actor_id=actor.id if actor else None,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        request_id=current_request_id() or "none",
        details=details,
    )
    session.add(event)
    session.flush()
    return event


def page(
    session: Session,
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
    return paginate(session, statement, AuditEvent, limit, cursor)
