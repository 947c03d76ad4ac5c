"""Rate limits for every request, including those Connexion rejects before Flask sees them.

Flask-Limiter only counts requests that reach Flask, so the counting happens here, in ASGI
middleware in front of routing, on the same ``limits`` library and storage URIs Flask-Limiter
uses (``memory://`` for one instance, ``redis://`` to share limits between instances).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import structlog
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from prometheus_client import Counter
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from provider_registry.kit.errors import DomainError
from provider_registry.kit.middleware import add_response_headers

log = structlog.get_logger("provider_registry.ratelimit")
STORAGE_ERRORS = Counter(
    "provider_rate_limit_storage_errors_total",
    "Requests served without rate limiting because the limit storage failed.",
)

# Probes, metrics and the documentation are never limited.
EXEMPT_PREFIXES = ("/api/v1/ui", "/api/v1/redoc")
EXEMPT_PATHS = frozenset(
    {
        "/health",
        "/ready",
        "/metrics",
        "/api/v1/health",
        "/api/v1/registration/health",
        "/.well-known/jwks.json",
        "/api/v1/openapi.json",
        "/docs",
        "/favicon.ico",
    }
)


# Sign-in, sign-up, token refresh and provider key exchange: limited per IP, and much tighter,
# because each attempt is a guess at a credential (and costs a bcrypt check).
AUTH_PATHS = frozenset(
    {
        "/api/v1/auth/login",
        "/api/v1/auth/register",
        "/api/v1/auth/refresh",
        "/api/v1/registration/auth",
        "/api/v1/registration/refresh",
        "/api/v1/registration/register",
    }
)


class RateLimited(DomainError):
    status = 429
    code = "RATE_LIMITED"
    title = "Too Many Requests"


def async_storage_uri(uri: str) -> str:
    return uri if uri.startswith("async+") else "async+" + uri


class RateLimits:
    """The budgets and their counters, shared by the middleware and by anything else that spends
    the per-IP auth budget (an account created by a first signed request). The storage is made on
    first use, inside the event loop."""

    def __init__(self, *, per_minute: int, auth_per_minute: int, storage_uri: str) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.auth_item = RateLimitItemPerMinute(auth_per_minute, namespace="AUTH")
        self.storage_uri = storage_uri
        self._limiter: FixedWindowRateLimiter | None = None

    @property
    def limiter(self) -> FixedWindowRateLimiter:
        if self._limiter is None:
            self._limiter = FixedWindowRateLimiter(
                storage_from_string(async_storage_uri(self.storage_uri))
            )
        return self._limiter

    async def close(self) -> None:
        # limits' async storages have no close(); the Redis one holds a connection pool that
        # would otherwise outlive the app.
        if self._limiter is None:
            return
        pool = getattr(
            getattr(getattr(self._limiter.storage, "bridge", None), "storage", None),
            "connection_pool",
            None,
        )
        if pool is not None:
            pool.disconnect()

    async def hit(self, item: RateLimitItem, key: str) -> tuple[bool, Any] | None:
        try:
            allowed = await self.limiter.hit(item, key)
            return allowed, await self.limiter.get_window_stats(item, key)
        except Exception as exc:  # any storage failure: fail open, loudly
            STORAGE_ERRORS.inc()
            log.error("rate_limit.storage_unavailable", error=f"{type(exc).__name__}: {exc}")
            return None

    async def charge_auth(self, key: str) -> None:
        """Spend one unit of the auth budget of ``key``; RateLimited when none is left."""
        outcome = await self.hit(self.auth_item, key)
        if outcome is not None and not outcome[0]:
            raise _exceeded(self.auth_item, outcome[1])


def _budget_headers(item: RateLimitItem, stats: Any) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(item.amount),
        "X-RateLimit-Remaining": str(max(0, stats.remaining)),
        "X-RateLimit-Reset": str(math.ceil(stats.reset_time)),
    }


def _exceeded(item: RateLimitItem, stats: Any) -> RateLimited:
    reset_in = max(0, math.ceil(stats.reset_time - time.time()))
    return RateLimited(
        f"Rate limit of {item.amount} requests per minute exceeded; retry in {reset_in} seconds.",
        headers={**_budget_headers(item, stats), "Retry-After": str(max(1, reset_in))},
    )


class RateLimitMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        limits: RateLimits,
        client_key: Callable[[Scope], str],
        ip_key: Callable[[Scope], str],
    ) -> None:
        self.app = app
        self.limits = limits
        self.client_key = client_key
        self.ip_key = ip_key

    async def _lifespan(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def watching_receive() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self.limits.close()
            return message

        await self.app(scope, watching_receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(scope, receive, send)
            return
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or path in EXEMPT_PATHS
            or path.startswith(EXEMPT_PREFIXES)
            or scope.get("method") == "OPTIONS"
        ):
            await self.app(scope, receive, send)
            return

        if path in AUTH_PATHS:
            item, key = self.limits.auth_item, self.ip_key(scope)
        else:
            item, key = self.limits.item, self.client_key(scope)
        outcome = await self.limits.hit(item, key)
        if outcome is None:
            # The shared storage is down: serve without limits rather than fail every request.
            await self.app(scope, receive, send)
            return
        allowed, stats = outcome
        if not allowed:
            raise _exceeded(item, stats)
        headers = _budget_headers(item, stats)
        # Written by RequestContextMiddleware, so error responses made further out carry them too.
        add_response_headers(scope, [(k.lower().encode(), v.encode()) for k, v in headers.items()])
        await self.app(scope, receive, send)
