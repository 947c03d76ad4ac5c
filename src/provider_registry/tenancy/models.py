"""Organizations and their members (admin, member, viewer)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Text, text
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import (
    created_at_column,
    optional_time_column,
    updated_at_column,
)
from provider_registry.kit.timeutil import utcnow

MEMBER_ROLES = ("admin", "member", "viewer")
INVITATION_STATUSES = ("pending", "accepted", "declined")


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"
    __table_args__ = (Index("ix_organizations_created", "created_at", "id"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    name: str = Field(sa_column=Column(String(100), nullable=False))
    description: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_by: uuid.UUID = Field(sa_column=Column(ForeignKey("accounts.id"), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=updated_at_column())


class OrganizationMember(SQLModel, table=True):
    """One row per (organization, account). The API's ``member_id`` is the account's id."""

    __tablename__ = "organization_members"
    __table_args__ = (
        CheckConstraint(
            "role IN ('admin', 'member', 'viewer')", name="ck_organization_members_role"
        ),
        Index("ix_organization_members_account", "account_id", "organization_id"),
    )

    organization_id: uuid.UUID = Field(
        sa_column=Column(
            ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    account_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("accounts.id"), primary_key=True, nullable=False)
    )
    role: str = Field(sa_column=Column(String(20), nullable=False))
    added_by: uuid.UUID | None = Field(
        default=None, sa_column=Column(ForeignKey("accounts.id"), nullable=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())


class OrganizationInvitation(SQLModel, table=True):
    """An admin's invitation to an account id or an email address; membership starts only when
    the invitee accepts. At most one pending invitation per organization and invitee."""

    __tablename__ = "organization_invitations"
    __table_args__ = (
        CheckConstraint(
            "role IN ('admin', 'member', 'viewer')", name="ck_organization_invitations_role"
        ),
        CheckConstraint(
            "status IN ('pending', 'accepted', 'declined')",
            name="ck_organization_invitations_status",
        ),
        CheckConstraint(
            "(account_id IS NULL) <> (email IS NULL)", name="ck_organization_invitations_invitee"
        ),
        Index(
            "uq_organization_invitations_pending_account",
            "organization_id",
            "account_id",
            unique=True,
            postgresql_where=text("status = 'pending' AND account_id IS NOT NULL"),
            sqlite_where=text("status = 'pending' AND account_id IS NOT NULL"),
        ),
        Index(
            "uq_organization_invitations_pending_email",
            "organization_id",
            "email",
            unique=True,
            postgresql_where=text("status = 'pending' AND email IS NOT NULL"),
            sqlite_where=text("status = 'pending' AND email IS NOT NULL"),
        ),
        Index("ix_organization_invitations_account", "account_id", "status"),
        Index("ix_organization_invitations_email", "email", "status"),
        Index("ix_organization_invitations_organization", "organization_id", "created_at", "id"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    organization_id: uuid.UUID = Field(
        sa_column=Column(ForeignKey("organizations.id", ondelete="CASCADE"), nullable=False)
    )
    # Exactly one of these, as the admin gave it. account_id is not a foreign key: an invitation
    # to an id that matches no account is stored like any other, so the answer reveals nothing.
    account_id: uuid.UUID | None = Field(default=None, nullable=True)
    email: str | None = Field(default=None, sa_column=Column(String(320), nullable=True))
    role: str = Field(sa_column=Column(String(20), nullable=False))
    status: str = Field(default="pending", sa_column=Column(String(20), nullable=False))
    invited_by: uuid.UUID = Field(sa_column=Column(ForeignKey("accounts.id"), nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=created_at_column())
    responded_at: datetime | None = Field(default=None, sa_column=optional_time_column())
