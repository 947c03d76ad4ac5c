"""Support tickets about deployments: who may open, see, comment on and change them.

Who sees a ticket: the accounts that can read its deployment (deployments.visibility), the provider
the deployment runs on, and platform admins; for anyone else it does not exist (404). Of those:
- opening a ticket and changing its priority or commenting as a tenant need write access to the
  deployment (owner, organization admin or member); read-only tenants get 403;
- the provider and platform admins ("staff") may comment and change status and priority;
- `closed` is final. Changes are conditional UPDATEs, and a comment locks the ticket's row, so
  nothing lands on a ticket after it was closed.

Services flush, never commit (kit.db settles the request's transaction).
"""

from __future__ import annotations

import uuid
from typing import Literal

from sqlmodel import Session

from provider_registry.deployments import visibility
from provider_registry.deployments.errors import DeploymentNotFound
from provider_registry.deployments.repository import DeploymentRepository
from provider_registry.identity.errors import Forbidden
from provider_registry.identity.principal import Principal
from provider_registry.kit import preconditions
from provider_registry.kit.errors import FieldIssue
from provider_registry.kit.pagination import Page
from provider_registry.kit.preconditions import etag_for
from provider_registry.kit.timeutil import utcnow
from provider_registry.tickets.errors import (
    DeploymentNotAvailable,
    StatusChangeNotAllowed,
    TicketClosed,
    TicketNotFound,
)
from provider_registry.tickets.models import Ticket, TicketComment
from provider_registry.tickets.repository import TicketRepository
from provider_registry_api import models as api

Standing = Literal["staff", "write", "read"]


def etag(ticket: Ticket) -> str:
    return etag_for(ticket.version)


def _not_found() -> TicketNotFound:
    return TicketNotFound("No ticket with this id is visible to you.")


def _closed() -> TicketClosed:
    return TicketClosed("The ticket is closed; open a new one.", extra={"current_status": "closed"})


def _standing(session: Session, principal: Principal, ticket: Ticket) -> Standing | None:
    """What the caller may do with the ticket: staff (its provider, platform admins), a tenant
    with write or read access to its deployment, or nothing (it does not exist for them)."""
    if principal.kind == "provider":
        matches = principal.provider_id is not None and principal.provider_id == ticket.provider_id
        return "staff" if matches else None
    if principal.is_platform_admin:
        return "staff"
    deployment = DeploymentRepository(session).get(ticket.deployment_id)
    if deployment is None:
        return None
    return visibility.tenant_permission(session, principal, deployment)


def _visible(
    session: Session, principal: Principal, ticket_id: uuid.UUID, *, lock: bool = False
) -> tuple[Ticket, Standing]:
    ticket = TicketRepository(session).find(ticket_id, lock=lock)
    standing = _standing(session, principal, ticket) if ticket is not None else None
    if ticket is None or standing is None:
        raise _not_found()
    return ticket, standing


def _writer(standing: Standing) -> None:
    if standing == "read":
        raise Forbidden("You may read this ticket's deployment but not change it.")


# ------------------------------------------------------------------------------------ tickets


def create(session: Session, principal: Principal, body: api.TicketCreate) -> Ticket:
    try:
        deployment = visibility.for_tenant(session, principal, body.deployment_id, "write")
    except DeploymentNotFound as exc:
        raise DeploymentNotAvailable(
            "No deployment with this id is visible to you.",
            errors=[
                FieldIssue(
                    "deployment_id", "is not a deployment you can see", "DEPLOYMENT_NOT_AVAILABLE"
                )
            ],
        ) from exc
    ticket = Ticket(
        deployment_id=deployment.id,
        provider_id=deployment.provider_id,
        opened_by=principal.id,
        subject=body.subject,
        description=body.description,
        category=body.category,
        priority=body.priority,
    )
    return TicketRepository(session).add(ticket)


def get(session: Session, principal: Principal, ticket_id: uuid.UUID) -> Ticket:
    ticket, _ = _visible(session, principal, ticket_id)
    return ticket


# How many comments a ticket's detail embeds; the rest are paged (list_comments).
DETAIL_COMMENTS = 100


def comments_of(
    session: Session, ticket: Ticket, limit: int = DETAIL_COMMENTS, cursor: str | None = None
) -> Page[TicketComment]:
    """Oldest first, a page at a time."""
    return TicketRepository(session).comments(ticket.id, limit, cursor)


def list_comments(
    session: Session, principal: Principal, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[TicketComment]:
    return comments_of(session, get(session, principal, ticket_id), limit, cursor)


def search(
    session: Session,
    principal: Principal,
    status: str | None,
    deployment_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[Ticket]:
    tickets = TicketRepository(session)
    if principal.kind == "provider":
        return tickets.page_of_provider(principal.provider_id, status, deployment_id, limit, cursor)
    return tickets.page_of_deployments(
        visibility.visible_to_tenant(session, principal), status, deployment_id, limit, cursor
    )


def update_ticket(
    session: Session,
    principal: Principal,
    ticket_id: uuid.UUID,
    body: api.TicketUpdate,
    if_match: str | None,
) -> Ticket:
    changes = body.model_dump(exclude_unset=True)
    ticket, standing = _visible(session, principal, ticket_id)
    if standing != "staff":
        if "status" in changes:
            raise StatusChangeNotAllowed(
                "Only the deployment's provider or a platform admin may change a ticket's status."
            )
        _writer(standing)
    preconditions.check_if_match(etag(ticket), if_match, "ticket")
    if ticket.status == "closed":
        raise _closed()
    # Only the version the client saw may change: of concurrent changes made with the same ETag,
    # exactly one matches.
    version = ticket.version if if_match is not None else None
    tickets = TicketRepository(session)
    updated = tickets.update_if_open(ticket.id, version, {**changes, "updated_at": utcnow()})
    tickets.refresh(ticket)
    if not updated:
        preconditions.check_if_match(etag(ticket), if_match, "ticket")
        raise _closed()
    return ticket


# ----------------------------------------------------------------------------------- comments


def add_comment(
    session: Session, principal: Principal, ticket_id: uuid.UUID, body: api.TicketCommentCreate
) -> TicketComment:
    # The row lock orders this comment with any concurrent status change: a ticket closed by a
    # request that committed first is seen closed here.
    ticket, standing = _visible(session, principal, ticket_id, lock=True)
    _writer(standing)
    if ticket.status == "closed":
        raise _closed()
    # A provider writes as the provider (whichever of its keys or sessions it used).
    author_kind, author_id = "account", principal.id
    if principal.kind == "provider" and principal.provider_id is not None:
        author_kind, author_id = "provider", principal.provider_id
    comment = TicketComment(
        ticket_id=ticket.id, author_kind=author_kind, author_id=author_id, body=body.body
    )
    return TicketRepository(session).add_comment(comment)
