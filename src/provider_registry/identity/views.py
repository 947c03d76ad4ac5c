"""Table rows -> the generated API models (the contract's shapes)."""

from __future__ import annotations

from typing import Any

from provider_registry.accounts.models import AccountFields
from provider_registry.identity.models import ApiKey
from provider_registry.identity.principal import Principal
from provider_registry.identity.scopes import SCOPES
from provider_registry.identity.service import TokenPair
from provider_registry_api import models as api


def account(row: AccountFields) -> api.Account:
    # Constructed, not validated: every value is a column of the accounts table, checked on its
    # way in; validating EmailStr again cost ~0.1 ms per /auth/me, a third of its view. Response
    # validation (on outside production) still checks the document against the contract.
    fields: dict[str, Any] = {
        "id": row.id,
        "email": row.email,
        "wallet_address": row.wallet_address,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "role": row.role,
        "status": row.status,
        "email_verified": row.email_verified,
        "last_login_at": row.last_login_at,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
    return api.Account.model_construct(**fields)


def api_key(row: ApiKey) -> api.ApiKey:
    return api.ApiKey.model_validate(
        {
            "id": row.id,
            "key_prefix": row.key_prefix,
            "name": row.name,
            "scopes": row.scopes,
            "expires_at": row.expires_at,
            "last_used_at": row.last_used_at,
            "created_at": row.created_at,
        }
    )


def tokens(pair: TokenPair) -> api.TokenPair:
    return api.TokenPair(
        access_token=pair.access.token,
        token_type="bearer",  # noqa: S106 - the OAuth2 token type, not a secret
        expires_in=pair.access.expires_in,
        refresh_token=pair.refresh.token,
    )


def principal(who: Principal, row: AccountFields | None) -> api.Principal:
    return api.Principal.model_validate(
        {
            "kind": who.kind,
            "id": who.id,
            "role": who.role,
            "scopes": [s for s in SCOPES if s in who.scopes],
            "auth_method": who.auth_method,
            "provider_id": who.provider_id,
            **({"account": account(row)} if row is not None else {}),
        }
    )
