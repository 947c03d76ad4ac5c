"""/api/v1/tickets and their comments."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.preconditions import if_match_header
from provider_registry.kit.responses import json_response
from provider_registry.tickets import service, views
from provider_registry_api import models as api


def create_ticket() -> Response:
    ticket = service.create(db.session(), current_principal(), request_body(api.TicketCreate))
    headers = {"ETag": service.etag(ticket), "Location": f"/api/v1/tickets/{ticket.id}"}
    return json_response(views.ticket(ticket), 201, headers=headers)


def list_tickets(
    status: str | None = None,
    deployment_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    deployment = uuid.UUID(deployment_id) if deployment_id else None
    page = service.search(db.session(), current_principal(), status, deployment, limit, cursor)
    return json_response(
        api.TicketPage(items=views.tickets(page.items), next_cursor=page.next_cursor)
    )


def get_ticket(ticket_id: str) -> Response:
    session = db.session()
    ticket = service.get(session, current_principal(), uuid.UUID(ticket_id))
    return json_response(
        views.ticket_detail(ticket, service.comments_of(session, ticket)),
        headers={"ETag": service.etag(ticket)},
    )


def list_ticket_comments(ticket_id: str, limit: int = 20, cursor: str | None = None) -> Response:
    page = service.list_comments(
        db.session(), current_principal(), uuid.UUID(ticket_id), limit, cursor
    )
    return json_response(
        api.TicketCommentPage(
            items=[views.comment(c) for c in page.items], next_cursor=page.next_cursor
        )
    )


def update_ticket(ticket_id: str) -> Response:
    ticket = service.update_ticket(
        db.session(),
        current_principal(),
        uuid.UUID(ticket_id),
        request_body(api.TicketUpdate),
        if_match_header(),
    )
    return json_response(views.ticket(ticket), headers={"ETag": service.etag(ticket)})


def create_ticket_comment(ticket_id: str) -> Response:
    comment = service.add_comment(
        db.session(),
        current_principal(),
        uuid.UUID(ticket_id),
        request_body(api.TicketCommentCreate),
    )
    return json_response(views.comment(comment), 201)
