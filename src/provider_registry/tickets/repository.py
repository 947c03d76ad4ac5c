"""All SQL for tickets and their comments: reading a ticket (locked for a comment), the pages a
provider or a tenant searches, the conditional UPDATE every change is made with (never on a closed
ticket, and only at the version the client saw when it sent one), and the comments, oldest first.
It flushes, never commits.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, update
from sqlmodel import col, select

from provider_registry.deployments.models import Deployment
from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository
from provider_registry.tickets.models import Ticket, TicketComment


class TicketRepository(Repository[Ticket]):
    model = Ticket

    def find(self, ticket_id: uuid.UUID, *, lock: bool = False) -> Ticket | None:
        """The ticket, its row locked FOR UPDATE when ``lock``."""
        statement = select(Ticket).where(col(Ticket.id) == ticket_id)
        if lock:
            statement = statement.with_for_update()
        return self.session.exec(statement).first()

    def page_of_provider(
        self,
        provider_id: uuid.UUID | None,
        status: str | None,
        deployment_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Ticket]:
        statement = select(Ticket).where(col(Ticket.provider_id) == provider_id)
        return self._page(statement, status, deployment_id, limit, cursor)

    def page_of_deployments(
        self,
        visible: ColumnElement[bool],
        status: str | None,
        deployment_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Ticket]:
        """Tickets about the deployments ``visible`` (a WHERE clause on deployments) admits."""
        statement = (
            select(Ticket)
            .join(Deployment, col(Deployment.id) == col(Ticket.deployment_id))
            .where(visible)
        )
        return self._page(statement, status, deployment_id, limit, cursor)

    def _page(
        self,
        statement: Any,
        status: str | None,
        deployment_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Ticket]:
        if status is not None:
            statement = statement.where(col(Ticket.status) == status)
        if deployment_id is not None:
            statement = statement.where(col(Ticket.deployment_id) == deployment_id)
        return paginate(self.session, statement, Ticket, limit, cursor)

    def update_if_open(
        self, ticket_id: uuid.UUID, version: int | None, values: dict[str, Any]
    ) -> bool:
        """Conditional UPDATE: only while the ticket is not closed and, given ``version``, still
        at it."""
        conditions = [col(Ticket.id) == ticket_id, col(Ticket.status) != "closed"]
        if version is not None:
            conditions.append(col(Ticket.version) == version)
        result: Any = self.session.execute(
            update(Ticket)
            .where(*conditions)
            .values(**values, version=col(Ticket.version) + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)

    def refresh(self, ticket: Ticket) -> Ticket:
        self.session.refresh(ticket)
        return ticket

    def comments(self, ticket_id: uuid.UUID, limit: int, cursor: str | None) -> Page[TicketComment]:
        """Oldest first, a page at a time."""
        statement = select(TicketComment).where(col(TicketComment.ticket_id) == ticket_id)
        return paginate(self.session, statement, TicketComment, limit, cursor, oldest_first=True)

    def add_comment(self, comment: TicketComment) -> TicketComment:
        self.session.add(comment)
        self.session.flush()
        return comment
