"""Health, readiness and metrics. Public, never rate limited."""

from __future__ import annotations

from flask import Response

from provider_registry.kit import metrics
from provider_registry.kit.responses import json_response
from provider_registry.kit.state import app_state
from provider_registry.system import service


def get_health() -> Response:
    report = service.health(app_state().database.engine)
    return json_response(report, 200 if report.database == "connected" else 503)


# The same report at the versioned and historical addresses.
get_api_health = get_health
get_registration_health = get_health


def get_ready() -> Response:
    report = service.readiness(app_state().database.engine)
    return json_response(report, 200 if report.status == "ready" else 503)


def get_metrics() -> Response:
    body, content_type = metrics.render()
    return Response(body, status=200, content_type=content_type)
