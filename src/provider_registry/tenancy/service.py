"""Organizations and their members: who may see them, add members, remove them or leave.

Rules (anything a caller may not see is 404, never 403):
- Members (any role) see their organization and its members; platform admins see every one.
- Only the organization's admins add or remove members; any member may remove themselves.
- An organization always keeps at least one admin. Member removals lock the organization's row,
  so two admins removing each other (or both leaving) at the same time cannot leave it with none.

Services flush, never commit (kit.db settles the request's transaction).
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from provider_registry.accounts.models import Account
from provider_registry.accounts.repository import AccountRepository
from provider_registry.identity.principal import Principal
from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.pagination import Page
from provider_registry.tenancy import membership
from provider_registry.tenancy.errors import (
    AccountNotFound,
    AlreadyMember,
    LastAdmin,
    MemberNotFound,
    OrganizationAdminRequired,
    OrganizationNotFound,
)
from provider_registry.tenancy.models import Organization, OrganizationMember
from provider_registry.tenancy.repository import OrganizationRepository
from provider_registry_api import models as api

# --------------------------------------------------------------------------------- validation

IDENTIFIERS = ("account_id", "email")


def member_add_issues(body: Any, settings: object = None) -> list[FieldIssue]:
    """Exactly one of account_id and email (``x-semantic-validator`` of OrganizationMemberAdd)."""
    if not isinstance(body, dict):
        return []
    given = [name for name in IDENTIFIERS if body.get(name) is not None]
    if len(given) == 1:
        return []
    message = (
        "give only one of account_id and email" if given else "account_id or email is required"
    )
    return [
        FieldIssue(name, message, "EXACTLY_ONE_MEMBER_IDENTIFIER") for name in given or IDENTIFIERS
    ]


# ------------------------------------------------------------------------------------- access


def _is_platform_admin(principal: Principal) -> bool:
    return principal.kind == "account" and principal.role == "admin"


def _not_found() -> OrganizationNotFound:
    return OrganizationNotFound("No organization with this id is visible to you.")


def _visible(
    session: Session, principal: Principal, organization_id: uuid.UUID, *, lock: bool = False
) -> tuple[Organization, str | None]:
    """The organization and the caller's role in it (None for a platform admin who is not a
    member); 404 for anyone else."""
    organization = OrganizationRepository(session).find(organization_id, lock=lock)
    if organization is None:
        raise _not_found()
    role = membership.role_in(session, organization.id, principal.id)
    if role is None and not _is_platform_admin(principal):
        raise _not_found()
    return organization, role


def _admin_only(role: str | None) -> None:
    if role != "admin":
        raise OrganizationAdminRequired("Only the organization's admins may do this.")


# ------------------------------------------------------------------------------ organizations


def create(session: Session, principal: Principal, body: api.OrganizationCreate) -> Organization:
    organizations = OrganizationRepository(session)
    organization = organizations.add(
        Organization(name=body.name, description=body.description, created_by=principal.id)
    )
    organizations.add_member(
        OrganizationMember(
            organization_id=organization.id,
            account_id=principal.id,
            role="admin",
            added_by=principal.id,
        )
    )
    return organization


def get(
    session: Session, principal: Principal, organization_id: uuid.UUID
) -> tuple[Organization, str | None]:
    return _visible(session, principal, organization_id)


def mine(
    session: Session, principal: Principal, limit: int, cursor: str | None
) -> Page[tuple[Organization, str]]:
    """The organizations the caller belongs to, with its role in each, newest first."""
    return OrganizationRepository(session).page_of_account(principal.id, limit, cursor)


# ------------------------------------------------------------------------------------ members


def members(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> Page[tuple[OrganizationMember, Account]]:
    organization, _ = _visible(session, principal, organization_id)
    return OrganizationRepository(session).page_of_members(organization.id, limit, cursor)


def _account_named(session: Session, body: api.OrganizationMemberAdd) -> Account:
    accounts = AccountRepository(session)
    if body.account_id is not None:
        field, account = "account_id", accounts.get(body.account_id)
    else:
        field, account = "email", accounts.by_email(str(body.email))
    if account is None or account.status != "active":
        raise AccountNotFound(
            "No active account matches this " + field.replace("_", " ") + ".",
            errors=[FieldIssue(field, "matches no active account", "ACCOUNT_NOT_FOUND")],
        )
    return account


def _already_member(account: Account) -> AlreadyMember:
    return AlreadyMember(
        "This account is already a member of the organization.",
        extra={"member_id": str(account.id)},
    )


def add_member(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID,
    body: api.OrganizationMemberAdd,
) -> tuple[OrganizationMember, Account]:
    organization, role = _visible(session, principal, organization_id)
    _admin_only(role)
    issues = member_add_issues(body.model_dump(exclude_none=True))
    if issues:
        raise ValidationFailed("The request body is invalid.", errors=issues)
    account = _account_named(session, body)
    if membership.role_in(session, organization.id, account.id) is not None:
        raise _already_member(account)
    member = OrganizationMember(
        organization_id=organization.id,
        account_id=account.id,
        role=body.role,
        added_by=principal.id,
    )
    try:
        # A savepoint: when a concurrent request added the same account first, the primary key
        # refuses this row and the rest of the transaction stays usable for the answer.
        with session.begin_nested():
            OrganizationRepository(session).add_member(member)
    except IntegrityError:
        if membership.role_in(session, organization.id, account.id) is not None:
            raise _already_member(account) from None
        raise
    return member, account


def remove_member(
    session: Session, principal: Principal, organization_id: uuid.UUID, member_id: uuid.UUID
) -> None:
    # The row lock serializes every removal in this organization: each one counts the admins
    # only after the previous one has committed.
    organization, role = _visible(session, principal, organization_id, lock=True)
    organizations = OrganizationRepository(session)
    if member_id != principal.id:
        _admin_only(role)
    target_role = membership.role_in(session, organization.id, member_id)
    if target_role is None:
        raise MemberNotFound("This account is not a member of the organization.")
    if target_role == "admin" and organizations.admin_count(organization.id) <= 1:
        raise LastAdmin(
            "This is the organization's last admin; make another member an admin first."
        )
    organizations.remove_member(organization.id, member_id)
