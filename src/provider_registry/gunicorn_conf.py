"""gunicorn settings for ``make serve``: uvicorn workers, metrics shared across workers.

Used as ``gunicorn -c python:provider_registry.gunicorn_conf provider_registry.asgi:app``.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

# Must be in the environment before any worker creates a Prometheus metric.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="provider-registry-metrics-")

from provider_registry.config import load_settings
from provider_registry.kit.drain import DRAIN_FILE_ENV

# Where the master marks the instance as draining (kit.drain); inherited by the workers.
if not os.environ.get(DRAIN_FILE_ENV):
    os.environ[DRAIN_FILE_ENV] = os.path.join(
        tempfile.mkdtemp(prefix="provider-registry-drain-"), "draining"
    )

_settings = load_settings()

bind = f"{_settings.server.host}:{_settings.server.port}"
workers = _settings.server.workers
worker_class = "uvicorn_worker.UvicornWorker"
# X-Forwarded-For is interpreted by our own middleware, from server.trusted_proxies only; the
# uvicorn worker must not rewrite the client address (it trusts loopback by default).
forwarded_allow_ips = ""
# Our structured access log replaces gunicorn's.
accesslog = None
graceful_timeout = _settings.server.graceful_timeout_seconds
timeout = 60
keepalive = 5


def on_starting(_server: Any) -> None:
    """In the master, once: clear stale metric files, migrate, create the bootstrap admin."""
    directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory, exist_ok=True)
    from provider_registry.bootstrap import prepare_database
    from provider_registry.kit.logging import configure_logging

    configure_logging(_settings.log)
    prepare_database(_settings)


def when_ready(server: Any) -> None:
    """SIGTERM drains first (kit.drain): the master's handler is wrapped so that the instance is
    marked as draining and keeps serving ``server.drain_seconds`` before gunicorn's own graceful
    stop. SIGINT (Ctrl-C) and SIGQUIT stop at once, as before."""
    marker = Path(os.environ[DRAIN_FILE_ENV])
    marker.unlink(missing_ok=True)
    stop = server.handle_term
    seconds = _settings.server.drain_seconds

    def drain_then_stop() -> None:
        if seconds > 0 and not marker.exists():
            marker.touch()
            server.log.info("draining for %s s: /ready answers 503, then stopping", seconds)
            time.sleep(seconds)
        stop()

    server.handle_term = drain_then_stop


def post_worker_init(_worker: Any) -> None:
    """The app is built: what it holds now (the spec, its validators, models, the routing
    tables) lives as long as the worker. Frozen out of the garbage collector's generations, a
    full collection no longer walks it, so collections under load are short (request latency's
    tail)."""
    gc.collect()
    gc.freeze()


def on_exit(_server: Any) -> None:
    Path(os.environ[DRAIN_FILE_ENV]).unlink(missing_ok=True)


def child_exit(_server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
