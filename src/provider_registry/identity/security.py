"""Connexion's security handlers (``x-bearerInfoFunc``, ``x-apikeyInfoFunc``): they hand back the
principal AuthenticationMiddleware resolved; None makes Connexion answer 401."""

from __future__ import annotations

from typing import Any

from connexion import context
from connexion import request as connexion_request
from connexion.lifecycle import ConnexionRequest

from provider_registry.identity.authentication import resolved
from provider_registry.identity.errors import (
    InvalidSignature,
    ReplayedRequest,
    StaleSignedRequest,
    Unauthenticated,
)
from provider_registry.identity.principal import Principal
from provider_registry.identity.signed_requests import Rejection


def _info(principal: Principal | None) -> dict[str, Any] | None:
    if principal is None:
        return None
    return {"sub": str(principal.id), "principal": principal}


def bearer_info(token: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).bearer)


def api_key_info(apikey: str, request: ConnexionRequest) -> dict[str, Any] | None:
    return _info(resolved(request.scope).api_key)


def wallet_info(signature: str, request: ConnexionRequest) -> dict[str, Any] | None:
    found = resolved(request.scope)
    _raise_rejection(found.rejection, "wallet")
    return _info(found.wallet)


def hmac_info(key_id: str, request: ConnexionRequest) -> dict[str, Any] | None:
    found = resolved(request.scope)
    _raise_rejection(found.rejection, "hmac")
    return _info(found.hmac)


def _raise_rejection(rejection: Rejection | None, scheme: str) -> None:
    """Signature headers that were sent but failed: say why (a 401 the client can act on)."""
    if rejection is None or rejection.scheme != scheme:
        return
    error = {"stale": StaleSignedRequest, "replayed": ReplayedRequest}.get(
        rejection.kind, InvalidSignature
    )
    raise error(rejection.message, extra={"reason": rejection.reason})


def optional_principal() -> Principal | None:
    """For operations open to anyone that say more to a known caller: credentials that are
    present but invalid are refused (401), never silently treated as anonymous."""
    found = resolved(connexion_request.scope)
    if found.rejection is not None:
        _raise_rejection(found.rejection, found.rejection.scheme)
    principal = found.principal
    headers = connexion_request.headers
    if principal is None and (
        headers.get("authorization") or headers.get("x-api-key") or headers.get("x-ve-signature")
    ):
        raise Unauthenticated("The credentials are not valid.")
    return principal


def current_principal() -> Principal:
    """The authenticated caller of the current operation (x-access guarantees there is one)."""
    principal = context.context["token_info"]["principal"]
    assert isinstance(principal, Principal)
    return principal
