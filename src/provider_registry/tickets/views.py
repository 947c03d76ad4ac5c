"""Tickets and comments as the API shows them (generated models, checked on the way out)."""

from __future__ import annotations

from typing import Any

from provider_registry.kit.pagination import Page
from provider_registry.tickets.models import Ticket, TicketComment
from provider_registry_api import models as api


def _fields(row: Ticket) -> dict[str, Any]:
    return {
        "id": row.id,
        "deployment_id": row.deployment_id,
        "provider_id": row.provider_id,
        "opened_by": row.opened_by,
        "subject": row.subject,
        "description": row.description,
        "category": row.category,
        "priority": row.priority,
        "status": row.status,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }


def ticket(row: Ticket) -> api.Ticket:
    return api.Ticket.model_validate(_fields(row))


def tickets(rows: list[Ticket]) -> list[api.Ticket]:
    return [ticket(row) for row in rows]


def comment(row: TicketComment) -> api.TicketComment:
    return api.TicketComment.model_validate(
        {
            "id": row.id,
            "author_kind": row.author_kind,
            "author_id": row.author_id,
            "body": row.body,
            "created_at": row.created_at,
        }
    )


def ticket_detail(row: Ticket, comments: Page[TicketComment]) -> api.TicketDetail:
    return api.TicketDetail.model_validate(
        {
            **_fields(row),
            "comments": [comment(c).model_dump() for c in comments.items],
            "comments_next_cursor": comments.next_cursor,
        }
    )
