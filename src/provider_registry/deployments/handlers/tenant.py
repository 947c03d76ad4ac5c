"""/api/v1/deployments/*: what tenants do with their deployments."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.deployments import service, views
from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.responses import json_response
from provider_registry_api import models as api


def create_deployment() -> Response:
    row = service.create(db.session(), current_principal(), request_body(api.DeploymentCreate))
    return json_response(
        views.deployment(row), 201, headers={"Location": f"/api/v1/deployments/{row.id}"}
    )


def list_deployments(
    status: str | None = None,
    organization_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    page = service.list_for_tenant(
        db.session(),
        current_principal(),
        status,
        uuid.UUID(organization_id) if organization_id else None,
        limit,
        cursor,
    )
    return json_response(
        api.DeploymentPage(items=views.deployments(page.items), next_cursor=page.next_cursor)
    )


def get_deployment(deployment_id: str) -> Response:
    row = service.get_for_tenant(db.session(), current_principal(), uuid.UUID(deployment_id))
    return json_response(views.deployment(row))


def get_deployment_status(deployment_id: str) -> Response:
    row = service.get_for_tenant(db.session(), current_principal(), uuid.UUID(deployment_id))
    return json_response(views.status(row))


def create_deployment_action(deployment_id: str) -> Response:
    body = request_body(api.DeploymentActionCreate)
    action = service.request_action(
        db.session(), current_principal(), uuid.UUID(deployment_id), body.action
    )
    return json_response(views.action(action), 202)


def close_deployment(deployment_id: str) -> Response:
    row = service.close(db.session(), current_principal(), uuid.UUID(deployment_id))
    return json_response(views.deployment(row))
