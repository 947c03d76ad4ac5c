"""All SQL for usage and invoices: the deployments that accrued during a period and the names of
their providers (the prices are each deployment's own); the invoices a principal may read,
filtered by the status it is shown with; the conditional UPDATE that pays an invoice; and the
INSERT ... ON CONFLICT DO NOTHING that makes generating a period's invoices idempotent. It
flushes, never commits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from provider_registry.deployments.models import Deployment
from provider_registry.identity.principal import Principal
from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository
from provider_registry.providers.models import Provider
from provider_registry.tenancy import membership


def accrued_during(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Deployments that were active at some moment of [start, end)."""
    return and_(
        col(Deployment.state) != "pending",
        col(Deployment.accepted_at).is_not(None),
        col(Deployment.accepted_at) < end,
        or_(col(Deployment.closed_at).is_(None), col(Deployment.closed_at) > start),
    )


class UsageRepository(Repository[Deployment]):
    """The deployments usage and invoices are computed from, and their providers' names."""

    model = Deployment

    def newest_accrued(
        self,
        visible: ColumnElement[bool],
        start: datetime,
        end: datetime,
        organization_id: uuid.UUID | None,
        limit: int,
    ) -> list[Deployment]:
        """The deployments ``visible`` admits (of the organization, if given) that accrued
        during [start, end), newest first."""
        statement = select(Deployment).where(visible, accrued_during(start, end))
        if organization_id is not None:
            statement = statement.where(col(Deployment.organization_id) == organization_id)
        return list(
            self.session.exec(
                statement.order_by(
                    col(Deployment.created_at).desc(), col(Deployment.id).desc()
                ).limit(limit)
            )
        )

    def accrued(self, start: datetime, end: datetime) -> list[Deployment]:
        """Every deployment that accrued during [start, end), oldest first."""
        return list(
            self.session.exec(
                select(Deployment)
                .where(accrued_during(start, end))
                .order_by(col(Deployment.created_at), col(Deployment.id))
            )
        )

    def provider_names(self, provider_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not provider_ids:
            return {}
        return dict(
            self.session.exec(
                select(Provider.id, Provider.name).where(col(Provider.id).in_(provider_ids))
            ).all()
        )


class InvoiceRepository(Repository[Invoice]):
    model = Invoice

    def _visible(self, principal: Principal) -> ColumnElement[bool]:
        """Its account, the admins of its organization, and platform admins (every invoice)."""
        if principal.kind != "account":
            return false()
        if principal.is_platform_admin:
            return true()
        administered = [
            organization_id
            for organization_id, role in membership.roles_of(self.session, principal.id).items()
            if role == "admin"
        ]
        clauses: list[ColumnElement[bool]] = [col(Invoice.account_id) == principal.id]
        if administered:
            clauses.append(col(Invoice.organization_id).in_(administered))
        return or_(*clauses)

    def page(
        self,
        principal: Principal,
        status: str | None,
        limit: int,
        cursor: str | None,
        today: date,
    ) -> Page[Invoice]:
        statement = select(Invoice).where(self._visible(principal))
        if status is not None:
            statement = statement.where(*_status_filter(status, today))
        return paginate(self.session, statement, Invoice, limit, cursor)

    def visible(self, principal: Principal, invoice_id: uuid.UUID) -> Invoice | None:
        return self.session.exec(
            select(Invoice).where(col(Invoice.id) == invoice_id, self._visible(principal))
        ).first()

    def lines(self, invoice_id: uuid.UUID) -> list[InvoiceLine]:
        return list(
            self.session.exec(
                select(InvoiceLine)
                .where(col(InvoiceLine.invoice_id) == invoice_id)
                .order_by(col(InvoiceLine.description), col(InvoiceLine.id))
            )
        )

    def pay_if_pending(self, invoice_id: uuid.UUID, paid_at: datetime) -> bool:
        """pending -> paid, as a conditional UPDATE: True when this call made the change."""
        result: Any = self.session.execute(
            update(Invoice)
            .where(col(Invoice.id) == invoice_id, col(Invoice.status) == "pending")
            .values(status="paid", paid_at=paid_at)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)

    def reread(self, invoice_id: uuid.UUID) -> Invoice | None:
        """The invoice as the database now holds it (not as this session last loaded it)."""
        return self.session.exec(
            select(Invoice)
            .where(col(Invoice.id) == invoice_id)
            .execution_options(populate_existing=True)
        ).first()

    def insert_if_absent(self, values: dict[str, Any]) -> bool:
        """INSERT ... ON CONFLICT (billed_to, period, currency) DO NOTHING: False when the invoice
        already exists."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(Invoice)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["billed_to", "period", "currency"])
            .returning(col(Invoice.id))
        )
        return self.session.execute(statement).first() is not None

    def add_lines(self, lines: Iterable[InvoiceLine]) -> None:
        self.session.add_all(lines)
        self.session.flush()

    def period_totals(self, period: str) -> list[tuple[str, Decimal]]:
        """The sum of the period's invoices in each currency, by currency."""
        rows = self.session.exec(
            select(Invoice.currency, func.sum(Invoice.total))
            .where(col(Invoice.period) == period)
            .group_by(col(Invoice.currency))
            .order_by(col(Invoice.currency))
        ).all()
        return list(rows)


def _status_filter(status: str, today: date) -> list[ColumnElement[bool]]:
    if status == "paid":
        return [col(Invoice.status) == "paid"]
    if status == "overdue":
        return [col(Invoice.status) == "pending", col(Invoice.due_date) < today]
    return [col(Invoice.status) == "pending", col(Invoice.due_date) >= today]
