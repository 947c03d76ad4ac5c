from __future__ import annotations

import uuid

from flask import Response

from provider_registry.audit import service
from provider_registry.audit.models import AuditEvent
from provider_registry.kit import db
from provider_registry.kit.responses import json_response
from provider_registry_api import models as api


def _view(event: AuditEvent) -> api.AuditEvent:
    return api.AuditEvent.model_validate(
        {
            "id": event.id,
            "actor_kind": event.actor_kind,
            "actor_id": event.actor_id,
            "action": event.action,
            "target_kind": event.target_kind,
            "target_id": event.target_id,
            "request_id": event.request_id,
            "details": event.details,
            "created_at": event.created_at,
        }
    )


def list_audit_events(
    action: str | None = None,
    actor_id: str | None = None,
    target_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    result = service.page(
        db.session(),
        action=action,
        actor_id=uuid.UUID(actor_id) if actor_id else None,
        target_id=uuid.UUID(target_id) if target_id else None,
        limit=limit,
        cursor=cursor,
    )
    return json_response(
        api.AuditEventPage(items=[_view(e) for e in result.items], next_cursor=result.next_cursor)
    )
