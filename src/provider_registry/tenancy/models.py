"""Organizations and their members (admin, member, viewer)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Text
from sqlmodel import Field, SQLModel

from provider_registry.kit.sqltypes import created_at_column, updated_at_column
from provider_registry.kit.timeutil import utcnow

MEMBER_ROLES = ("admin", "member", "viewer")


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
