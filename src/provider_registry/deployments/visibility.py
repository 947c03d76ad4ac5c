"""Who may see and act on a deployment. Every deployment-scoped read or write goes through here.

- A personal deployment (no organization): the account that created it, read and write.
- An organization's deployment belongs to the organization: its members, by their current role
  (admin and member read and write; viewer reads only). Its creator is recorded
  (``owner_account_id``) but has no access of its own: removed from the organization, they lose
  the deployment, its shell sessions and its tickets, and the organization keeps paying for it.
- Platform admins: read (support), no tenant writes.
- The provider it runs on reaches it through the provider API (``for_provider``).
- Anyone else: 404, exactly as for a deployment that does not exist, so ids leak nothing.
"""

from __future__ import annotations

import uuid
from typing import Literal

from sqlalchemy import ColumnElement
from sqlmodel import Session

from provider_registry.deployments.errors import DeploymentNotFound
from provider_registry.deployments.models import Deployment
from provider_registry.deployments.repository import (
    DeploymentRepository,
    TenantScope,
    visible_clause,
)
from provider_registry.identity.errors import Forbidden
from provider_registry.identity.principal import Principal
from provider_registry.tenancy import membership

Need = Literal["read", "write"]


def _not_found() -> DeploymentNotFound:
    return DeploymentNotFound("No deployment with this id is visible to you.")


def tenant_permission(session: Session, principal: Principal, row: Deployment) -> Need | None:
    """The most the account may do with the deployment: "write", "read" or nothing."""
    if principal.kind != "account":
        return None
    if row.organization_id is None and row.owner_account_id == principal.id:
        return "write"
    if row.organization_id is not None:
        role = membership.role_in(session, row.organization_id, principal.id)
        if role is not None:
            return "write" if role in membership.WRITE_ROLES else "read"
    if principal.is_platform_admin:
        return "read"
    return None


def for_tenant(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID | str,
    need: Need = "read",
    *,
    lock: bool = False,
) -> Deployment:
    """The deployment, if the account may ``need`` it; 404 if it may not even see it, 403 if it
    may see but not change it."""
    row = _get(session, deployment_id, lock=lock)
    permission = tenant_permission(session, principal, row) if row is not None else None
    if row is None or permission is None:
        raise _not_found()
    if need == "write" and permission != "write":
        raise Forbidden("You may read this deployment but not change it.")
    return row


def for_provider(
    session: Session, principal: Principal, deployment_id: uuid.UUID | str, *, lock: bool = False
) -> Deployment:
    """The deployment, if it runs on the calling provider; 404 otherwise."""
    row = _get(session, deployment_id, lock=lock)
    if row is None or principal.provider_id is None or row.provider_id != principal.provider_id:
        raise _not_found()
    return row


def visible_to_tenant(session: Session, principal: Principal) -> ColumnElement[bool]:
    """A WHERE clause for the deployments an account may read (platform admins: all)."""
    return visible_clause(tenant_scope(session, principal))


def tenant_scope(session: Session, principal: Principal) -> TenantScope | None:
    """None for providers: they read deployments as their provider, not as tenants."""
    if principal.kind != "account":
        return None
    if principal.is_platform_admin:
        return TenantScope(principal.id, (), admin=True)
    organizations = tuple(sorted(membership.roles_of(session, principal.id)))
    return TenantScope(principal.id, organizations, admin=False)


def _get(session: Session, deployment_id: uuid.UUID | str, *, lock: bool) -> Deployment | None:
    try:
        key = deployment_id if isinstance(deployment_id, uuid.UUID) else uuid.UUID(deployment_id)
    except ValueError:
        return None
    return DeploymentRepository(session).find(key, lock=lock)
