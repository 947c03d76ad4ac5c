"""Who belongs to which organization, with which role: the questions every tenant check asks."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from provider_registry.tenancy.models import OrganizationMember

# What each member role may do with an organization's deployments and tickets.
WRITE_ROLES = frozenset({"admin", "member"})


def role_in(session: Session, organization_id: uuid.UUID, account_id: uuid.UUID) -> str | None:
    """The account's role in the organization, or None when it is not a member."""
    return session.exec(
        select(OrganizationMember.role).where(
            OrganizationMember.organization_id == organization_id,
            OrganizationMember.account_id == account_id,
        )
    ).first()


def roles_of(session: Session, account_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Every organization the account belongs to, with its role there."""
    rows = session.exec(
        select(OrganizationMember.organization_id, OrganizationMember.role).where(
            OrganizationMember.account_id == account_id
        )
    ).all()
    return dict(rows)
