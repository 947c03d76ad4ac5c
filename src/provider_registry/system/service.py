"""Health, readiness and the metrics token. Probes are public and unthrottled, so their database
checks are cached per process: a flood of probes costs at most one check a second."""

from __future__ import annotations

import hmac
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Generic, TypeVar

from sqlalchemy.engine import Engine

from provider_registry import SERVICE_NAME, __version__
from provider_registry.identity.errors import Unauthenticated
from provider_registry.kit import migrate
from provider_registry.kit.timeutil import utcnow
from provider_registry.system import repository
from provider_registry_api.models import Health, Liveness, Readiness

PROBE_TTL_SECONDS = 1.0
# A probe answers within this long, whatever the database does (an orchestrator's probe timeout
# is typically 1 s or more).
PROBE_TIMEOUT_SECONDS = 0.8
T = TypeVar("T")


class CachedProbe(Generic[T]):
    """The last result of ``check`` for up to ``ttl`` seconds. One check runs at a time, on a
    thread of its own; callers arriving meanwhile wait for that one result instead of each
    running their own, but for ``timeout`` seconds at most: a database that does not answer (a
    frozen network path holds a connection until TCP gives up) makes the probe answer
    ``unknown`` in time, while the check goes on and its result is kept when it comes."""

    def __init__(
        self,
        check: Callable[[], T],
        unknown: T,
        ttl: float = PROBE_TTL_SECONDS,
        timeout: float = PROBE_TIMEOUT_SECONDS,
    ) -> None:
        self._check = check
        self._unknown = unknown
        self._ttl = ttl
        self._timeout = timeout
        self._lock = threading.Lock()
        self._result: T | None = None
        self._expires = 0.0
        self._running: Future[T] | None = None

    def get(self) -> T:
        with self._lock:
            if self._result is not None and time.monotonic() < self._expires:
                return self._result
            running = self._running
            if running is None:
                self._running = running = Future()
                threading.Thread(target=self._run, args=(running,), daemon=True).start()
        try:
            return running.result(timeout=self._timeout)
        except FutureTimeout:
            return self._unknown

    def _run(self, running: Future[T]) -> None:
        result = self._unknown
        try:
            result = self._check()
        finally:
            with self._lock:
                self._result = result
                self._expires = time.monotonic() + self._ttl
                self._running = None
            running.set_result(result)


class Probes:
    """One app's cached probes (kept on the Flask app, so each app has its own)."""

    def __init__(self, engine: Engine) -> None:
        self.reachable = CachedProbe(lambda: repository.database_reachable(engine), False)
        unknown: tuple[bool, str | None] = (False, None)
        self.revision = CachedProbe(lambda: repository.schema_revision(engine), unknown)


def check_metrics_token(expected: str, authorization: str | None) -> None:
    """With a configured token, /metrics needs ``Authorization: Bearer <token>``."""
    if not expected:
        return
    scheme, _, presented = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        presented.strip().encode(), expected.encode()
    ):
        raise Unauthenticated("The metrics need the configured bearer token (metrics.token).")


def health(probes: Probes) -> Health:
    connected = probes.reachable.get()
    return Health(
        status="healthy" if connected else "unhealthy",
        service=SERVICE_NAME,
        version=__version__,
        timestamp=utcnow(),
        database="connected" if connected else "disconnected",
    )


def liveness() -> Liveness:
    """Nothing but this process: no dependency is asked (see the spec's ``GET /live``)."""
    return Liveness(status="alive", service=SERVICE_NAME, version=__version__)


def readiness(probes: Probes, *, rate_limits: str, draining: bool) -> Readiness:
    """``rate_limits``: ``RateLimits.state``, or ``off``. A degraded limit storage is reported,
    not a reason to stop routing here: the instance still enforces limits on its own. A
    draining instance is not ready, whatever its database (``kit.drain``). A schema ahead of
    this build (a newer release migrated during a rolling deploy) serves it: migrations are
    expand/contract (README, Running in production)."""
    reachable, revision = probes.revision.get()
    schema = migrate.schema_state(revision) if reachable else "unknown"
    serves = schema in ("current", "ahead")
    return Readiness.model_validate(
        {
            "status": "ready" if serves and not draining else "not_ready",
            "database": "connected" if reachable else "disconnected",
            "migrations": schema,
            "rate_limits": rate_limits,
            "draining": draining,
        }
    )
