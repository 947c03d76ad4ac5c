"""Each operation's ``security`` requirements, enforced here rather than by Connexion's security
middleware (which is not in the stack: ``app.connexion_middlewares``), with its semantics and its
answers, from the principals AuthenticationMiddleware resolved once per request.

The requirements are alternatives, tried in the spec's order: the first that the request's
credentials satisfy names the caller; ``{}`` admits a caller with none. A scheme whose header is
absent is skipped; one whose header is present but whose credentials did not authenticate is a
401 saying so (the last such failure is the answer when no alternative succeeds); no
credentials at all is a 401 too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from connexion import context
from connexion import request as connexion_request
from connexion.exceptions import OAuthProblem, OAuthResponseProblem
from starlette.types import Scope

from provider_registry.identity.authentication import Resolved, resolved
from provider_registry.identity.errors import (
    InvalidSignature,
    ReplayedRequest,
    StaleSignedRequest,
    Unauthenticated,
)
from provider_registry.identity.principal import Principal
from provider_registry.identity.signed_requests import Rejection
from provider_registry.kit.middleware import header

CONTEXT = "connexion_context"  # what connexion.context reads in the handler's thread


@dataclass(frozen=True)
class Scheme:
    """One of ``components.securitySchemes``: the header that carries it and the principal
    AuthenticationMiddleware resolved from it."""

    header: bytes
    principal: Callable[[Resolved], Principal | None]
    invalid: str  # the 401's detail when the header is there but did not authenticate
    bearer: bool = False  # an ``Authorization: Bearer <token>`` header
    signed: str | None = None  # the signed-request scheme whose rejection reasons it reports


SCHEMES: Mapping[str, Scheme] = {
    "bearerAuth": Scheme(
        b"authorization", lambda r: r.bearer, "Provided token is not valid", bearer=True
    ),
    "apiKeyAuth": Scheme(b"x-api-key", lambda r: r.api_key, "Provided apikey is not valid"),
    "walletAuth": Scheme(
        b"x-ve-signature", lambda r: r.wallet, "Provided apikey is not valid", signed="wallet"
    ),
    "hmacAuth": Scheme(
        b"x-ve-key-id", lambda r: r.hmac, "Provided apikey is not valid", signed="hmac"
    ),
}

# Alternatives, each a scheme or None for ``{}`` (no credentials needed).
Requirements = tuple[Scheme | None, ...]


def requirements(security: list[dict[str, list[str]]], schemes: Mapping[str, Any]) -> Requirements:
    """An operation's ``security`` (its own, or the spec's default), checked against the spec's
    scheme definitions so the code and the contract cannot drift apart."""
    found: list[Scheme | None] = []
    for requirement in security:
        if not requirement:
            found.append(None)
            continue
        if len(requirement) != 1:
            raise ValueError(
                f"schemes combined in one requirement are not supported: {requirement}"
            )
        (name,) = requirement
        scheme = SCHEMES.get(name)
        definition = schemes.get(name, {})
        declared = (
            b"authorization"
            if definition.get("type") == "http" and definition.get("scheme") == "bearer"
            else str(definition.get("name", "")).lower().encode()
            if definition.get("type") == "apiKey" and definition.get("in") == "header"
            else None
        )
        if scheme is None or declared != scheme.header:
            raise ValueError(f"security scheme {name} is not one this server implements")
        found.append(scheme)
    return tuple(found)


class _Absent(Exception):
    """The scheme's credentials are not in the request: try the next alternative."""


def authenticate(scope: Scope, alternatives: Requirements) -> Principal | None:
    """The caller ``alternatives`` admit (None for ``{}``), made available to the handler as
    ``current_principal()``; raises the 401 otherwise."""
    found = resolved(scope)
    failure: Exception | None = None
    for scheme in alternatives:
        if scheme is None:
            _expose(scope, None)
            return None
        try:
            principal = _check(scheme, scope, found)
        except _Absent:
            continue
        except (OAuthProblem, Unauthenticated) as error:
            failure = error
            continue
        _expose(scope, principal)
        return principal
    if failure is not None:
        raise failure
    raise OAuthProblem(detail="No authorization token provided")


def _check(scheme: Scheme, scope: Scope, found: Resolved) -> Principal:
    value = header(scope, scheme.header)
    if value is None:
        raise _Absent
    if scheme.bearer:
        if not value:
            raise _Absent
        parts = value.split(maxsplit=1)
        if len(parts) != 2:
            raise OAuthProblem(detail="Invalid authorization header")
        if parts[0].lower() != b"bearer":
            raise _Absent
    if scheme.signed is not None:
        _raise_rejection(found.rejection, scheme.signed)
    principal = scheme.principal(found)
    if principal is None:
        raise OAuthResponseProblem(detail=scheme.invalid)
    return principal


def _expose(scope: Scope, principal: Principal | None) -> None:
    token_info = {} if principal is None else {"sub": str(principal.id), "principal": principal}
    context_ = scope.setdefault("extensions", {}).setdefault(CONTEXT, {})
    context_.update({"user": token_info.get("sub"), "token_info": token_info})


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
