"""Write and read the audit log."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from provider_registry.audit.models import AuditEvent
from provider_registry.audit.repository import AuditRepository
from provider_registry.identity.principal import Principal
from provider_registry.kit.context import current_request_id
from provider_registry.kit.pagination import Page


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
    return AuditRepository(session).add(event)


def page(
    session: Session,
    *,
    action: str | None,
    actor_id: uuid.UUID | None,
    target_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[AuditEvent]:
    return AuditRepository(session).page(
        action=action, actor_id=actor_id, target_id=target_id, limit=limit, cursor=cursor
    )
