from __future__ import annotations

from provider_registry.kit.errors import DomainError


class ProviderNotApproved(DomainError):
    status = 403
    code = "PROVIDER_NOT_APPROVED"
    title = "Forbidden"


class ProviderSuspended(DomainError):
    status = 403
    code = "PROVIDER_SUSPENDED"
    title = "Forbidden"


class ProviderNotFound(DomainError):
    status = 404
    code = "PROVIDER_NOT_FOUND"
    title = "Not Found"


class ProviderEmailTaken(DomainError):
    status = 409
    code = "EMAIL_TAKEN"
    title = "Conflict"


class InvalidTransition(DomainError):
    status = 409
    code = "PROVIDER_INVALID_TRANSITION"
    title = "Conflict"


class ApprovalInProgress(DomainError):
    """Another approval of this provider is calling the billing service right now."""

    status = 409
    code = "APPROVAL_IN_PROGRESS"
    title = "Conflict"


class BillingUnavailable(DomainError):
    status = 502
    code = "BILLING_UNAVAILABLE"
    title = "Bad Gateway"
