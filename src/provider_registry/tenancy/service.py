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

from sqlalchemy import delete, func, tuple_
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from provider_registry.accounts.models import Account
from provider_registry.accounts.repository import AccountRepository
from provider_registry.identity.errors import Forbidden
from provider_registry.identity.principal import Principal
from provider_registry.kit.errors import (
    Conflict,
    DomainError,
    FieldIssue,
    NotFound,
    ValidationFailed,
)
from provider_registry.kit.pagination import Page, decode_cursor, encode_cursor
from provider_registry.tenancy import membership
from provider_registry.tenancy.models import Organization, OrganizationMember
from provider_registry_api import models as api


class OrganizationNotFound(NotFound):
    code = "ORGANIZATION_NOT_FOUND"


class MemberNotFound(NotFound):
    code = "MEMBER_NOT_FOUND"


class OrganizationAdminRequired(Forbidden):
    code = "ORGANIZATION_ADMIN_REQUIRED"


class AccountNotFound(DomainError):
    status = 422
    code = "ACCOUNT_NOT_FOUND"
    title = "Unprocessable Content"


class AlreadyMember(Conflict):
    code = "ALREADY_MEMBER"


class LastAdmin(Conflict):
    code = "LAST_ADMIN"


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
    statement = select(Organization).where(col(Organization.id) == organization_id)
    if lock:
        statement = statement.with_for_update()
    organization = session.exec(statement).first()
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
    organization = Organization(
        name=body.name, description=body.description, created_by=principal.id
    )
    session.add(organization)
    session.flush()
    session.add(
        OrganizationMember(
            organization_id=organization.id,
            account_id=principal.id,
            role="admin",
            added_by=principal.id,
        )
    )
    session.flush()
    return organization


def get(
    session: Session, principal: Principal, organization_id: uuid.UUID
) -> tuple[Organization, str | None]:
    return _visible(session, principal, organization_id)


def mine(
    session: Session, principal: Principal, limit: int, cursor: str | None
) -> Page[tuple[Organization, str]]:
    """The organizations the caller belongs to, with its role in each, newest first."""
    statement = (
        select(Organization, OrganizationMember.role)
        .join(
            OrganizationMember,
            col(OrganizationMember.organization_id) == col(Organization.id),
        )
        .where(col(OrganizationMember.account_id) == principal.id)
    )
    return _keyset(
        session, statement, col(Organization.created_at), col(Organization.id), limit, cursor
    )


# ------------------------------------------------------------------------------------ members


def members(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> Page[tuple[OrganizationMember, Account]]:
    organization, _ = _visible(session, principal, organization_id)
    statement = (
        select(OrganizationMember, Account)
        .join(Account, col(Account.id) == col(OrganizationMember.account_id))
        .where(col(OrganizationMember.organization_id) == organization.id)
    )
    return _keyset(
        session,
        statement,
        col(OrganizationMember.created_at),
        col(OrganizationMember.account_id),
        limit,
        cursor,
    )


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
            session.add(member)
            session.flush()
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
    if member_id != principal.id:
        _admin_only(role)
    target_role = membership.role_in(session, organization.id, member_id)
    if target_role is None:
        raise MemberNotFound("This account is not a member of the organization.")
    if target_role == "admin" and _admin_count(session, organization.id) <= 1:
        raise LastAdmin(
            "This is the organization's last admin; make another member an admin first."
        )
    session.execute(
        delete(OrganizationMember).where(
            col(OrganizationMember.organization_id) == organization.id,
            col(OrganizationMember.account_id) == member_id,
        )
    )
    session.flush()


def _admin_count(session: Session, organization_id: uuid.UUID) -> int:
    count = session.exec(
        select(func.count()).where(
            col(OrganizationMember.organization_id) == organization_id,
            col(OrganizationMember.role) == "admin",
        )
    ).one()
    return int(count)


# ------------------------------------------------------------------------------------- paging


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
