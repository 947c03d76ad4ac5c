"""Deployment rules: placing a deployment on a provider, its lease (pending -> active -> closed),
what the provider reports, and the actions tenants ask for. Flush, never commit.

Who may see and change a deployment is decided in ``access``; every state change here is a
conditional UPDATE on the state it starts from, so of concurrent requests exactly one wins and the
others get a 409 naming the state they found.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row
from sqlmodel import Session, col

from provider_registry.catalog.repository import ServiceRepository
from provider_registry.deployments import visibility
from provider_registry.deployments.errors import (
    ActionAlreadyAcknowledged,
    ActionNotFound,
    DeploymentClosed,
    DeploymentNotActive,
    DeploymentNotPending,
    InsufficientCapacity,
    InvalidStatusReport,
    OrganizationNotAvailable,
    ProviderNotAvailable,
    ServiceNotAvailable,
)
from provider_registry.deployments.models import Deployment, DeploymentAction
from provider_registry.deployments.repository import DeploymentRepository
from provider_registry.deployments.validation import (
    DECIMAL_PLACES,
    RESOURCE_FIELDS,
    create_issues,
    is_number,
    status_report_issues,
)
from provider_registry.identity.principal import Principal
from provider_registry.kit.errors import DomainError, FieldIssue, ValidationFailed
from provider_registry.kit.pagination import Page
from provider_registry.kit.timeutil import utcnow
from provider_registry.providers.repository import ProviderRepository
from provider_registry.tenancy import membership
from provider_registry_api import models as api

# The declared capacity (providers.capacity) each requested resource is held against.
CAPACITY_FIELDS = {
    "cpu": "cpu_cores",
    "memory": "memory_gb",
    "storage": "storage_gb",
    "gpu": "gpu_count",
}
PENDING_ACTIONS_PAGE = 100


def _resource(value: float | int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-DECIMAL_PLACES))


def _check_capacity(capacity: dict[str, Any] | None, requested: dict[str, Decimal]) -> None:
    if not capacity:
        return
    issues = []
    for field, declared_as in CAPACITY_FIELDS.items():
        declared = capacity.get(declared_as, 0 if field == "gpu" else None)
        if is_number(declared) and requested[field] > Decimal(repr(declared)):
            issues.append(
                FieldIssue(
                    f"resources.{field}",
                    f"exceeds the provider's capacity of {declared}",
                    "INSUFFICIENT_CAPACITY",
                )
            )
    if issues:
        raise InsufficientCapacity(
            "The provider cannot offer this much: "
            + ", ".join(issue.field for issue in issues)
            + ".",
            errors=issues,
        )


def create(session: Session, principal: Principal, body: api.DeploymentCreate) -> Deployment:
    issues = create_issues(body.model_dump(mode="json"))
    if issues:
        raise ValidationFailed("The request body is invalid.", errors=issues)
    provider_id = body.provider_id
    provider = ProviderRepository(session).get(provider_id)
    if provider is None or provider.status != "approved":
        # Unknown and not approved look the same: a tenant learns nothing about other providers.
        raise ProviderNotAvailable(
            "No approved provider with this id.",
            errors=[
                FieldIssue("provider_id", "is not an approved provider", "PROVIDER_NOT_AVAILABLE")
            ],
        )
    service_id = body.service_id
    if service_id is not None:
        offered = ServiceRepository(session).live(service_id)
        if offered is None or offered.provider_id != provider_id or offered.status != "active":
            raise ServiceNotAvailable(
                "No active service with this id at this provider.",
                errors=[
                    FieldIssue(
                        "service_id",
                        "is not an active service of the provider",
                        "SERVICE_NOT_AVAILABLE",
                    )
                ],
            )
    organization_id = body.organization_id
    if organization_id is not None:
        role = membership.role_in(session, organization_id, principal.id)
        if role not in membership.WRITE_ROLES:
            raise OrganizationNotAvailable(
                "You may not create deployments in this organization.",
                errors=[
                    FieldIssue(
                        "organization_id",
                        "is not an organization where you are an admin or member",
                        "ORGANIZATION_NOT_AVAILABLE",
                    )
                ],
            )
    resources = body.resources
    requested = {field: _resource(getattr(resources, field)) for field in RESOURCE_FIELDS}
    requested["gpu"] = Decimal(resources.gpu)
    _check_capacity(provider.capacity, requested)
    row = Deployment(
        owner_account_id=principal.id,
        organization_id=organization_id,
        provider_id=provider_id,
        service_id=service_id,
        name=body.name.strip(),
        cpu=requested["cpu"],
        memory=requested["memory"],
        storage=requested["storage"],
        gpu=int(requested["gpu"]),
        state="pending",
    )
    return DeploymentRepository(session).add(row)


def list_for_tenant(
    session: Session,
    principal: Principal,
    state: str | None,
    organization_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[Row[Any]]:
    scope = visibility.tenant_scope(session, principal)
    if scope is None:
        return Page(items=[], next_cursor=None)
    return DeploymentRepository(session).page_for_tenant(
        scope, state, organization_id, limit, cursor
    )


def get_for_tenant(session: Session, principal: Principal, deployment_id: uuid.UUID) -> Deployment:
    return visibility.for_tenant(session, principal, deployment_id, "read")


def request_action(
    session: Session, principal: Principal, deployment_id: uuid.UUID, action: str
) -> DeploymentAction:
    # Locked, so a concurrent close cannot slip in between the check and the insert.
    row = visibility.for_tenant(session, principal, deployment_id, "write", lock=True)
    if row.state != "active":
        raise DeploymentNotActive(
            f"The deployment is {row.state}; actions need an active deployment.",
            extra={"current_state": row.state},
        )
    return DeploymentRepository(session).add_action(
        DeploymentAction(deployment_id=row.id, action=action, requested_by=principal.id)
    )


def close(session: Session, principal: Principal, deployment_id: uuid.UUID) -> Deployment:
    deployments = DeploymentRepository(session)
    row = visibility.for_tenant(session, principal, deployment_id, "write")
    now = utcnow()
    closed = deployments.update_if(
        row.id,
        ("pending", "active"),
        {"state": "closed", "closed_at": now, "updated_at": now, "replicas_ready": 0},
    )
    if not closed:
        raise DeploymentClosed(
            "The deployment is already closed.", extra={"current_state": "closed"}
        )
    return deployments.refresh(row)


# ------------------------------------------------------------------------------ provider side


def list_for_provider(
    session: Session, principal: Principal, state: str | None, limit: int, cursor: str | None
) -> Page[Deployment]:
    where: list[ColumnElement[bool]] = [col(Deployment.provider_id) == principal.provider_id]
    if state is not None:
        where.append(col(Deployment.state) == state)
    return DeploymentRepository(session).page(where, limit, cursor)


def accept(
    session: Session, principal: Principal, deployment_id: uuid.UUID, lease_id: str | None
) -> Deployment:
    # Only an approved provider accepts (x-access provider_status in the spec).
    deployments = DeploymentRepository(session)
    row = visibility.for_provider(session, principal, deployment_id)
    now = utcnow()
    accepted = deployments.update_if(
        row.id,
        ("pending",),
        {
            "state": "active",
            "lease_id": lease_id or f"lease-{uuid.uuid4().hex}",
            # The prices agreed, read in the same statement that accepts.
            "pricing": ProviderRepository.pricing_of(row.provider_id),
            "accepted_at": now,
            "updated_at": now,
            "replicas_ready": 0,
            "replicas_total": 1,
        },
    )
    if not accepted:
        current = deployments.refresh(row).state
        raise DeploymentNotPending(
            f"The deployment is {current}; only a pending deployment can be accepted.",
            extra={"current_state": current},
        )
    return deployments.refresh(row)


def _not_active(state: str) -> DomainError:
    if state == "closed":
        return DeploymentClosed("The deployment is closed.", extra={"current_state": state})
    return DeploymentNotActive(
        f"The deployment is {state}; accept it before reporting its status.",
        extra={"current_state": state},
    )


def report_status(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID,
    body: api.DeploymentStatusReport,
) -> Deployment:
    deployments = DeploymentRepository(session)
    row = visibility.for_provider(session, principal, deployment_id)
    issues = status_report_issues(body.model_dump(mode="json"))
    if issues:
        raise InvalidStatusReport("The status report contradicts itself.", errors=issues)
    if row.state != "active":
        raise _not_active(row.state)
    now = utcnow()
    values: dict[str, Any] = {
        "replicas_ready": body.replicas.ready,
        "replicas_total": body.replicas.total,
        "services": [
            {"name": s.name, "state": s.state, "replicas": s.replicas} for s in body.services
        ],
        "updated_at": now,
    }
    if body.state == "closed":
        values.update(state="closed", closed_at=now)
    if not deployments.update_if(row.id, ("active",), values):
        raise _not_active(deployments.refresh(row).state)
    return deployments.refresh(row)


def pending_actions(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID,
    limit: int = PENDING_ACTIONS_PAGE,
    cursor: str | None = None,
) -> Page[DeploymentAction]:
    row = visibility.for_provider(session, principal, deployment_id)
    return DeploymentRepository(session).pending_actions(row.id, limit, cursor)


def acknowledge(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID,
    action_id: uuid.UUID,
    result: str,
    message: str | None,
) -> DeploymentAction:
    deployments = DeploymentRepository(session)
    row = visibility.for_provider(session, principal, deployment_id)
    action = deployments.action(row.id, action_id)
    if action is None:
        raise ActionNotFound("This deployment has no action with this id.")
    acknowledged = deployments.acknowledge_if_pending(
        action, {"status": result, "message": message, "acknowledged_at": utcnow()}
    )
    if not acknowledged:
        deployments.refresh_action(action)
        raise ActionAlreadyAcknowledged(
            f"The action was already acknowledged ({action.status}).",
            extra={"current_status": action.status},
        )
    return action
