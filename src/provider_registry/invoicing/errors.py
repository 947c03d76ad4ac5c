"""Invoicing errors, each with a stable code: an organization the caller does not belong to (for
its usage), an invoice it cannot see (404, never 403), and paying one that is already paid (409).
"""

from __future__ import annotations

from provider_registry.kit.errors import Conflict, NotFound


class OrganizationNotFound(NotFound):
    code = "ORGANIZATION_NOT_FOUND"


class InvoiceNotFound(NotFound):
    code = "INVOICE_NOT_FOUND"


class InvoiceAlreadyPaid(Conflict):
    code = "INVOICE_ALREADY_PAID"
