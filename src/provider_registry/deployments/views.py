"""Deployment rows as the API shows them (resources as numbers, times as RFC 3339)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row

from provider_registry.deployments.models import Deployment, DeploymentAction
from provider_registry_api import models as api


def deployment(row: Deployment | Row[Any]) -> api.Deployment:
    """From an instance or a Core row of the deployments table (a page of the tenant's list)."""
    agreed = {"pricing": api.Pricing.model_validate(row.pricing)} if row.pricing else {}
    return api.Deployment(
        **agreed,
        id=row.id,
        name=row.name,
        owner_account_id=row.owner_account_id,
        organization_id=row.organization_id,
        provider_id=row.provider_id,
        service_id=row.service_id,
        state=row.state,
        lease_id=row.lease_id,
        resources=api.Resources(
            cpu=float(row.cpu), memory=float(row.memory), storage=float(row.storage), gpu=row.gpu
        ),
        created_at=row.created_at,
        updated_at=row.updated_at,
        accepted_at=row.accepted_at,
        closed_at=row.closed_at,
    )


def deployments(rows: Sequence[Deployment | Row[Any]]) -> list[api.Deployment]:
    return [deployment(row) for row in rows]


def status(row: Deployment) -> api.DeploymentStatus:
    return api.DeploymentStatus(
        deployment_id=row.id,
        lease_id=row.lease_id,
        state=row.state,
        replicas=api.Replicas(ready=row.replicas_ready, total=row.replicas_total),
        services=[api.DeploymentServiceStatus.model_validate(s) for s in row.services],
        updated_at=row.updated_at,
    )


def action(row: DeploymentAction) -> api.DeploymentAction:
    return api.DeploymentAction(
        id=row.id,
        deployment_id=row.deployment_id,
        action=row.action,
        status=row.status,
        message=row.message,
        created_at=row.created_at,
        acknowledged_at=row.acknowledged_at,
    )
