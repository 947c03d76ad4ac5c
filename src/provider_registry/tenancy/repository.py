"""All SQL for organizations and their members: reading an organization (locked for a member
removal), the newest-first pages of an account's organizations and of an organization's members,
adding and removing members and counting admins. Who belongs with which role is asked of
``membership``, which deployments share. It flushes, never commits.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, tuple_, update
from sqlmodel import Session, col, select

from provider_registry.accounts.models import Account
from provider_registry.kit.pagination import Page, decode_cursor, encode_cursor
from provider_registry.kit.repository import Repository
from provider_registry.tenancy.models import (
    Organization,
    OrganizationInvitation,
    OrganizationMember,
)


class OrganizationRepository(Repository[Organization]):
    model = Organization

    def find(self, organization_id: uuid.UUID, *, lock: bool = False) -> Organization | None:
        """The organization, its row locked FOR UPDATE when ``lock``."""
        statement = select(Organization).where(col(Organization.id) == organization_id)
        if lock:
            statement = statement.with_for_update()
        return self.session.exec(statement).first()

    def page_of_account(
        self, account_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[tuple[Organization, str]]:
        """The organizations the account belongs to, with its role in each, newest first."""
        statement = (
            select(Organization, OrganizationMember.role)
            .join(
                OrganizationMember,
                col(OrganizationMember.organization_id) == col(Organization.id),
            )
            .where(col(OrganizationMember.account_id) == account_id)
        )
        return _keyset(
            self.session,
            statement,
            col(Organization.created_at),
            col(Organization.id),
            limit,
            cursor,
        )

    def page_of_members(
        self, organization_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[tuple[OrganizationMember, Account]]:
        statement = (
            select(OrganizationMember, Account)
            .join(Account, col(Account.id) == col(OrganizationMember.account_id))
            .where(col(OrganizationMember.organization_id) == organization_id)
        )
        return _keyset(
            self.session,
            statement,
            col(OrganizationMember.created_at),
            col(OrganizationMember.account_id),
            limit,
            cursor,
        )

    def add_member(self, member: OrganizationMember) -> OrganizationMember:
        self.session.add(member)
        self.session.flush()
        return member

    def remove_member(self, organization_id: uuid.UUID, account_id: uuid.UUID) -> None:
        self.session.execute(
            delete(OrganizationMember).where(
                col(OrganizationMember.organization_id) == organization_id,
                col(OrganizationMember.account_id) == account_id,
            )
        )
        self.session.flush()

    def role_of(self, organization_id: uuid.UUID, account_id: uuid.UUID) -> str | None:
        """The account's role in the organization, or None when it is not a member."""
        return self.session.exec(
            select(OrganizationMember.role).where(
                OrganizationMember.organization_id == organization_id,
                OrganizationMember.account_id == account_id,
            )
        ).first()

    def roles_of(self, account_id: uuid.UUID) -> dict[uuid.UUID, str]:
        """Every organization the account belongs to, with its role there."""
        rows = self.session.exec(
            select(OrganizationMember.organization_id, OrganizationMember.role).where(
                OrganizationMember.account_id == account_id
            )
        ).all()
        return dict(rows)

    def admin_count(self, organization_id: uuid.UUID) -> int:
        count = self.session.exec(
            select(func.count()).where(
                col(OrganizationMember.organization_id) == organization_id,
                col(OrganizationMember.role) == "admin",
            )
        ).one()
        return int(count)


class InvitationRepository(Repository[OrganizationInvitation]):
    model = OrganizationInvitation

    def pending_for(
        self, organization_id: uuid.UUID, *, account_id: uuid.UUID | None, email: str | None
    ) -> OrganizationInvitation | None:
        """The organization's pending invitation to this account id or email address."""
        invitee = (
            col(OrganizationInvitation.account_id) == account_id
            if account_id is not None
            else col(OrganizationInvitation.email) == email
        )
        return self.get_one_or_none(
            col(OrganizationInvitation.organization_id) == organization_id,
            col(OrganizationInvitation.status) == "pending",
            invitee,
        )

    def add_pending(self, invitation: OrganizationInvitation) -> OrganizationInvitation:
        self.session.add(invitation)
        self.session.flush()
        return invitation

    def addressed_to(self, account_id: uuid.UUID, email: str | None) -> ColumnElement[bool]:
        """Invitations addressed to the account, by its id or by its email address."""
        clauses = [col(OrganizationInvitation.account_id) == account_id]
        if email:
            clauses.append(col(OrganizationInvitation.email) == email.lower())
        return or_(*clauses)

    def page(
        self, where: ColumnElement[bool], limit: int, cursor: str | None
    ) -> Page[tuple[OrganizationInvitation, str]]:
        """Pending invitations matching ``where``, with their organization's name, newest
        first."""
        statement = (
            select(OrganizationInvitation, Organization.name)
            .join(Organization, col(Organization.id) == col(OrganizationInvitation.organization_id))
            .where(col(OrganizationInvitation.status) == "pending", where)
        )
        return _keyset(
            self.session,
            statement,
            col(OrganizationInvitation.created_at),
            col(OrganizationInvitation.id),
            limit,
            cursor,
        )

    def respond_if_pending(self, invitation_id: uuid.UUID, values: dict[str, Any]) -> bool:
        """pending -> accepted or declined, as a conditional UPDATE: one answer wins."""
        result: Any = self.session.execute(
            update(OrganizationInvitation)
            .where(
                col(OrganizationInvitation.id) == invitation_id,
                col(OrganizationInvitation.status) == "pending",
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)


def _keyset(
    session: Session, statement: Any, created: Any, ident: Any, limit: int, cursor: str | None
) -> Page[Any]:
    """Newest first by (created, ident), for a select of several entities (kit.pagination's
    ``paginate`` takes one). Items are the selected entities as tuples."""
    if cursor:
        after_created, after_id = decode_cursor(cursor)
        statement = statement.where(tuple_(created, ident) < tuple_(after_created, after_id))
    rows = list(
        session.execute(
            statement.add_columns(created, ident)
            .order_by(created.desc(), ident.desc())
            .limit(limit + 1)
        ).all()
    )
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1][-2], rows[-1][-1]) if has_more and rows else None
    return Page(items=[tuple(row[:-2]) for row in rows], next_cursor=next_cursor)
