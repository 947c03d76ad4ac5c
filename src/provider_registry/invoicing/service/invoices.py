"""Invoices: who may see them, their status, recording a payment, and making them for a month
that has ended (the ``generate-invoices`` command).

One invoice per billed party (the deployment's organization if it has one, else its owner
account), period and currency, with a line per deployment that accrued something; the unique
(billed_to, period, currency) key makes generation idempotent and safe to run concurrently.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from provider_registry.audit import service as audit
from provider_registry.deployments.models import Deployment
from provider_registry.identity.principal import Principal
from provider_registry.invoicing.errors import InvoiceAlreadyPaid, InvoiceNotFound
from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.invoicing.repository import InvoiceRepository, UsageRepository
from provider_registry.invoicing.service import usage
from provider_registry.kit.pagination import Page
from provider_registry.kit.timeutil import rfc3339, utcnow

_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# A new number on the (unlikely) collision of a random one, at most this many times.
_NUMBER_ATTEMPTS = 5


class PeriodError(ValueError):
    """A ``--period`` that is malformed or has not ended yet."""


@dataclass(frozen=True)
class Period:
    label: str  # YYYY-MM
    start: datetime
    end: datetime  # exclusive: the first moment of the next month


def parse_period(text: str, now: datetime) -> Period:
    """A calendar month (UTC) that has ended before ``now``."""
    match = _PERIOD.match(text)
    if match is None or int(match.group(1)) < 1:
        raise PeriodError(f"the period must be a month as YYYY-MM (e.g. 2026-01), not {text!r}")
    start = datetime(int(match.group(1)), int(match.group(2)), 1, tzinfo=UTC)
    end = usage.next_month(start)
    if end > now:
        raise PeriodError(
            f"the period {text} has not ended yet; invoices are made for past months only "
            f"(the latest is {usage.month_start(now) - timedelta(days=1):%Y-%m})"
        )
    return Period(label=text, start=start, end=end)


def displayed_status(invoice: Invoice, today: date) -> str:
    """Stored pending or paid; a pending invoice past its due date is overdue."""
    if invoice.status == "pending" and invoice.due_date < today:
        return "overdue"
    return invoice.status


# Reading -----------------------------------------------------------------------------------------


def page(
    session: Session,
    principal: Principal,
    status: str | None,
    limit: int,
    cursor: str | None,
    today: date,
) -> Page[Invoice]:
    return InvoiceRepository(session).page(principal, status, limit, cursor, today)


def _not_found() -> InvoiceNotFound:
    return InvoiceNotFound("No invoice with this id is visible to you.")


def get_visible(session: Session, principal: Principal, invoice_id: uuid.UUID) -> Invoice:
    row = InvoiceRepository(session).visible(principal, invoice_id)
    if row is None:
        raise _not_found()
    return row


def lines_of(session: Session, invoice_id: uuid.UUID) -> list[InvoiceLine]:
    return InvoiceRepository(session).lines(invoice_id)


def pay(session: Session, principal: Principal, invoice_id: uuid.UUID) -> Invoice:
    """pending -> paid, as a conditional UPDATE: of concurrent requests exactly one wins."""
    invoices = InvoiceRepository(session)
    now = utcnow()
    paid = invoices.pay_if_pending(invoice_id, now)
    row = invoices.reread(invoice_id)
    if row is None:
        raise _not_found()
    if not paid:
        paid_at = rfc3339(row.paid_at) if row.paid_at else None
        raise InvoiceAlreadyPaid(
            f"Invoice {row.number} is already paid.", extra={"paid_at": paid_at}
        )
    audit.record(
        session,
        principal,
        "invoice.paid",
        "invoice",
        row.id,
        number=row.number,
        total=usage.decimal_string(row.total),
        currency=row.currency,
    )
    return row


# Generating --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftLine:
    deployment_id: uuid.UUID
    provider_id: uuid.UUID
    description: str
    cpu_hours: Decimal
    memory_gb_hours: Decimal
    storage_gb_hours: Decimal
    gpu_hours: Decimal
    amount: Decimal


@dataclass
class Draft:
    """An invoice to be: one billed party and currency, and its lines."""

    billed_to: str
    account_id: uuid.UUID | None
    organization_id: uuid.UUID | None
    currency: str
    lines: list[DraftLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), usage.ZERO)


@dataclass(frozen=True)
class Drafts:
    invoices: list[Draft]
    unpriced_deployments: int  # on providers without pricing: nothing to bill them in


def _party(row: Deployment) -> tuple[str, uuid.UUID | None, uuid.UUID | None]:
    if row.organization_id is not None:
        return f"organization:{row.organization_id}", None, row.organization_id
    return f"account:{row.owner_account_id}", row.owner_account_id, None


def draft(session: Session, period: Period, now: datetime) -> Drafts:
    """What the period's invoices would hold, from the deployments active during it."""
    deployments = UsageRepository(session)
    rows = deployments.accrued(period.start, period.end)
    provider_ids = {row.provider_id for row in rows}
    names = deployments.provider_names(provider_ids)
    drafts: dict[tuple[str, str], Draft] = {}
    unpriced = 0
    for row in rows:
        accrual = usage.accrue(row, usage.agreed_prices(row), period.start, period.end, now)
        if accrual.hours == 0 and accrual.cost == 0:
            continue
        if accrual.currency is None:
            unpriced += 1
            continue
        billed_to, account_id, organization_id = _party(row)
        invoice = drafts.setdefault(
            (billed_to, accrual.currency),
            Draft(billed_to, account_id, organization_id, accrual.currency),
        )
        description = (
            f"{row.name} on {names.get(row.provider_id, 'provider')}, {period.label}: "
            f"{usage.decimal_string(accrual.hours)} h"
        )
        invoice.lines.append(
            DraftLine(
                deployment_id=row.id,
                provider_id=row.provider_id,
                description=description[:200],
                cpu_hours=accrual.cpu_hours,
                memory_gb_hours=accrual.memory_gb_hours,
                storage_gb_hours=accrual.storage_gb_hours,
                gpu_hours=accrual.gpu_hours,
                amount=accrual.cost,
            )
        )
    ordered = [drafts[key] for key in sorted(drafts)]
    return Drafts(invoices=ordered, unpriced_deployments=unpriced)


def new_number(period: Period) -> str:
    return f"INV-{period.label.replace('-', '')}-{secrets.token_hex(4).upper()}"


def _insert(session: Session, invoice: Draft, period: Period, due_date: date) -> bool:
    """INSERT ... ON CONFLICT (billed_to, period, currency) DO NOTHING, then its lines: False
    when the invoice already exists (made by an earlier or a concurrent run)."""
    invoices = InvoiceRepository(session)
    invoice_id = uuid.uuid4()
    inserted = invoices.insert_if_absent(
        {
            "id": invoice_id,
            "number": new_number(period),
            "billed_to": invoice.billed_to,
            "account_id": invoice.account_id,
            "organization_id": invoice.organization_id,
            "period": period.label,
            "currency": invoice.currency,
            "total": invoice.total,
            "status": "pending",
            "due_date": due_date,
            "created_at": utcnow(),
        }
    )
    if not inserted:
        return False
    invoices.add_lines(InvoiceLine(invoice_id=invoice_id, **asdict(line)) for line in invoice.lines)
    audit.record(
        session,
        None,
        "invoice.created",
        "invoice",
        invoice_id,
        billed_to=invoice.billed_to,
        period=period.label,
        currency=invoice.currency,
        total=usage.decimal_string(invoice.total),
    )
    return True


def _save(sessions: Callable[[], Session], invoice: Draft, period: Period, due_date: date) -> bool:
    """One transaction per invoice, so an invoice and its lines appear together or not at all."""
    for attempt in range(_NUMBER_ATTEMPTS):
        try:
            with sessions() as session, session.begin():
                return _insert(session, invoice, period, due_date)
        except IntegrityError:
            # Only the random number can collide here (the party key is ON CONFLICT DO NOTHING).
            if attempt == _NUMBER_ATTEMPTS - 1:
                raise
    return False  # pragma: no cover


def period_totals(session: Session, period: Period) -> list[dict[str, str]]:
    rows = InvoiceRepository(session).period_totals(period.label)
    return [
        {"currency": currency, "total": usage.decimal_string(usage.money(Decimal(total)))}
        for currency, total in rows
    ]


def generate(
    sessions: Callable[[], Session], period: Period, *, due_days: int, now: datetime | None = None
) -> dict[str, Any]:
    """Make the period's missing invoices; return a summary (the same totals on every run)."""
    now = now or utcnow()
    with sessions() as session:
        drafts = draft(session, period, now)
    due_date = period.end.date() + timedelta(days=due_days)
    created = existing = skipped = 0
    for invoice in drafts.invoices:
        if invoice.total == 0:
            skipped += 1  # nothing to pay: no invoice that could only ever become overdue
            continue
        if _save(sessions, invoice, period, due_date):
            created += 1
        else:
            existing += 1
    with sessions() as session:
        totals = period_totals(session, period)
    return {
        "period": period.label,
        "created": created,
        "existing": existing,
        "skipped_zero_total": skipped,
        "unpriced_deployments": drafts.unpriced_deployments,
        "totals": totals,
    }
