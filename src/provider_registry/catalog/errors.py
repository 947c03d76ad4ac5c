from __future__ import annotations

from provider_registry.kit.errors import DomainError


class ServiceNotFound(DomainError):
    status = 404
    code = "NOT_FOUND"
    title = "Not Found"


class ServiceExists(DomainError):
    status = 409
    code = "SERVICE_EXISTS"
    title = "Conflict"


class NotYourService(DomainError):
    status = 403
    code = "FORBIDDEN"
    title = "Forbidden"
