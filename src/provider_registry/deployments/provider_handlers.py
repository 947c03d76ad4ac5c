"""/api/v1/provider/deployments/*: what a provider does with the deployments that run on it."""

from __future__ import annotations

import json
import uuid
from typing import Any

from flask import Response

from provider_registry.deployments import service, views
from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.responses import json_response
from provider_registry_api import models as api


def list_provider_deployments(
    status: str | None = None, limit: int = 20, cursor: str | None = None
) -> Response:
    page = service.list_for_provider(db.session(), current_principal(), status, limit, cursor)
    return json_response(
        api.DeploymentPage(items=views.deployments(page.items), next_cursor=page.next_cursor)
    )


def _optional_json(body: Any) -> dict[str, Any]:
    """A body Connexion validated as JSON. Sent without a Content-Type (an empty body gets the
    schema's default), it reaches the handler as bytes rather than parsed."""
    if isinstance(body, bytes | str):
        body = json.loads(body or "{}")
    return body if isinstance(body, dict) else {}


def accept_deployment(deployment_id: str, body: Any = None) -> Response:
    lease_id = _optional_json(body).get("lease_id")
    row = service.accept(db.session(), current_principal(), uuid.UUID(deployment_id), lease_id)
    return json_response(views.deployment(row))


def report_deployment_status(deployment_id: str, body: dict[str, Any]) -> Response:
    row = service.report_status(db.session(), current_principal(), uuid.UUID(deployment_id), body)
    return json_response(views.status(row))


def list_pending_actions(deployment_id: str) -> Response:
    actions = service.pending_actions(db.session(), current_principal(), uuid.UUID(deployment_id))
    return json_response(api.DeploymentActionList(items=[views.action(a) for a in actions]))


def acknowledge_action(deployment_id: str, action_id: str, body: dict[str, Any]) -> Response:
    action = service.acknowledge(
        db.session(),
        current_principal(),
        uuid.UUID(deployment_id),
        uuid.UUID(action_id),
        body["result"],
        body.get("message"),
    )
    return json_response(views.action(action))
