"""What deployments accrue: the pricing math shared by the usage report and by invoices.

A deployment accrues while it is active, from ``accepted_at`` to ``closed_at`` (or now). For a
period [start, end):

- hours = the overlap of [accepted_at, closed_at or now) with the period, in hours;
- <resource>_hours = quantity x overlap hours, rounded to 6 decimal places;
- hourly price = price (hourly), price / 24 (daily), price / 730 (monthly); no price costs 0;
- cost = sum of <resource>_hours (rounded, as shown) x hourly price, with 28 significant digits,
  rounded once to 8 decimal places half to even.

Prices are the ones agreed when the provider accepted the deployment (``deployments.pricing``),
never its current ones. Everything is Decimal; a deployment accepted while its provider had no
pricing gives cost 0 and no currency.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session

from provider_registry.deployments import visibility
from provider_registry.deployments.models import Deployment
from provider_registry.identity.principal import Principal
from provider_registry.invoicing.repository import UsageRepository
from provider_registry.tenancy import membership
from provider_registry.tenancy.errors import OrganizationNotFound

# Hours in one pricing interval.
HOURS_PER_INTERVAL = {"hourly": Decimal(1), "daily": Decimal(24), "monthly": Decimal(730)}
RESOURCES = ("cpu", "memory", "storage", "gpu")
QUANTITY_STEP = Decimal("0.000001")
MONEY_STEP = Decimal("0.00000001")
# The most deployments one usage report covers (newest first); the report says when it stopped.
MAX_USAGE_DEPLOYMENTS = 1000

_CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
_MICROSECONDS_PER_HOUR = Decimal(3_600_000_000)
ZERO = Decimal(0)


def quantity(value: Decimal) -> Decimal:
    return value.quantize(QUANTITY_STEP, rounding=ROUND_HALF_EVEN, context=_CONTEXT)


def money(value: Decimal) -> Decimal:
    return value.quantize(MONEY_STEP, rounding=ROUND_HALF_EVEN, context=_CONTEXT)


def decimal_string(value: Decimal) -> str:
    """Plain notation without trailing zeros: "1.5", "0", "12" (never "1E+1")."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


@dataclass(frozen=True)
class PriceList:
    """A provider's prices per resource-hour, in its currency (None: it has no pricing)."""

    currency: str | None
    divisors: dict[str, Decimal]  # resource -> hours per interval
    prices: dict[str, Decimal]  # resource -> price per interval

    @classmethod
    def of(cls, pricing: Mapping[str, Any] | None) -> PriceList:
        if not pricing or not isinstance(pricing.get("currency"), str):
            return cls(currency=None, divisors={}, prices={})
        prices: dict[str, Decimal] = {}
        divisors: dict[str, Decimal] = {}
        for entry in pricing.get("prices") or []:
            resource, interval = entry.get("resource"), entry.get("interval")
            if resource not in RESOURCES or interval not in HOURS_PER_INTERVAL:
                continue
            try:
                price = Decimal(str(entry.get("price")))
            except InvalidOperation:
                continue
            if price.is_finite() and price >= 0:
                prices[resource] = price
                divisors[resource] = HOURS_PER_INTERVAL[interval]
        return cls(currency=pricing["currency"], divisors=divisors, prices=prices)

    def cost_of(self, resource: str, resource_hours: Decimal) -> Decimal:
        """resource-hours x price / hours-per-interval, unrounded (28 significant digits)."""
        if resource not in self.prices:
            return ZERO
        product = _CONTEXT.multiply(resource_hours, self.prices[resource])
        return _CONTEXT.divide(product, self.divisors[resource])


@dataclass(frozen=True)
class Accrual:
    hours: Decimal
    cpu_hours: Decimal
    memory_gb_hours: Decimal
    storage_gb_hours: Decimal
    gpu_hours: Decimal
    cost: Decimal
    currency: str | None


def overlap_hours(
    accepted_at: datetime | None,
    closed_at: datetime | None,
    start: datetime,
    end: datetime,
    now: datetime,
) -> Decimal:
    """Exact hours (unrounded) the interval [accepted_at, closed_at or now) spends in
    [start, end)."""
    if accepted_at is None:
        return ZERO
    stop = min(closed_at or now, now, end)
    begin = max(accepted_at, start)
    if stop <= begin:
        return ZERO
    delta: timedelta = stop - begin
    microseconds = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return _CONTEXT.divide(Decimal(microseconds), _MICROSECONDS_PER_HOUR)


def accrue(
    deployment: Deployment, prices: PriceList, start: datetime, end: datetime, now: datetime
) -> Accrual:
    """What ``deployment`` accrued in [start, end) as of ``now``."""
    if deployment.state == "pending":
        exact = ZERO
    else:
        exact = overlap_hours(deployment.accepted_at, deployment.closed_at, start, end, now)
    amounts = {
        "cpu": Decimal(deployment.cpu),
        "memory": Decimal(deployment.memory),
        "storage": Decimal(deployment.storage),
        "gpu": Decimal(deployment.gpu),
    }
    resource_hours = {
        resource: quantity(_CONTEXT.multiply(amount, exact)) for resource, amount in amounts.items()
    }
    cost = ZERO
    for resource, hours in resource_hours.items():
        cost = _CONTEXT.add(cost, prices.cost_of(resource, hours))
    return Accrual(
        hours=quantity(exact),
        cpu_hours=resource_hours["cpu"],
        memory_gb_hours=resource_hours["memory"],
        storage_gb_hours=resource_hours["storage"],
        gpu_hours=resource_hours["gpu"],
        cost=money(cost),
        currency=prices.currency,
    )


def month_start(moment: datetime) -> datetime:
    moment = moment.astimezone(UTC)
    return datetime(moment.year, moment.month, 1, tzinfo=UTC)


def next_month(start: datetime) -> datetime:
    if start.month == 12:
        return datetime(start.year + 1, 1, 1, tzinfo=UTC)
    return datetime(start.year, start.month + 1, 1, tzinfo=UTC)


def agreed_prices(deployment: Deployment) -> PriceList:
    """The prices recorded when the provider accepted the deployment: never its current ones, so a
    provider cannot reprice time already used."""
    return PriceList.of(deployment.pricing)


@dataclass(frozen=True)
class UsageLine:
    deployment: Deployment
    accrual: Accrual


@dataclass(frozen=True)
class UsageReport:
    start: datetime
    end: datetime
    lines: list[UsageLine]
    totals: dict[str, Decimal]  # currency -> cost
    truncated: bool


def _tenant_view(session: Session, principal: Principal) -> ColumnElement[bool]:
    # Usage is a tenant view: a platform admin sees its own and its organizations' deployments
    # here, the same rule as any other account, not every tenant's.
    as_tenant = dataclasses.replace(principal, role="consumer")
    return visibility.visible_to_tenant(session, as_tenant)


def current(
    session: Session,
    principal: Principal,
    organization_id: uuid.UUID | None,
    now: datetime,
) -> UsageReport:
    """The caller's usage from the start of the current UTC month up to ``now``."""
    start = month_start(now)
    visible = _tenant_view(session, principal)
    if (
        organization_id is not None
        and membership.role_in(session, organization_id, principal.id) is None
    ):
        raise OrganizationNotFound("No organization with this id that you are a member of.")
    rows = UsageRepository(session).newest_accrued(
        visible, start, now, organization_id, MAX_USAGE_DEPLOYMENTS + 1
    )
    truncated = len(rows) > MAX_USAGE_DEPLOYMENTS
    rows = rows[:MAX_USAGE_DEPLOYMENTS]
    lines: list[UsageLine] = []
    totals: dict[str, Decimal] = {}
    for row in rows:
        accrual = accrue(row, agreed_prices(row), start, now, now)
        lines.append(UsageLine(row, accrual))
        if accrual.currency is not None:
            totals[accrual.currency] = _CONTEXT.add(
                totals.get(accrual.currency, ZERO), accrual.cost
            )
    return UsageReport(
        start=start,
        end=now,
        lines=lines,
        totals=dict(sorted(totals.items())),
        truncated=truncated,
    )
