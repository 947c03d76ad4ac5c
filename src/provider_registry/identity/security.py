"""Connexion's security handlers (``x-bearerInfoFunc``, ``x-apikeyInfoFunc``): they hand back the
principal AuthenticationMiddleware resolved; None makes Connexion answer 401."""

from __future__ import annotations

from typing import Any

from connexion import context
from connexion.lifecycle import ConnexionRequest

from provider_registry.identity.authentication import resolved
from provider_registry.identity.principal import Principal


def _info(principal: Principal | None) -> dict[str, Any] | None:
    if principal is None:
        return None
    return {"sub": str(principal.id), "principal": principal}


def bearer_info(token: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).bearer)


def api_key_info(apikey: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).api_key)


def current_principal() -> Principal:
    """The authenticated caller of the current operation (x-access guarantees there is one)."""
    principal = context.context["token_info"]["principal"]
    assert isinstance(principal, Principal)
    return principal
