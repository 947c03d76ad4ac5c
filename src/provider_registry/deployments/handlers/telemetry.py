"""A deployment's logs, metrics and shell sessions: tenants read, its provider writes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Response, current_app

from provider_registry.deployments import telemetry
from provider_registry.identity.handlers.auth import identity_config
from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import optional_request_body, request_body
from provider_registry.kit.responses import json_response
from provider_registry.kit.state import EXTENSION_KEY, AppState
from provider_registry_api import models as api


def _metrics(found: telemetry.Metrics) -> api.DeploymentMetrics:
    row, latest = found.deployment, found.latest

    def pair(limit: Any, usage: Any) -> dict[str, float]:
        return {"usage": float(usage or 0), "limit": float(limit)}

    return api.DeploymentMetrics.model_validate(
        {
            "deployment_id": row.id,
            "cpu": pair(row.cpu, latest.cpu if latest else None),
            "memory": pair(row.memory, latest.memory if latest else None),
            "storage": pair(row.storage, latest.storage if latest else None),
            "gpu": pair(row.gpu, latest.gpu if latest else None),
            "reported_at": latest.reported_at if latest else None,
        }
    )


def get_deployment_logs(
    deployment_id: str,
    tail: int = 100,
    since: str | None = None,
    timestamps: bool = False,
    cursor: str | None = None,
) -> Response:
    state: AppState = current_app.extensions[EXTENSION_KEY]
    found = telemetry.tail_logs(
        db.session(),
        current_principal(),
        uuid.UUID(deployment_id),
        tail=tail,
        since=telemetry.parse_time(since, "since"),
        timestamps=timestamps,
        cursor=cursor,
        max_bytes=state.settings.portal.log_tail_max_bytes,
    )
    return json_response(
        api.LogLines(
            deployment_id=uuid.UUID(deployment_id),
            lines=found.lines,
            truncated=found.truncated,
            next_cursor=found.next_cursor,
        )
    )


def get_deployment_metrics(deployment_id: str) -> Response:
    found = telemetry.metrics_for_tenant(
        db.session(), current_principal(), uuid.UUID(deployment_id)
    )
    return json_response(_metrics(found))


def create_shell_session(deployment_id: str) -> Response:
    request = optional_request_body(api.ShellSessionCreate) or api.ShellSessionCreate()
    state: AppState = current_app.extensions[EXTENSION_KEY]
    opened = telemetry.open_shell(
        db.session(),
        identity_config().codec,
        current_principal(),
        uuid.UUID(deployment_id),
        service=request.service,
        ttl_seconds=state.settings.portal.shell_token_ttl_seconds,
    )
    return json_response(
        api.ShellSession.model_validate(
            {
                "token": opened.issued.token,
                "token_type": "shell",
                "expires_at": opened.issued.expires_at,
                "deployment_id": opened.deployment.id,
                "provider_id": opened.deployment.provider_id,
                "service": opened.service,
                "shell_url": opened.shell_url,
            }
        ),
        201,
    )


def ingest_deployment_logs(deployment_id: str) -> Response:
    body = request_body(api.DeploymentLogsCreate)
    accepted = telemetry.ingest_logs(
        db.session(), current_principal(), uuid.UUID(deployment_id), body.lines
    )
    return json_response(api.DeploymentLogsAccepted(accepted=accepted), 202)


def report_deployment_metrics(deployment_id: str) -> Response:
    body = request_body(api.DeploymentMetricsCreate)
    found = telemetry.report_metrics(
        db.session(), current_principal(), uuid.UUID(deployment_id), body
    )
    return json_response(_metrics(found))


# Deprecated alias (POST …/shell/session, kept until v2): the same function.
create_shell_session_legacy = create_shell_session


def verify_shell_session() -> Response:
    body = request_body(api.ShellSessionVerify)
    verdict = telemetry.verify_shell(
        db.session(), identity_config().codec, current_principal(), body.token
    )
    if not verdict.valid or verdict.claims is None:
        return json_response(
            api.ShellSessionVerdict.model_validate({"valid": False, "reason": verdict.reason})
        )
    claims = verdict.claims
    return json_response(
        api.ShellSessionVerdict.model_validate(
            {
                "valid": True,
                "deployment_id": claims["deployment_id"],
                "account_id": claims["sub"],
                "service": claims.get("service"),
                "expires_at": datetime.fromtimestamp(int(claims["exp"]), tz=UTC),
            }
        )
    )
