"""Usage reports and invoices as the API shows them: decimals as strings, status as of today."""

from __future__ import annotations

from datetime import date
from typing import Any

from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.invoicing.service import invoices
from provider_registry.invoicing.service.usage import UsageLine, UsageReport, decimal_string
from provider_registry_api import models as api


def _usage_item(line: UsageLine) -> api.UsageItem:
    row, accrual = line.deployment, line.accrual
    return api.UsageItem(
        deployment_id=row.id,
        name=row.name,
        provider_id=row.provider_id,
        organization_id=row.organization_id,
        state=row.state,  # active | closed: pending rows never accrue
        hours=decimal_string(accrual.hours),
        cpu_hours=decimal_string(accrual.cpu_hours),
        memory_gb_hours=decimal_string(accrual.memory_gb_hours),
        storage_gb_hours=decimal_string(accrual.storage_gb_hours),
        gpu_hours=decimal_string(accrual.gpu_hours),
        cost=decimal_string(accrual.cost),
        currency=accrual.currency,
    )


def usage(report: UsageReport) -> api.Usage:
    return api.Usage(
        period=api.UsagePeriod(start=report.start, end=report.end),
        items=[_usage_item(line) for line in report.lines],
        totals=[
            api.UsageTotal(currency=currency, cost=decimal_string(cost))
            for currency, cost in report.totals.items()
        ],
        truncated=report.truncated,
    )


def _summary_fields(row: Invoice, today: date) -> dict[str, Any]:
    if row.organization_id is not None:
        billed_to = {"kind": "organization", "id": row.organization_id}
    else:
        billed_to = {"kind": "account", "id": row.account_id}
    return {
        "id": row.id,
        "number": row.number,
        "period": row.period,
        "billed_to": billed_to,
        "currency": row.currency,
        "total": decimal_string(row.total),
        "status": invoices.displayed_status(row, today),
        "due_date": row.due_date,
        "paid_at": row.paid_at,
        "created_at": row.created_at,
    }


def invoice_summary(row: Invoice, today: date) -> api.InvoiceSummary:
    return api.InvoiceSummary.model_validate(_summary_fields(row, today))


def _line(line: InvoiceLine) -> dict[str, Any]:
    return {
        "deployment_id": line.deployment_id,
        "provider_id": line.provider_id,
        "description": line.description,
        "cpu_hours": decimal_string(line.cpu_hours),
        "memory_gb_hours": decimal_string(line.memory_gb_hours),
        "storage_gb_hours": decimal_string(line.storage_gb_hours),
        "gpu_hours": decimal_string(line.gpu_hours),
        "amount": decimal_string(line.amount),
    }


def invoice(row: Invoice, lines: list[InvoiceLine], today: date) -> api.Invoice:
    return api.Invoice.model_validate(
        {**_summary_fields(row, today), "lines": [_line(line) for line in lines]}
    )
