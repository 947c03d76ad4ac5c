"""/api/v1/usage and /api/v1/invoices."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.identity.security import current_principal
from provider_registry.invoicing import views
from provider_registry.invoicing.models import Invoice
from provider_registry.invoicing.service import invoices, usage
from provider_registry.kit import db
from provider_registry.kit.responses import json_response
from provider_registry.kit.timeutil import utcnow
from provider_registry_api import models as api


def _one(row: Invoice) -> Response:
    lines = invoices.lines_of(db.session(), row.id)
    return json_response(views.invoice(row, lines, utcnow().date()))


def get_usage(organization_id: str | None = None) -> Response:
    organization = uuid.UUID(organization_id) if organization_id else None
    report = usage.current(db.session(), current_principal(), organization, utcnow())
    return json_response(views.usage(report))


def list_invoices(
    status: str | None = None, limit: int = 20, cursor: str | None = None
) -> Response:
    today = utcnow().date()
    page = invoices.page(db.session(), current_principal(), status, limit, cursor, today)
    items = [views.invoice_summary(row, today) for row in page.items]
    return json_response(api.InvoicePage(items=items, next_cursor=page.next_cursor))


def get_invoice(invoice_id: str) -> Response:
    return _one(invoices.get_visible(db.session(), current_principal(), uuid.UUID(invoice_id)))


def pay_invoice(invoice_id: str) -> Response:
    return _one(invoices.pay(db.session(), current_principal(), uuid.UUID(invoice_id)))
