"""Nothing waits on PostgreSQL unbounded: every session carries a statement and a lock time
limit (and TCP keepalives), and running into one is a 503 with Retry-After and one log line,
not a hung request or a traceback."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from provider_registry.config import Settings
from provider_registry.kit import db
from tests.conftest import MakeClient, MakeSettings, problem
from tests.identity.helpers import PASSWORD, register

pytestmark = pytest.mark.integration


@pytest.fixture
def limited_settings(make_settings: MakeSettings) -> Settings:
    return make_settings(database_statement_timeout_ms="300", database_lock_timeout_ms="200")


@pytest.fixture
def database(limited_settings: Settings) -> Iterator[db.Database]:
    database = db.Database(db.make_engine(limited_settings.database))
    yield database
    database.dispose()


def test_every_session_carries_the_configured_limits(database: db.Database) -> None:
    for factory in (database.sessions, database.read_sessions, database.autocommit_sessions):
        with factory() as session:
            settings = {
                name: session.execute(text(f"SHOW {name}")).scalar()
                for name in ("statement_timeout", "lock_timeout")
            }
            dbapi = session.connection().connection.dbapi_connection
            assert dbapi is not None
            client = dbapi.get_dsn_parameters()  # type: ignore[attr-defined]
        assert settings == {"statement_timeout": "300ms", "lock_timeout": "200ms"}, factory
        names = ("keepalives", "keepalives_idle", "connect_timeout", "tcp_user_timeout")
        assert {k: client.get(k) for k in names} == {
            "keepalives": "1",
            "keepalives_idle": "5",
            "connect_timeout": "5",
            # a frozen path under a request is given up after connect_timeout, not 11 s
            "tcp_user_timeout": "5000",
        }


def test_a_statement_past_its_limit_is_cancelled(database: db.Database) -> None:
    started = time.monotonic()
    with pytest.raises(OperationalError, match="statement timeout"):
        database.run(lambda session: session.execute(text("SELECT pg_sleep(5)")))
    assert time.monotonic() - started < 2


def test_a_request_that_waits_for_a_lock_gets_a_503_and_one_log_line(
    make_client: MakeClient, limited_settings: Settings, capfd: pytest.CaptureFixture[str]
) -> None:
    client = make_client(limited_settings)
    account = register(client)
    # Another session holds the account's row: signing in updates last_login_at on it.
    holder = create_engine(
        limited_settings.database.url.replace("postgresql://", "postgresql+psycopg2://")
    )
    try:
        with holder.connect() as connection, connection.begin():
            connection.execute(
                text("SELECT id FROM accounts WHERE id = :id FOR UPDATE"), {"id": account["id"]}
            )
            started = time.monotonic()
            capfd.readouterr()
            response = client.post(
                "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
            )
            assert time.monotonic() - started < 2
        body = problem(response, 503, "SERVICE_UNAVAILABLE")
        assert body["detail"] == "The database did not answer in time; retry shortly."
        assert response.headers["retry-after"] == "2"
        logged = capfd.readouterr().err
        failures = [line for line in logged.splitlines() if "error" in line.split("]")[0]]
        assert len(failures) == 1, logged
        assert "request.database_timeout" in failures[0]
        assert "LockNotAvailable" in failures[0]
        assert "Traceback" not in logged
    finally:
        holder.dispose()
    # The lock released, the same request succeeds: nothing was half-written.
    response = client.post(
        "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
    )
    assert response.status_code == 200, response.text


def test_a_request_past_its_deadline_gets_a_503_and_changes_nothing(
    make_client: MakeClient, make_settings: MakeSettings
) -> None:
    """The handler waits on a row lock longer than the request deadline: the client gets 503
    at the deadline, and the handler, once the lock is released, rolls back instead of
    committing (kit.deadline)."""
    settings = make_settings(server_request_deadline_seconds="1", database_lock_timeout_ms="5000")
    client = make_client(settings)
    account = register(client)
    url = settings.database.url.replace("postgresql://", "postgresql+psycopg2://")
    holder = create_engine(url)
    try:
        with holder.connect() as connection, connection.begin():
            connection.execute(
                text("SELECT id FROM accounts WHERE id = :id FOR UPDATE"), {"id": account["id"]}
            )
            started = time.monotonic()
            response = client.post(
                "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
            )
            waited = time.monotonic() - started
            time.sleep(0.5)  # the handler still waits on the lock, past the deadline
        # The lock is released: the handler's UPDATE goes through, and its commit must not.
        body = problem(response, 503, "DEADLINE_EXCEEDED")
        assert "nothing was changed" in body["detail"]
        assert response.headers["retry-after"] == "5"
        assert 0.9 <= waited < 2.5, waited
        time.sleep(1.0)
        with holder.connect() as connection:
            last_login = connection.execute(
                text("SELECT last_login_at FROM accounts WHERE id = :id"), {"id": account["id"]}
            ).scalar()
        assert last_login is None
    finally:
        holder.dispose()
    assert (
        client.post(
            "/api/v1/auth/login", json={"email": account["email"], "password": PASSWORD}
        ).status_code
        == 200
    )
