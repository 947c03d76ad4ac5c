"""All SQL for providers: reads, filters, pages and the conditional state changes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, update
from sqlmodel import col, select

from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository
from provider_registry.providers.models import BillingAccount, Provider, ProviderFormat


def _claimed(provider_id: uuid.UUID, claimed_at: datetime) -> tuple[Any, ...]:
    """A pending provider still under the approval claim taken at ``claimed_at``."""
    return (
        col(Provider.id) == provider_id,
        col(Provider.status) == "pending",
        col(Provider.approval_started_at) == claimed_at,
    )


def _unclaimed_since(since: datetime) -> Any:
    started = col(Provider.approval_started_at)
    return or_(started.is_(None), started < since)


class ProviderRepository(Repository[Provider]):
    model = Provider

    def _update_if(self, *conditions: Any, values: dict[str, Any]) -> bool:
        """UPDATE the provider rows matching ``conditions``; True when exactly one changed."""
        result: Any = self.session.execute(
            update(Provider)
            .where(*conditions)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)

    def by_email(self, email: str) -> Provider | None:
        return self.get_one_or_none(col(Provider.email) == email)

    def set_formats(self, provider_id: uuid.UUID, formats: list[str]) -> None:
        self.session.execute(
            delete(ProviderFormat).where(col(ProviderFormat.provider_id) == provider_id)
        )
        for name in sorted({f.lower() for f in formats}):
            self.session.add(ProviderFormat(provider_id=provider_id, format=name))
        self.session.flush()

    def transition(
        self,
        provider_id: uuid.UUID,
        *,
        from_status: str,
        version: int,
        values: dict[str, Any],
        claims_since: datetime,
    ) -> bool:
        """Change state only if nobody else did first and no approval claimed the row at or
        after ``claims_since`` (one in progress); True when this call won."""
        return self._update_if(
            col(Provider.id) == provider_id,
            col(Provider.status) == from_status,
            col(Provider.version) == version,
            _unclaimed_since(claims_since),
            values={**values, "version": version + 1},
        )

    def claim_approval(
        self,
        provider_id: uuid.UUID,
        *,
        version: int,
        claimed_at: datetime,
        claims_since: datetime,
    ) -> bool:
        """Mark a pending provider as being approved (a short transaction of its own); False if
        it changed, or another approval claimed it at or after ``claims_since``."""
        return self._update_if(
            col(Provider.id) == provider_id,
            col(Provider.status) == "pending",
            col(Provider.version) == version,
            _unclaimed_since(claims_since),
            values={"approval_started_at": claimed_at},
        )

    def reclaim_approval(
        self, provider_id: uuid.UUID, *, claimed_at: datetime, new_claim: datetime
    ) -> bool:
        """Take over an approval claimed at ``claimed_at`` (the maintenance job completing an
        interrupted one); False when someone else did, or it was applied or abandoned."""
        return self._update_if(
            *_claimed(provider_id, claimed_at), values={"approval_started_at": new_claim}
        )

    def finish_approval(
        self, provider_id: uuid.UUID, *, claimed_at: datetime, values: dict[str, Any]
    ) -> bool:
        """Apply the approval claimed at ``claimed_at``, if that claim still stands."""
        return self._update_if(
            *_claimed(provider_id, claimed_at),
            values={**values, "approval_started_at": None, "version": col(Provider.version) + 1},
        )

    def release_claim(self, provider_id: uuid.UUID, *, claimed_at: datetime) -> bool:
        return self._update_if(
            col(Provider.id) == provider_id,
            col(Provider.approval_started_at) == claimed_at,
            values={"approval_started_at": None},
        )

    def stale_claims(self, before: datetime, limit: int) -> list[tuple[uuid.UUID, datetime]]:
        """Approvals claimed before ``before`` and never applied nor abandoned (a crash)."""
        rows = self.session.execute(
            select(col(Provider.id), col(Provider.approval_started_at))
            .where(col(Provider.approval_started_at) < before)
            .order_by(col(Provider.approval_started_at))
            .limit(limit)
        ).all()
        return [(row[0], row[1]) for row in rows]

    def update_versioned(
        self, provider_id: uuid.UUID, *, version: int, values: dict[str, Any]
    ) -> bool:
        """Optimistic locking: write only if the row is still at ``version``."""
        return self._update_if(
            col(Provider.id) == provider_id,
            col(Provider.version) == version,
            values={**values, "version": version + 1},
        )

    def refresh(self, provider: Provider) -> Provider:
        self.session.refresh(provider)
        return provider

    @staticmethod
    def _filtered(
        statement: Any,
        *,
        status: str | None = None,
        region: str | None = None,
        supported_format: str | None = None,
        q: str | None = None,
        gpu_model: str | None = None,
        min_gpu_count: int | None = None,
    ) -> Any:
        if status:
            statement = statement.where(col(Provider.status) == status)
        if region:
            statement = statement.where(col(Provider.region) == region.lower())
        if supported_format:
            statement = statement.where(
                exists().where(
                    col(ProviderFormat.provider_id) == col(Provider.id),
                    col(ProviderFormat.format) == supported_format.lower(),
                )
            )
        if q:
            pattern = (
                "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            statement = statement.where(
                or_(
                    func.lower(col(Provider.name)).like(pattern, escape="\\"),
                    func.lower(func.coalesce(col(Provider.organization), "")).like(
                        pattern, escape="\\"
                    ),
                )
            )
        if gpu_model:
            statement = statement.where(func.lower(col(Provider.gpu_model)) == gpu_model.lower())
        if min_gpu_count is not None:
            statement = statement.where(col(Provider.gpu_count) >= min_gpu_count)
        return statement

    def page(self, limit: int, cursor: str | None, **filters: Any) -> Page[Provider]:
        statement = self._filtered(select(Provider), **filters)
        return paginate(self.session, statement, Provider, limit, cursor)

    def offset_page(self, limit: int, offset: int, **filters: Any) -> tuple[list[Provider], int]:
        statement = self._filtered(select(Provider), **filters)
        total = self.session.exec(
            self._filtered(select(func.count()).select_from(Provider), **filters)
        ).one()
        rows = self.session.exec(
            statement.order_by(col(Provider.created_at).desc(), col(Provider.id).desc())
            .offset(offset)
            .limit(limit)
        ).all()
        return list(rows), int(total)

    @staticmethod
    def pricing_of(provider_id: uuid.UUID) -> Any:
        """The provider's current pricing document, as a scalar subquery for an UPDATE."""
        return select(Provider.pricing).where(col(Provider.id) == provider_id).scalar_subquery()

    def approved(self, provider_id: uuid.UUID) -> Provider | None:
        return self.get_one_or_none(
            col(Provider.id) == provider_id, col(Provider.status) == "approved"
        )


class BillingAccountRepository(Repository[BillingAccount]):
    model = BillingAccount

    def for_provider(self, provider_id: uuid.UUID) -> BillingAccount | None:
        return self.get_one_or_none(col(BillingAccount.provider_id) == provider_id)
