"""A performance test that cannot flake: not a timing but a count of the SQL statements and the
PostgreSQL round trips one request of each benchmark scenario costs (issue 12).

A regression that adds a query, a pre-ping, or a BEGIN/COMMIT pair to a read fails here.

What is counted, per request, on the app's own engine:
- ``statements``: every statement SQLAlchemy sends (``before_cursor_execute``);
- ``begins``: a statement sent on a connection that is not in autocommit mode and has no
  transaction open makes psycopg2 send a ``BEGIN`` first, one more round trip;
- ``ends``: a COMMIT or ROLLBACK that reaches the server (one with a transaction open: psycopg2
  sends nothing for one without);
- ``pings``: the pool's pre-ping ``SELECT 1`` on checkout (sent on the DBAPI cursor directly,
  so ``before_cursor_execute`` does not see it): one per checkout when pre-ping is on;
- ``round_trips``: the sum of the four.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import psycopg2.extensions
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import event
from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from provider_registry.identity import client_signing
from provider_registry.system.handlers import PROBES_KEY
from tests.conftest import MakeClient
from tests.identity.helpers import create_key
from tests.portal.world import World

pytestmark = pytest.mark.integration

ME = "/api/v1/auth/me"
DEPLOYMENTS = "/api/v1/deployments"
IDLE = psycopg2.extensions.TRANSACTION_STATUS_IDLE


@dataclass
class Counts:
    statements: int = 0
    begins: int = 0
    ends: int = 0
    pings: int = 0
    checkouts: int = 0
    sql: list[str] = field(default_factory=list)

    @property
    def round_trips(self) -> int:
        return self.statements + self.begins + self.ends + self.pings

    def summary(self) -> dict[str, int]:
        return {
            "statements": self.statements,
            "begins": self.begins,
            "ends": self.ends,
            "pings": self.pings,
            "round_trips": self.round_trips,
        }


def _in_transaction(dbapi_connection: Any) -> bool:
    return bool(dbapi_connection.get_transaction_status() != IDLE)


@contextmanager
def counting(engine: Engine) -> Iterator[Counts]:
    counts = Counts()

    def on_execute(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        dbapi = conn.connection.dbapi_connection
        if not dbapi.autocommit and not _in_transaction(dbapi):
            counts.begins += 1
        counts.statements += 1
        counts.sql.append(" ".join(statement.split())[:160])

    def on_end(conn: Any) -> None:
        if _in_transaction(conn.connection.dbapi_connection):
            counts.ends += 1

    def on_reset(dbapi_connection: Any, *_rest: Any) -> None:
        # The pool's rollback-on-return: a round trip only if a transaction is still open.
        if _in_transaction(dbapi_connection):
            counts.ends += 1

    def on_checkout(*_args: Any) -> None:
        counts.checkouts += 1
        if getattr(engine.pool, "_pre_ping", False):
            counts.pings += 1

    listeners: list[tuple[Any, str, Callable[..., None]]] = [
        (engine, "before_cursor_execute", on_execute),
        (engine, "commit", on_end),
        (engine, "rollback", on_end),
        (engine.pool, "reset", on_reset),
        (engine.pool, "checkout", on_checkout),
    ]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    try:
        yield counts
    finally:
        for target, name, fn in listeners:
            event.remove(target, name, fn)


def engine_of(client: TestClient) -> Engine:
    engine: Engine = client.app.app.extensions["provider_registry"].database.engine  # type: ignore[attr-defined]
    return engine


def measure(client: TestClient, send: Callable[[], Any], status: int) -> Counts:
    """One warm-up request (first-use work is not what a steady server pays), then the count of
    one more."""
    assert send().status_code == status
    with counting(engine_of(client)) as counts:
        response = send()
    assert response.status_code == status, response.text
    return counts


def expect(statements: int, begins: int, ends: int, pings: int) -> dict[str, int]:
    return {
        "statements": statements,
        "begins": begins,
        "ends": ends,
        "pings": pings,
        "round_trips": statements + begins + ends + pings,
    }


def check(counts: Counts, expected: dict[str, int]) -> None:
    assert counts.summary() == expected, "\n".join(counts.sql)


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def test_me_with_a_bearer_token(world: World) -> None:
    tenant = world.tenant()
    counts = measure(world.client, lambda: world.client.get(ME, headers=tenant.headers), 200)
    check(counts, expect(1, 0, 0, 0))


def test_me_with_an_api_key(world: World) -> None:
    tenant = world.tenant()
    key = create_key(world.client, tenant.headers, ["account:read"])["key"]
    counts = measure(world.client, lambda: world.client.get(ME, headers={"X-API-Key": key}), 200)
    check(counts, expect(2, 0, 0, 0))


def test_me_wallet_signed(make_client: MakeClient) -> None:
    client = make_client(wallet_address_prefix="cosmos")
    key = ec.generate_private_key(ec.SECP256K1())

    def send() -> Any:
        headers = client_signing.sign_wallet_request(
            key,
            prefix="cosmos",
            method="GET",
            path=ME,
            query_string="",
            body=b"",
            timestamp=str(time.time_ns() // 1_000_000),
            nonce=secrets.token_hex(16),
        )
        return client.get(ME, headers=headers)

    counts = measure(client, send, 200)  # the warm-up creates the wallet's account
    check(counts, expect(3, 1, 1, 0))


def test_health(client: TestClient) -> None:
    def send() -> Any:
        # A cold probe: the database check runs (within its 1 s cache it would send nothing).
        client.app.app.extensions.pop(PROBES_KEY, None)  # type: ignore[attr-defined]
        return client.get("/health")

    counts = measure(client, send, 200)
    check(counts, expect(1, 0, 0, 0))


def test_deployments_page_for_a_tenant(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    for _ in range(25):
        world.insert_deployment(tenant, provider)
    counts = measure(
        world.client,
        lambda: world.client.get(f"{DEPLOYMENTS}?limit=20", headers=tenant.headers),
        200,
    )
    check(counts, expect(3, 0, 0, 0))


def test_deployments_page_for_a_tenant_in_three_organizations(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    for name in ("A", "B", "C"):
        organization = world.insert_organization(world.tenant(), {"member": tenant}, name=name)
        for _ in range(8):
            world.insert_deployment(tenant, provider, organization_id=organization)
    counts = measure(
        world.client,
        lambda: world.client.get(f"{DEPLOYMENTS}?limit=20", headers=tenant.headers),
        200,
    )
    check(counts, expect(3, 0, 0, 0))


def test_provider_ingests_100_log_lines(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(tenant, provider)
    lines = [{"line": f"line {i}", "service": "web"} for i in range(100)]
    counts = measure(
        world.client,
        lambda: world.client.post(
            f"/api/v1/provider/deployments/{deployment}/logs",
            headers=provider.headers,
            json={"lines": lines},
        ),
        202,
    )
    check(counts, expect(4, 1, 1, 0))


def test_catalog_reads(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    reads = {
        "providers": "/api/v1/providers?limit=20",
        "provider": f"/api/v1/providers/{provider.id}",
        "pricing": f"/api/v1/providers/{provider.id}/pricing",
        "services": "/api/v1/services?limit=20",
    }

    def read(path: str) -> dict[str, int]:
        return measure(
            world.client, lambda: world.client.get(path, headers=tenant.headers), 200
        ).summary()

    found = {name: read(path) for name, path in reads.items()}
    assert found == {name: expect(2, 0, 0, 0) for name in reads}


def test_provider_reads_its_profile(world: World) -> None:
    provider = world.provider()
    counts = measure(
        world.client,
        lambda: world.client.get("/api/v1/provider/profile", headers=provider.headers),
        200,
    )
    check(counts, expect(2, 0, 0, 0))
