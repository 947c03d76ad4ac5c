"""All SQL for deployments and their actions: keyset pages, the conditional UPDATEs each lease
change is made with (only while the deployment is in the state it starts from), and the actions
tenants ask for and providers acknowledge. It flushes, never commits.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, update
from sqlmodel import col, select

from provider_registry.deployments.models import Deployment, DeploymentAction
from provider_registry.kit.pagination import Page, paginate, paginate_branches
from provider_registry.kit.repository import Repository


class DeploymentRepository(Repository[Deployment]):
    """All SQL for deployments and their actions."""

    model = Deployment

    def page(
        self, where: Iterable[ColumnElement[bool]], limit: int, cursor: str | None
    ) -> Page[Deployment]:
        return paginate(self.session, select(Deployment).where(*where), Deployment, limit, cursor)

    def page_branches(
        self,
        branches: Sequence[ColumnElement[bool]],
        where: Sequence[ColumnElement[bool]],
        limit: int,
        cursor: str | None,
    ) -> Page[Row[Any]]:
        """A page over the union of disjoint ``branches`` (see ``paginate_branches``), as Core
        rows of the deployments table."""
        return paginate_branches(self.session, Deployment, branches, where, limit, cursor)

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
