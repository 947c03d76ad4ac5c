"""``provider-registry maintenance`` prunes deployment logs and metrics past their retention, in
batches, idempotently, and several runs at once share the work without error."""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlmodel import select
from starlette.testclient import TestClient

from provider_registry import maintenance
from provider_registry.config import Settings
from provider_registry.deployments.models import DeploymentLog, DeploymentMetrics
from provider_registry.kit import db
from provider_registry.kit.timeutil import utcnow
from tests.conftest import MakeSettings
from tests.portal.world import World, db_session

pytestmark = pytest.mark.integration


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


@pytest.fixture
def settings(make_settings: MakeSettings) -> Settings:
    return make_settings(
        retention_deployment_logs_days="30", retention_deployment_metrics_days="90"
    )


def add_lines(world: World, deployment: str, ages_in_days: list[float]) -> None:
    now = utcnow()
    with db_session(world.database_url) as session:
        session.add_all(
            DeploymentLog(
                deployment_id=uuid.UUID(deployment),
                ts=now - timedelta(days=age),
                line=f"{age} days old",
            )
            for age in ages_in_days
        )


def add_metrics(world: World, deployment: str, age_in_days: float) -> None:
    with db_session(world.database_url) as session:
        session.add(
            DeploymentMetrics(
                deployment_id=uuid.UUID(deployment),
                cpu=Decimal("0.5"),
                memory=Decimal("1"),
                storage=Decimal("2"),
                reported_at=utcnow() - timedelta(days=age_in_days),
            )
        )


def run(settings: Settings, batch: int) -> dict[str, int]:
    database = db.Database(db.make_engine(settings.database))
    try:
        return maintenance.run(database, settings, batch=batch)
    finally:
        database.dispose()


def test_logs_and_metrics_past_their_retention_are_pruned_in_batches(
    world: World, settings: Settings
) -> None:
    owner, provider = world.tenant(), world.provider()
    first = world.insert_deployment(owner, provider)
    second = world.insert_deployment(owner, provider)
    add_lines(world, first, [45, 31, 30.5, 29, 1, 0])
    add_lines(world, second, [400, 31, 2])
    add_metrics(world, first, 91)
    add_metrics(world, second, 89)

    summary = run(settings, batch=2)  # several batches: 5 old lines, 2 at a time

    assert summary["deployment_logs_pruned"] == 5
    assert summary["deployment_metrics_pruned"] == 1
    with db_session(world.database_url) as session:
        kept = sorted(line.line for line in session.exec(select(DeploymentLog)))
        reports = [str(m.deployment_id) for m in session.exec(select(DeploymentMetrics))]
    assert kept == ["0 days old", "1 days old", "2 days old", "29 days old"]
    assert reports == [second]
    # Idempotent: nothing more to do.
    again = run(settings, batch=2)
    assert again["deployment_logs_pruned"] == again["deployment_metrics_pruned"] == 0


def test_several_runs_at_once_share_the_work(world: World, settings: Settings) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    add_lines(world, deployment, [40 + i / 100 for i in range(600)] + [1])
    summaries: list[dict[str, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(3)

    def one_run() -> None:
        start.wait()
        try:
            summaries.append(run(settings, batch=50))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=one_run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert sum(s["deployment_logs_pruned"] for s in summaries) == 600
    with db_session(world.database_url) as session:
        left = session.execute(text("SELECT count(*) FROM deployment_logs")).scalar()
    assert left == 1
