"""Without a pre-ping, a pooled connection can be dead when a request takes it (PostgreSQL
restarted, the backend was killed). Work that had done nothing yet is retried once on a fresh
connection; nothing becomes a 500."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.system.handlers import PROBES_KEY
from tests.identity.helpers import create_key, signed_in

pytestmark = pytest.mark.integration
ME = "/api/v1/auth/me"


def kill_app_connections(database_url: str) -> int:
    """What a PostgreSQL restart does to the app's pooled connections: every other backend on
    the database is terminated."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )
                ).all()
            )
    finally:
        engine.dispose()


def test_reads_survive_killed_connections(client: TestClient, database_url: str) -> None:
    _account, auth = signed_in(client)
    key = create_key(client, auth, ["account:read"])["key"]
    assert client.get(ME, headers=auth).status_code == 200
    for name, headers in (("bearer", auth), ("api key", {"X-API-Key": key})):
        assert kill_app_connections(database_url) >= 1, name
        response = client.get(ME, headers=headers)
        assert response.status_code == 200, (name, response.text)

    # A public read: the handler's own session meets the dead connection first.
    assert kill_app_connections(database_url) >= 1
    response = client.get("/api/v1/services?limit=5")
    assert response.status_code == 200, response.text

    # The health probe reconnects too.
    assert kill_app_connections(database_url) >= 1
    client.app.app.extensions.pop(PROBES_KEY, None)  # type: ignore[attr-defined]
    response = client.get("/health")
    assert response.status_code == 200, response.text
    assert response.json()["database"] == "connected"


def test_a_write_after_killed_connections_is_never_a_500(
    client: TestClient, database_url: str
) -> None:
    _account, auth = signed_in(client)
    assert kill_app_connections(database_url) >= 1
    response = client.post(
        "/api/v1/auth/api-keys", json={"name": "k", "scopes": ["account:read"]}, headers=auth
    )
    # Authentication (a read) retried on a fresh connection, and so the write itself succeeds.
    assert response.status_code == 201, response.text
