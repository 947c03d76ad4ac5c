"""Prometheus metrics, correct under several gunicorn workers.

With ``PROMETHEUS_MULTIPROC_DIR`` set (``make serve`` sets it) every worker writes its samples to
that directory and ``/metrics`` aggregates them; without it, one process's registry is served.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

UP = Gauge(
    "provider_service_up",
    "1 while the service process is running.",
    multiprocess_mode="max",
)
REQUESTS = Counter(
    "provider_service_requests_total",
    "HTTP requests handled, by method, route template and status code.",
    ["method", "endpoint", "status_code"],
)
DURATION = Histogram(
    "provider_service_request_duration_seconds",
    "Time to handle an HTTP request, by method and route template.",
    ["method", "endpoint"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def observe_request(method: str, endpoint: str, status: int, seconds: float) -> None:
    REQUESTS.labels(method, endpoint, str(status)).inc()
    DURATION.labels(method, endpoint).observe(seconds)


def mark_up() -> None:
    UP.set(1)


def render() -> tuple[bytes, str]:
    """The exposition text and its content type, over all workers when multiprocess."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(), CONTENT_TYPE_LATEST
