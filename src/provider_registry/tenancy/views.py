"""Organizations and members as the API shows them (generated models, checked on the way out)."""

from __future__ import annotations

from provider_registry.accounts.models import Account
from provider_registry.tenancy.models import Organization, OrganizationMember
from provider_registry_api import models as api


def organization(row: Organization, role: str | None) -> api.OrganizationRead:
    return api.OrganizationRead.model_validate(
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
