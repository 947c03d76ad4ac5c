"""Rate limits for every request, including those Connexion rejects before Flask sees them.

Flask-Limiter only counts requests that reach Flask, so the counting happens here, in ASGI
middleware in front of routing, on the same ``limits`` library and storage URIs Flask-Limiter
uses (``memory://`` for one instance, ``redis://`` to share limits between instances).

A shared storage that fails or does not answer within ``storage_timeout`` never holds a request
and never switches limits off: the process counts in its own memory instead (so the sign-in
limit still holds per instance) and tries the shared storage again ``storage_retry`` seconds
later; the outage is logged once per ``LOG_INTERVAL_SECONDS``, counted in
``provider_rate_limit_storage_errors_total``, shown by ``provider_rate_limit_degraded`` and by
``/ready``'s ``rate_limits``.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from typing import Any

import structlog
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.strategies import FixedWindowRateLimiter
from limits.storage import storage_from_string
from prometheus_client import Counter, Gauge
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from provider_registry.kit.errors import DomainError
from provider_registry.kit.middleware import add_response_headers

log = structlog.get_logger("provider_registry.ratelimit")
STORAGE_ERRORS = Counter(
    "provider_rate_limit_storage_errors_total",
    "Calls to the shared rate-limit storage that failed or timed out.",
)
FALLBACK_HITS = Counter(
    "provider_rate_limit_fallback_total",
    "Requests counted by the per-process fallback limiter while the shared storage was down.",
)
DEGRADED = Gauge(
    "provider_rate_limit_degraded",
    "1 while this process counts limits in its own memory because the shared storage failed.",
    multiprocess_mode="max",
)
LOG_INTERVAL_SECONDS = 60.0

# Probes, metrics and the documentation are never limited.
EXEMPT_PREFIXES = ("/api/v1/ui", "/api/v1/redoc")
EXEMPT_PATHS = frozenset(
    {
        "/health",
        "/live",
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
    the per-IP auth budget (an account created by a first signed request). The storages are made
    on first use, inside the event loop."""

    def __init__(
        self,
        *,
        per_minute: int,
        auth_per_minute: int,
        storage_uri: str,
        storage_timeout: float = 0.25,
        storage_retry: float = 2.0,
    ) -> None:
        self.item = RateLimitItemPerMinute(per_minute)
        self.auth_item = RateLimitItemPerMinute(auth_per_minute, namespace="AUTH")
        self.storage_uri = storage_uri
        self.shared = not storage_uri.startswith(("memory://", "async+memory://"))
        self.storage_timeout = storage_timeout
        self.storage_retry = storage_retry
        self._limiter: FixedWindowRateLimiter | None = None
        self._fallback: FixedWindowRateLimiter | None = None
        self._down_until = 0.0  # monotonic; the shared storage is not tried before then
        self._down = False
        self._failures = 0  # since the last log line
        self._logged_at = -math.inf

    @property
    def limiter(self) -> FixedWindowRateLimiter:
        if self._limiter is None:
            options: dict[str, float] = (
                {"connect_timeout": self.storage_timeout, "stream_timeout": self.storage_timeout}
                if self.storage_uri.startswith(("redis", "async+redis"))
                else {}
            )
            self._limiter = FixedWindowRateLimiter(
                storage_from_string(async_storage_uri(self.storage_uri), **options)
            )
        return self._limiter

    @property
    def fallback(self) -> FixedWindowRateLimiter:
        if self._fallback is None:
            self._fallback = FixedWindowRateLimiter(storage_from_string("async+memory://"))
        return self._fallback

    @property
    def state(self) -> str:
        """``shared``, ``local`` (memory storage configured) or ``degraded`` (shared storage
        down, counting in this process)."""
        if not self.shared:
            return "local"
        return "degraded" if self._down else "shared"

    async def close(self) -> None:
        # limits' async storages have no close(); the Redis one holds a connection pool that
        # would otherwise outlive the app.
        if self._limiter is None:
            return
        storage: Any = self._limiter.storage
        pool = getattr(
            getattr(getattr(storage, "bridge", None), "storage", None), "connection_pool", None
        )
        if pool is not None:
            pool.disconnect()

    async def hit(self, item: RateLimitItem, key: str) -> tuple[bool, Any]:
        """Count one request of ``key`` against ``item``: whether it is allowed, and the window."""
        if self.shared and time.monotonic() >= self._down_until:
            try:
                outcome = await asyncio.wait_for(
                    _hit(self.limiter, item, key), timeout=self.storage_timeout
                )
            except Exception as exc:  # any storage failure or timeout: count locally, loudly
                self._failed(exc)
            else:
                self._recovered()
                return outcome
        if self.shared:
            FALLBACK_HITS.inc()
        return await _hit(self.fallback if self.shared else self.limiter, item, key)

    def _failed(self, exc: BaseException) -> None:
        STORAGE_ERRORS.inc()
        DEGRADED.set(1)
        self._down = True
        self._down_until = time.monotonic() + self.storage_retry
        self._failures += 1
        now = time.monotonic()
        if now - self._logged_at >= LOG_INTERVAL_SECONDS:
            log.error(
                "rate_limit.storage_unavailable",
                error=f"{type(exc).__name__}: {exc}"[:300],
                failures=self._failures,
                fallback="per-process memory",
            )
            self._logged_at = now
            self._failures = 0

    def _recovered(self) -> None:
        if self._down:
            self._down = False
            DEGRADED.set(0)
            log.info("rate_limit.storage_recovered", failures_since_last_log=self._failures)
            self._failures = 0
            self._logged_at = -math.inf

    async def charge_auth(self, key: str) -> None:
        """Spend one unit of the auth budget of ``key``; RateLimited when none is left."""
        allowed, stats = await self.hit(self.auth_item, key)
        if not allowed:
            raise _exceeded(self.auth_item, stats)


async def _hit(limiter: FixedWindowRateLimiter, item: RateLimitItem, key: str) -> tuple[bool, Any]:
    allowed = await limiter.hit(item, key)
    return allowed, await limiter.get_window_stats(item, key)


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
        allowed, stats = await self.limits.hit(item, key)
        if not allowed:
            raise _exceeded(item, stats)
        headers = _budget_headers(item, stats)
        # Written by RequestContextMiddleware, so error responses made further out carry them too.
        add_response_headers(scope, [(k.lower().encode(), v.encode()) for k, v in headers.items()])
        await self.app(scope, receive, send)
