"""Organizations and their members: who may see them, add members, remove them or leave.

Rules (anything a caller may not see is 404, never 403):
- Members (any role) see their organization and its members; platform admins see every one.
- Only the organization's admins invite or remove members; any member may remove themselves.
- Nobody joins without consent: an admin's "add" is an invitation (to an account id or an email
  address) that the invitee accepts or declines. The answer to the admin is the same whether or
  not an account matches, so invitations reveal nothing about who has an account.
- An organization always keeps at least one admin. Member removals lock the organization's row,
  so two admins removing each other (or both leaving) at the same time cannot leave it with none.

Services flush, never commit (kit.db settles the request's transaction).
"""

from __future__ import annotations

import uuid

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from provider_registry.accounts.models import Account
from provider_registry.accounts.repository import AccountRepository
from provider_registry.audit import service as audit
from provider_registry.identity.principal import Principal
from provider_registry.kit.errors import ValidationFailed
from provider_registry.kit.pagination import Page
from provider_registry.kit.timeutil import utcnow
from provider_registry.tenancy import membership
from provider_registry.tenancy.errors import (
    AlreadyMember,
    InvitationNotFound,
    InvitationNotPending,
    LastAdmin,
    MemberNotFound,
    OrganizationAdminRequired,
    OrganizationNotFound,
)
from provider_registry.tenancy.models import (
    Organization,
    OrganizationInvitation,
    OrganizationMember,
)
from provider_registry.tenancy.repository import InvitationRepository, OrganizationRepository
from provider_registry.tenancy.validation import invitation_create_issues
from provider_registry_api import models as api

# --------------------------------------------------------------------------------- validation

# ------------------------------------------------------------------------------------- access


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
    if role is None and not principal.is_platform_admin:
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


def _already_member(account_id: uuid.UUID) -> AlreadyMember:
    return AlreadyMember(
        "This account is already a member of the organization.",
        extra={"member_id": str(account_id)},
    )


def _is_member(
    session: Session, organization_id: uuid.UUID, body: api.OrganizationInvitationCreate
) -> uuid.UUID | None:
    """The member's account id when the invitee is already a member (named by id or email)."""
    if body.account_id is not None:
        account_id: uuid.UUID | None = body.account_id
    else:
        account = AccountRepository(session).by_email(str(body.email))
        account_id = account.id if account is not None else None
    if account_id is not None and membership.role_in(session, organization_id, account_id):
        return account_id
    return None


def add_member(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID,
    body: api.OrganizationInvitationCreate,
) -> tuple[OrganizationInvitation, str]:
    """Invite an account id or email address. The answer names only what the admin sent, the same
    whether or not an account matches (nobody joins without accepting)."""
    organization, role = _visible(session, principal, organization_id)
    _admin_only(role)
    issues = invitation_create_issues(body.model_dump(exclude_none=True))
    if issues:
        raise ValidationFailed("The request body is invalid.", errors=issues)
    member = _is_member(session, organization.id, body)
    if member is not None:
        # Only the organization's admins get here, and they can list its members anyway.
        raise _already_member(member)
    email = str(body.email).strip().lower() if body.email is not None else None
    invitations = InvitationRepository(session)
    existing = invitations.pending_for(organization.id, account_id=body.account_id, email=email)
    if existing is not None:
        return existing, organization.name
    invitation = OrganizationInvitation(
        organization_id=organization.id,
        account_id=body.account_id,
        email=email,
        role=body.role,
        invited_by=principal.id,
    )
    try:
        # A savepoint: when a concurrent request invited the same address first, the partial
        # unique index refuses this row and its invitation is the answer.
        with session.begin_nested():
            invitations.add_pending(invitation)
    except IntegrityError:
        existing = invitations.pending_for(organization.id, account_id=body.account_id, email=email)
        if existing is None:
            raise
        return existing, organization.name
    audit.record(
        session,
        principal,
        "organization.member_invited",
        "organization",
        organization.id,
        invitation_id=str(invitation.id),
        role=invitation.role,
    )
    return invitation, organization.name


def invitations_of(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID,
    limit: int,
    cursor: str | None,
) -> Page[tuple[OrganizationInvitation, str]]:
    organization, role = _visible(session, principal, organization_id)
    _admin_only(role)
    where = col(OrganizationInvitation.organization_id) == organization.id
    return InvitationRepository(session).page(where, limit, cursor)


def my_invitations(
    session: Session, principal: Principal, limit: int, cursor: str | None
) -> Page[tuple[OrganizationInvitation, str]]:
    invitations = InvitationRepository(session)
    where = invitations.addressed_to(principal.id, _email_of(session, principal))
    return invitations.page(where, limit, cursor)


def _email_of(session: Session, principal: Principal) -> str | None:
    account = AccountRepository(session).get(principal.id)
    return account.email if account is not None else None


def _addressed_to_me(
    session: Session, principal: Principal, invitation_id: uuid.UUID
) -> OrganizationInvitation:
    invitations = InvitationRepository(session)
    invitation = invitations.get_one_or_none(
        col(OrganizationInvitation.id) == invitation_id,
        invitations.addressed_to(principal.id, _email_of(session, principal)),
    )
    if invitation is None:
        raise InvitationNotFound("No invitation with this id is addressed to you.")
    return invitation


def _not_pending(invitation: OrganizationInvitation) -> InvitationNotPending:
    return InvitationNotPending(
        f"The invitation was already {invitation.status}.",
        extra={"current_status": invitation.status},
    )


def accept_invitation(
    session: Session, principal: Principal, invitation_id: uuid.UUID
) -> tuple[Organization, str]:
    invitation = _addressed_to_me(session, principal, invitation_id)
    invitations = InvitationRepository(session)
    if invitation.status != "pending":
        raise _not_pending(invitation)
    if membership.role_in(session, invitation.organization_id, principal.id) is not None:
        raise _already_member(principal.id)
    if not invitations.respond_if_pending(
        invitation.id, {"status": "accepted", "responded_at": utcnow()}
    ):
        raise _not_pending(invitations.refresh(invitation))
    organizations = OrganizationRepository(session)
    member = OrganizationMember(
        organization_id=invitation.organization_id,
        account_id=principal.id,
        role=invitation.role,
        added_by=invitation.invited_by,
    )
    try:
        with session.begin_nested():
            organizations.add_member(member)
    except IntegrityError:
        # Joined through another invitation at the same moment: this request changes nothing.
        raise _already_member(principal.id) from None
    organization = organizations.find(invitation.organization_id)
    assert organization is not None  # the invitation's foreign key cascades on delete
    return organization, invitation.role


def decline_invitation(
    session: Session, principal: Principal, invitation_id: uuid.UUID
) -> tuple[OrganizationInvitation, str]:
    invitation = _addressed_to_me(session, principal, invitation_id)
    invitations = InvitationRepository(session)
    if not invitations.respond_if_pending(
        invitation.id, {"status": "declined", "responded_at": utcnow()}
    ):
        raise _not_pending(invitations.refresh(invitation))
    invitation = invitations.refresh(invitation)
    organization = OrganizationRepository(session).find(invitation.organization_id)
    return invitation, organization.name if organization is not None else ""


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
