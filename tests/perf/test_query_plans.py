"""The list queries at scale, by their plans: a page reads about a page of rows, however many the
tenant has (issue 12). Counts, not timings: PostgreSQL's EXPLAIN ANALYZE of the very statement a
request sent, on tens of thousands of rows seeded in one INSERT ... SELECT each."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg2
import pytest
from sqlalchemy import event

from provider_registry.deployments.models import Deployment
from tests.perf.test_sql_counts import engine_of
from tests.portal.world import Tenant, World

pytestmark = pytest.mark.integration

DEPLOYMENTS = "/api/v1/deployments"
PER_BRANCH = 15_000
LIMIT = 20


@pytest.fixture
def world(client: Any, database_url: str) -> World:
    return World(client, database_url)


def _clone(database_url: str, template: str, count: int, organization_id: str | None) -> None:
    """``count`` copies of deployment ``template``, one second apart going back in time."""
    columns = [c.name for c in Deployment.__table__.columns if c.name not in ("id", "created_at")]  # type: ignore[attr-defined]
    copied = ", ".join(
        "%(organization)s::uuid" if c == "organization_id" else f"t.{c}" for c in columns
    )
    with psycopg2.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO deployments (id, created_at, {', '.join(columns)}) "  # noqa: S608
            f"SELECT gen_random_uuid(), t.created_at - g * interval '1 second', {copied} "
            "FROM deployments t, generate_series(1, %(count)s) g WHERE t.id = %(template)s",
            {"organization": organization_id, "count": count, "template": template},
        )
        cursor.execute("ANALYZE deployments")


@contextmanager
def captured_selects(world: World) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "FROM deployments" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    engine = engine_of(world.client)
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def _rows_read(plan: dict[str, Any]) -> int:
    """Rows the scans produced (over all their loops), rows their filters threw away included."""
    node_type = plan["Node Type"]
    total = 0
    if "Scan" in node_type:
        loops = plan.get("Actual Loops", 1)
        total += (plan["Actual Rows"] + plan.get("Rows Removed by Filter", 0)) * loops
    for child in plan.get("Plans", []):
        total += _rows_read(child)
    return total


def rows_read_by_the_page(world: World, tenant: Tenant, query: str = "") -> int:
    with captured_selects(world) as seen:
        response = world.client.get(f"{DEPLOYMENTS}?limit={LIMIT}{query}", headers=tenant.headers)
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == LIMIT
    statement, parameters = seen[-1]
    with psycopg2.connect(world.database_url) as connection, connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters)
        plan = cursor.fetchone()[0][0]["Plan"]
    return _rows_read(plan)


def _seed(world: World, organizations: int) -> tuple[Tenant, str | None]:
    tenant, provider = world.tenant(), world.provider()
    last_org = None
    own = world.insert_deployment(tenant, provider)
    _clone(world.database_url, own, PER_BRANCH, None)
    for index in range(organizations):
        last_org = world.insert_organization(world.tenant(), {"member": tenant}, name=f"O{index}")
        first = world.insert_deployment(tenant, provider, organization_id=last_org)
        _clone(world.database_url, first, PER_BRANCH, last_org)
    return tenant, last_org


def test_a_tenant_in_three_organizations_reads_a_page_not_all_its_rows(world: World) -> None:
    tenant, _ = _seed(world, organizations=3)
    # Four parts (its own and three organizations'), each at most a page and one more row:
    # an OR of them read and sorted all 60,004.
    read = rows_read_by_the_page(world, tenant)
    assert read <= 4 * (LIMIT + 1), read
    # The next page starts at the cursor in each part.
    first = world.client.get(f"{DEPLOYMENTS}?limit={LIMIT}", headers=tenant.headers).json()
    read = rows_read_by_the_page(world, tenant, f"&cursor={first['next_cursor']}")
    assert read <= 4 * (LIMIT + 1), read


def test_a_tenant_with_many_deployments_of_its_own_reads_a_page(world: World) -> None:
    tenant, _ = _seed(world, organizations=0)
    read = rows_read_by_the_page(world, tenant)
    assert read <= LIMIT + 1, read


def test_pages_over_the_parts_are_the_newest_first_walk_of_them_all(world: World) -> None:
    """The merged pages are exactly the OR's order: every row once, newest first, no gaps."""
    tenant, provider = world.tenant(), world.provider()
    expected = [world.insert_deployment(tenant, provider) for _ in range(7)]
    for index in range(3):
        org = world.insert_organization(world.tenant(), {"member": tenant}, name=f"P{index}")
        expected += [
            world.insert_deployment(tenant, provider, organization_id=org) for _ in range(5)
        ]
    stranger_org = world.insert_organization(world.tenant(), name="Elsewhere")
    world.insert_deployment(world.tenant(), provider, organization_id=stranger_org)
    seen: list[str] = []
    cursor = ""
    while True:
        page = world.client.get(f"{DEPLOYMENTS}?limit=4{cursor}", headers=tenant.headers).json()
        seen += [item["id"] for item in page["items"]]
        if not page.get("next_cursor"):
            break
        cursor = f"&cursor={page['next_cursor']}"
    assert len(seen) == len(set(seen)) == len(expected)
    assert set(seen) == set(expected)
    created = {
        str(row[0]): (row[1], str(row[0]))
        for row in _created(world.database_url, [uuid.UUID(i) for i in seen])
    }
    assert [created[i] for i in seen] == sorted(created.values(), reverse=True)


def _created(database_url: str, ids: list[uuid.UUID]) -> list[tuple[Any, ...]]:
    with psycopg2.connect(database_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, created_at FROM deployments WHERE id = ANY(%s::uuid[])",
            ([str(i) for i in ids],),
        )
        return list(cursor.fetchall())


def test_tenants_whose_pages_share_a_kept_statement_see_only_their_own(world: World) -> None:
    """The statement is kept per shape (here: own deployments and one organization, then the
    same with a state filter); every value in it is a parameter, so the second tenant's page
    is the second tenant's."""
    provider = world.provider()
    expected: dict[str, set[str]] = {}
    tenants = []
    for index in range(2):
        tenant = world.tenant()
        tenants.append(tenant)
        org = world.insert_organization(world.tenant(), {"member": tenant}, name=f"S{index}")
        expected[tenant.id] = {
            world.insert_deployment(tenant, provider),
            world.insert_deployment(tenant, provider, organization_id=org),
            world.insert_deployment(tenant, provider, organization_id=org, state="closed"),
        }
    for tenant in tenants:
        page = world.client.get(f"{DEPLOYMENTS}?limit=50", headers=tenant.headers).json()
        assert {item["id"] for item in page["items"]} == expected[tenant.id]
        closed = world.client.get(
            f"{DEPLOYMENTS}?limit=50&status=closed", headers=tenant.headers
        ).json()
        assert "items" in closed, closed
        assert len(closed["items"]) == 1
        assert closed["items"][0]["id"] in expected[tenant.id]
