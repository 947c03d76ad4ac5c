from __future__ import annotations

from provider_registry.kit.errors import DomainError


class ServiceNotFound(DomainError):
    status = 404
    code = "SERVICE_NOT_FOUND"
    title = "Not Found"


class ServiceExists(DomainError):
    status = 409
    code = "SERVICE_VERSION_TAKEN"
    title = "Conflict"


class ServiceInvalidTransition(DomainError):
    status = 409
    code = "SERVICE_INVALID_TRANSITION"
    title = "Conflict"


class NotYourService(DomainError):
    status = 403
    code = "FORBIDDEN"
    title = "Forbidden"
