"""Organizations and members as the API shows them (generated models, checked on the way out)."""

from __future__ import annotations

from provider_registry.accounts.models import Account
from provider_registry.tenancy.models import (
    Organization,
    OrganizationInvitation,
    OrganizationMember,
)
from provider_registry_api import models as api


def organization(row: Organization, role: str | None) -> api.Organization:
    return api.Organization.model_validate(
        {
            "id": row.id,
            "name": row.name,
            "description": row.description,
            "role": role,
            "created_at": row.created_at,
        }
    )


def member(row: OrganizationMember, account: Account) -> api.OrganizationMember:
    return api.OrganizationMember.model_validate(
        {
            "member_id": row.account_id,
            "email": account.email,
            "wallet_address": account.wallet_address,
            "role": row.role,
            "joined_at": row.created_at,
        }
    )


def invitation(row: OrganizationInvitation, organization_name: str) -> api.OrganizationInvitation:
    return api.OrganizationInvitation.model_validate(
        {
            "id": row.id,
            "organization_id": row.organization_id,
            "organization_name": organization_name,
            "account_id": row.account_id,
            "email": row.email,
            "role": row.role,
            "status": row.status,
            "invited_by": row.invited_by,
            "created_at": row.created_at,
            "responded_at": row.responded_at,
        }
    )
