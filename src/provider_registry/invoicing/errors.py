"""Invoicing errors, each with a stable code: an invoice the caller cannot see (404, never 403),
and paying one that is already paid (409). An organization it does not belong to is tenancy's
``OrganizationNotFound``.
"""

from __future__ import annotations

from provider_registry.kit.errors import Conflict, NotFound


class InvoiceNotFound(NotFound):
    code = "INVOICE_NOT_FOUND"


class InvoiceAlreadyPaid(Conflict):
    code = "INVOICE_ALREADY_PAID"
