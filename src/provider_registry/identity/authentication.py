"""Resolve the caller once per request, before routing, so the rate limiter can key on who is
calling and Connexion's security handlers (``security.py``) only read the result.

A bearer token is checked in-process (signature and claims); an API key costs one primary-key
lookup, in a worker thread, and only when its checksum is right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import anyio.to_thread
from starlette.types import ASGIApp, Receive, Scope, Send

from provider_registry.identity.principal import Principal
from provider_registry.kit.middleware import header

RESOLVED = "provider_registry.principals"


@dataclass(frozen=True, slots=True)
class Resolved:
    bearer: Principal | None = None
    api_key: Principal | None = None
    wallet: Principal | None = None
    hmac: Principal | None = None

    @property
    def principal(self) -> Principal | None:
        return self.bearer or self.api_key or self.wallet or self.hmac


EMPTY = Resolved()


def resolved(scope: Scope) -> Resolved:
    value = scope.get("extensions", {}).get(RESOLVED)
    return value if isinstance(value, Resolved) else EMPTY


class AuthenticationMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        from_bearer: Callable[[str], Principal | None],
        from_api_key: Callable[[str], Principal | None],
    ) -> None:
        self.app = app
        self.from_bearer = from_bearer
        self.from_api_key = from_api_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            bearer = api_key = None
            authorization = header(scope, b"authorization")
            if authorization and authorization[:7].lower() == b"bearer ":
                bearer = self.from_bearer(authorization[7:].strip().decode("latin-1"))
            raw_key = header(scope, b"x-api-key")
            if raw_key and bearer is None:
                api_key = await anyio.to_thread.run_sync(
                    self.from_api_key, raw_key.strip().decode("latin-1")
                )
            if bearer or api_key:
                scope.setdefault("extensions", {})[RESOLVED] = Resolved(bearer, api_key)
        await self.app(scope, receive, send)
