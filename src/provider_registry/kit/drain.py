"""Draining before a stop: on SIGTERM the gunicorn master marks the instance as draining (a file
every worker can see), keeps serving for ``server.drain_seconds`` while ``/ready`` answers 503 so
load balancers stop routing here and every response says ``Connection: close`` so clients stop
reusing their connections, and only then lets gunicorn stop the workers gracefully (no new
connections, in-flight requests finish within ``server.graceful_timeout_seconds``)."""

from __future__ import annotations

import os

DRAIN_FILE_ENV = "PROVIDER_REGISTRY_DRAIN_FILE"


def draining() -> bool:
    """Whether this instance is draining (only ever under ``provider-registry serve``)."""
    path = os.environ.get(DRAIN_FILE_ENV)
    return bool(path) and os.path.exists(path)  # type: ignore[arg-type]
