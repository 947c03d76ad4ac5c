"""/api/v1/provider/deployments/*: what a provider does with the deployments that run on it."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.deployments import service, views
from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import optional_request_body, request_body
from provider_registry.kit.responses import json_response
from provider_registry_api import models as api


def list_provider_deployments(
    status: str | None = None, limit: int = 20, cursor: str | None = None
) -> Response:
    page = service.list_for_provider(db.session(), current_principal(), status, limit, cursor)
    return json_response(
        api.DeploymentPage(items=views.deployments(page.items), next_cursor=page.next_cursor)
    )


def accept_deployment(deployment_id: str) -> Response:
    body = optional_request_body(api.DeploymentAccept)
    lease_id = body.lease_id if body is not None else None
    row = service.accept(db.session(), current_principal(), uuid.UUID(deployment_id), lease_id)
    return json_response(views.deployment(row))


def report_deployment_status(deployment_id: str) -> Response:
    body = request_body(api.DeploymentStatusReport)
    row = service.report_status(db.session(), current_principal(), uuid.UUID(deployment_id), body)
    return json_response(views.status(row))


def list_provider_deployment_actions(
    deployment_id: str, limit: int = service.PENDING_ACTIONS_PAGE, cursor: str | None = None
) -> Response:
    page = service.pending_actions(
        db.session(), current_principal(), uuid.UUID(deployment_id), limit, cursor
    )
    return json_response(
        api.DeploymentActionPage(
            items=[views.action(a) for a in page.items], next_cursor=page.next_cursor
        )
    )


def ack_deployment_action(deployment_id: str, action_id: str) -> Response:
    body = request_body(api.DeploymentActionAck)
    action = service.acknowledge(
        db.session(),
        current_principal(),
        uuid.UUID(deployment_id),
        uuid.UUID(action_id),
        body.result,
        body.message,
    )
    return json_response(views.action(action))
