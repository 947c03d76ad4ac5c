"""All SQL for deployments and their actions: keyset pages, the conditional UPDATEs each lease
change is made with (only while the deployment is in the state it starts from), and the actions
tenants ask for and providers acknowledge. It flushes, never commits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Text,
    and_,
    bindparam,
    cast,
    delete,
    false,
    func,
    insert,
    or_,
    tuple_,
    update,
)
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from provider_registry.deployments.models import (
    Deployment,
    DeploymentAction,
    DeploymentLog,
    DeploymentMetrics,
)
from provider_registry.kit.pagination import Page, paginate, paginate_branches
from provider_registry.kit.repository import Repository, skip_locked


@dataclass(frozen=True)
class TenantScope:
    """The deployments an account may read, as disjoint parts each served by one index: its
    own (not in an organization), then each of its organizations'; everything for platform
    admins."""

    account_id: uuid.UUID
    organizations: tuple[uuid.UUID, ...]
    admin: bool

    @property
    def shape(self) -> tuple[str, int]:
        return ("admin", 0) if self.admin else ("tenant", len(self.organizations))

    @property
    def parameters(self) -> dict[str, Any]:
        return {
            "tenant_id": self.account_id,
            **{f"organization_{n}": org for n, org in enumerate(self.organizations)},
        }

    def branches(self, *, literal: bool = False) -> list[ColumnElement[bool]]:
        """With bound parameters named as ``parameters`` (or the values, ``literal``)."""
        if self.admin:
            return [col(Deployment.id).is_not(None)]

        def value(name: str, actual: uuid.UUID) -> Any:
            return actual if literal else bindparam(name)

        own = and_(
            col(Deployment.owner_account_id) == value("tenant_id", self.account_id),
            col(Deployment.organization_id).is_(None),
        )
        return [
            own,
            *(
                col(Deployment.organization_id) == value(f"organization_{n}", org)
                for n, org in enumerate(self.organizations)
            ),
        ]


def visible_clause(scope: TenantScope | None) -> ColumnElement[bool]:
    """A WHERE clause for the deployments ``scope`` may read (None: nothing)."""
    return or_(*scope.branches(literal=True)) if scope is not None else false()


class DeploymentRepository(Repository[Deployment]):
    """All SQL for deployments and their actions."""

    model = Deployment

    def find(self, deployment_id: uuid.UUID, *, lock: bool = False) -> Deployment | None:
        statement = select(Deployment).where(Deployment.id == deployment_id)
        if lock:
            statement = statement.with_for_update()
        return self.session.exec(statement).first()

    def refresh_action(self, action: DeploymentAction) -> DeploymentAction:
        self.session.refresh(action)
        return action

    def page(
        self, where: Iterable[ColumnElement[bool]], limit: int, cursor: str | None
    ) -> Page[Deployment]:
        return paginate(self.session, select(Deployment).where(*where), Deployment, limit, cursor)

    def page_for_tenant(
        self,
        scope: TenantScope,
        state: str | None,
        organization_id: uuid.UUID | None,
        limit: int,
        cursor: str | None,
    ) -> Page[Row[Any]]:
        """A page of what ``scope`` may read, newest first, as Core rows (see
        ``paginate_branches``: one limited index scan per part, the statement kept per shape)."""

        def where() -> list[ColumnElement[bool]]:
            clauses: list[ColumnElement[bool]] = []
            if state is not None:
                clauses.append(col(Deployment.state) == bindparam("state"))
            if organization_id is not None:
                clauses.append(col(Deployment.organization_id) == bindparam("organization"))
            return clauses

        return paginate_branches(
            self.session,
            Deployment,
            scope.branches,
            where,
            limit,
            cursor,
            shape=(*scope.shape, state is not None, organization_id is not None),
            parameters={**scope.parameters, "state": state, "organization": organization_id},
        )

    def update_if(
        self, deployment_id: uuid.UUID, states: tuple[str, ...], values: dict[str, Any]
    ) -> bool:
        """Conditional UPDATE: only while the deployment is in one of ``states``."""
        result: Any = self.session.execute(
            update(Deployment)
            .where(col(Deployment.id) == deployment_id, col(Deployment.state).in_(states))
            .values(**values, version=col(Deployment.version) + 1)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)

    def refresh(self, row: Deployment) -> Deployment:
        self.session.refresh(row)
        return row

    def add_action(self, action: DeploymentAction) -> DeploymentAction:
        self.session.add(action)
        self.session.flush()
        return action

    def action(self, deployment_id: uuid.UUID, action_id: uuid.UUID) -> DeploymentAction | None:
        return self.session.exec(
            select(DeploymentAction).where(
                col(DeploymentAction.id) == action_id,
                col(DeploymentAction.deployment_id) == deployment_id,
            )
        ).first()

    def pending_actions(
        self, deployment_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[DeploymentAction]:
        statement = select(DeploymentAction).where(
            col(DeploymentAction.deployment_id) == deployment_id,
            col(DeploymentAction.status) == "pending",
        )
        return paginate(self.session, statement, DeploymentAction, limit, cursor, oldest_first=True)

    def acknowledge_if_pending(self, action: DeploymentAction, values: dict[str, Any]) -> bool:
        result: Any = self.session.execute(
            update(DeploymentAction)
            .where(col(DeploymentAction.id) == action.id, col(DeploymentAction.status) == "pending")
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            return False
        self.session.refresh(action)
        return True


def prune_logs(session: Session, older_than: datetime, batch: int) -> int:
    """Delete up to ``batch`` log lines stamped before ``older_than``, oldest first (retention;
    ``ix_deployment_logs_ts`` keeps each batch an index range)."""
    doomed = skip_locked(
        session,
        core_select(col(DeploymentLog.id))
        .where(col(DeploymentLog.ts) < older_than)
        .order_by(col(DeploymentLog.ts))
        .limit(batch),
    )
    result: Any = session.execute(delete(DeploymentLog).where(col(DeploymentLog.id).in_(doomed)))
    return int(result.rowcount)


def prune_metrics(session: Session, older_than: datetime, batch: int) -> int:
    """Delete up to ``batch`` metrics reports not renewed since ``older_than`` (a deployment's
    latest report, when it stopped reporting long ago)."""
    doomed = skip_locked(
        session,
        core_select(col(DeploymentMetrics.deployment_id))
        .where(col(DeploymentMetrics.reported_at) < older_than)
        .limit(batch),
    )
    result: Any = session.execute(
        delete(DeploymentMetrics).where(col(DeploymentMetrics.deployment_id).in_(doomed))
    )
    return int(result.rowcount)


class TelemetryRepository:
    """All SQL for what a provider reports about a deployment: log lines (one multi-row INSERT
    per batch, read newest first through the (deployment_id, ts, id) index) and the latest
    metrics report (one row per deployment, replaced in place)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def insert_logs(
        self,
        deployment_id: uuid.UUID,
        times: list[datetime],
        services: list[str | None],
        lines: list[str],
    ) -> None:
        if self.session.get_bind().dialect.name == "postgresql":
            # One statement with three array parameters, unnested by PostgreSQL: the driver
            # adapts three lists instead of SQLAlchemy processing 400 parameters row by row.
            self.session.execute(
                _INSERT_UNNESTED,
                {"deployment_id": deployment_id, "ts": times, "service": services, "line": lines},
            )
            return
        self.session.execute(
            insert(DeploymentLog),
            [
                {"deployment_id": deployment_id, "ts": ts, "service": service, "line": line}
                for ts, service, line in zip(times, services, lines, strict=True)
            ],
        )

    @staticmethod
    def _lines(deployment_id: uuid.UUID, since: datetime | None) -> Any:
        statement = select(DeploymentLog.ts, DeploymentLog.id, DeploymentLog.line).where(
            col(DeploymentLog.deployment_id) == deployment_id
        )
        if since is not None:
            statement = statement.where(col(DeploymentLog.ts) > since)
        return statement

    def log_lines(
        self,
        deployment_id: uuid.UUID,
        since: datetime | None,
        before: tuple[datetime, int] | None,
        limit: int,
    ) -> list[Any]:
        """Up to ``limit`` (ts, id, line) rows after ``since`` and before the position
        ``before``, newest first."""
        ts, ident = col(DeploymentLog.ts), col(DeploymentLog.id)
        statement = self._lines(deployment_id, since)
        if before is not None:
            statement = statement.where(tuple_(ts, ident) < before)
        return list(self.session.exec(statement.order_by(ts.desc(), ident.desc()).limit(limit)))

    def has_lines_before(
        self, deployment_id: uuid.UUID, since: datetime | None, before: tuple[datetime, int]
    ) -> bool:
        ts, ident = col(DeploymentLog.ts), col(DeploymentLog.id)
        statement = self._lines(deployment_id, since).where(tuple_(ts, ident) < before).limit(1)
        return self.session.exec(statement).first() is not None

    def metrics(self, deployment_id: uuid.UUID) -> DeploymentMetrics | None:
        return self.session.get(DeploymentMetrics, deployment_id)

    def replace_metrics(
        self, deployment_id: uuid.UUID, values: dict[str, Any]
    ) -> DeploymentMetrics | None:
        """Insert or replace the deployment's report: concurrent reports never collide."""
        upsert = (
            postgresql.insert(DeploymentMetrics)
            if self.session.get_bind().dialect.name == "postgresql"
            else sqlite.insert(DeploymentMetrics)
        )
        statement = upsert.values(deployment_id=deployment_id, **values)
        self.session.execute(
            statement.on_conflict_do_update(index_elements=["deployment_id"], set_=values)
        )
        return self.session.get(DeploymentMetrics, deployment_id, populate_existing=True)


_LOG_TABLE: Any = DeploymentLog.__table__  # type: ignore[attr-defined]
_UNNESTED = (
    func.unnest(
        bindparam("ts", type_=postgresql.ARRAY(postgresql.TIMESTAMP(timezone=True))),
        bindparam("service", type_=postgresql.ARRAY(Text)),
        bindparam("line", type_=postgresql.ARRAY(Text)),
    )
    .table_valued("ts", "service", "line")
    .render_derived(name="lines")
)
_INSERT_UNNESTED = insert(_LOG_TABLE).from_select(
    ["deployment_id", "ts", "service", "line"],
    select(
        cast(bindparam("deployment_id"), postgresql.UUID),
        _UNNESTED.c.ts,
        _UNNESTED.c.service,
        _UNNESTED.c.line,
    ),
)
