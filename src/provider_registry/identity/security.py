"""Connexion's security handlers (``x-bearerInfoFunc``, ``x-apikeyInfoFunc``): they hand back the
principal AuthenticationMiddleware resolved; None makes Connexion answer 401."""

from __future__ import annotations

from typing import Any

from connexion import context
from connexion import request as connexion_request
from connexion.lifecycle import ConnexionRequest

from provider_registry.identity.authentication import resolved
from provider_registry.identity.errors import Unauthenticated
from provider_registry.identity.principal import Principal


def _info(principal: Principal | None) -> dict[str, Any] | None:
    if principal is None:
        return None
    return {"sub": str(principal.id), "principal": principal}


def bearer_info(token: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).bearer)


def api_key_info(apikey: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).api_key)


def wallet_info(signature: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).wallet)


def hmac_info(key_id: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).hmac)


def optional_principal() -> Principal | None:
    """For operations open to anyone that say more to a known caller: credentials that are
    present but invalid are refused (401), never silently treated as anonymous."""
    principal = resolved(connexion_request.scope).principal
    if principal is None and (
        connexion_request.headers.get("authorization") or connexion_request.headers.get("x-api-key")
    ):
        raise Unauthenticated("The credentials are not valid.")
    return principal


def current_principal() -> Principal:
    """The authenticated caller of the current operation (x-access guarantees there is one)."""
    principal = context.context["token_info"]["principal"]
    assert isinstance(principal, Principal)
    return principal
