"""Deployment errors, each with a stable code: a 422 for a placement the marketplace cannot make
(no such approved provider, active service or writable organization; too little capacity; a
self-contradicting status report), a 409 naming the state a lease change found it in, the 404
and 409 of acknowledging a provider action, and the 404 of a deployment the caller may not see.
"""

from __future__ import annotations

from provider_registry.kit.errors import DomainError, NotFound


class Unprocessable(DomainError):
    status = 422
    code = "UNPROCESSABLE"
    title = "Unprocessable Content"


class ProviderNotAvailable(Unprocessable):
    code = "PROVIDER_NOT_AVAILABLE"


class ServiceNotAvailable(Unprocessable):
    code = "SERVICE_NOT_AVAILABLE"


class OrganizationNotAvailable(Unprocessable):
    code = "ORGANIZATION_NOT_AVAILABLE"


class InsufficientCapacity(Unprocessable):
    code = "INSUFFICIENT_CAPACITY"


class InvalidStatusReport(Unprocessable):
    code = "DEPLOYMENT_INVALID_STATUS_REPORT"


class DeploymentConflict(DomainError):
    status = 409
    code = "CONFLICT"
    title = "Conflict"


class DeploymentNotActive(DeploymentConflict):
    code = "DEPLOYMENT_NOT_ACTIVE"


class DeploymentNotPending(DeploymentConflict):
    code = "DEPLOYMENT_NOT_PENDING"


class DeploymentClosed(DeploymentConflict):
    code = "DEPLOYMENT_CLOSED"


class ActionNotFound(NotFound):
    code = "DEPLOYMENT_ACTION_NOT_FOUND"


class ActionAlreadyAcknowledged(DeploymentConflict):
    code = "DEPLOYMENT_ACTION_ALREADY_ACKNOWLEDGED"


class DeploymentNotFound(NotFound):
    code = "DEPLOYMENT_NOT_FOUND"
