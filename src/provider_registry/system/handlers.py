"""Health, readiness and metrics. Never rate limited; /metrics may need a bearer token."""

from __future__ import annotations

from flask import Response, current_app, request

from provider_registry.kit import metrics
from provider_registry.kit.drain import draining
from provider_registry.kit.responses import json_response
from provider_registry.kit.state import app_state
from provider_registry.system import service

PROBES_KEY = "provider_registry.probes"


def _probes() -> service.Probes:
    probes: service.Probes | None = current_app.extensions.get(PROBES_KEY)
    if probes is None:  # two first requests may both build one; either is fine
        probes = current_app.extensions.setdefault(
            PROBES_KEY, service.Probes(app_state().database.engine)
        )
    return probes


def get_health() -> Response:
    report = service.health(_probes())
    return json_response(report, 200 if report.database == "connected" else 503)


# The same report at the versioned and historical addresses.
get_api_health = get_health
get_registration_health = get_health


def get_live() -> Response:
    return json_response(service.liveness(), 200)


def get_ready() -> Response:
    limits = app_state().rate_limits
    report = service.readiness(
        _probes(), rate_limits=limits.state if limits is not None else "off", draining=draining()
    )
    return json_response(report, 200 if report.status == "ready" else 503)


def get_metrics() -> Response:
    service.check_metrics_token(
        app_state().settings.metrics.token, request.headers.get("Authorization")
    )
    body, content_type = metrics.render()
    return Response(body, status=200, content_type=content_type)
