"""Ticket errors, each with a stable code: a ticket the caller cannot see (404), a deployment it
cannot open one for (422), a status change by someone other than the provider or a platform admin
(403), and any change to a closed ticket (409).
"""

from __future__ import annotations

from provider_registry.identity.errors import Forbidden
from provider_registry.kit.errors import Conflict, DomainError, NotFound


class TicketNotFound(NotFound):
    code = "TICKET_NOT_FOUND"


class DeploymentNotAvailable(DomainError):
    status = 422
    code = "DEPLOYMENT_NOT_AVAILABLE"
    title = "Unprocessable Content"


class StatusChangeNotAllowed(Forbidden):
    code = "TICKET_STATUS_CHANGE_NOT_ALLOWED"


class TicketClosed(Conflict):
    code = "TICKET_CLOSED"
