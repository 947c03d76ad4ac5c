"""Who belongs to which organization, with which role: the questions every tenant check asks
(answered by ``OrganizationRepository``)."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from provider_registry.tenancy.repository import OrganizationRepository

# What each member role may do with an organization's deployments and tickets.
WRITE_ROLES = frozenset({"admin", "member"})


def role_in(session: Session, organization_id: uuid.UUID, account_id: uuid.UUID) -> str | None:
    """The account's role in the organization, or None when it is not a member."""
    return OrganizationRepository(session).role_of(organization_id, account_id)


def roles_of(session: Session, account_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Every organization the account belongs to, with its role there."""
    return OrganizationRepository(session).roles_of(account_id)
