"""The read session GET/HEAD requests get: autocommit (no BEGIN/COMMIT), writes refused, and the
connection back to transactional mode when it returns to the pool."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from provider_registry.config import Settings
from provider_registry.kit import db

pytestmark = pytest.mark.integration


@pytest.fixture
def database(settings: Settings) -> Iterator[db.Database]:
    database = db.Database(db.make_engine(settings.database))
    yield database
    database.dispose()


def test_a_read_session_runs_in_autocommit_and_refuses_writes(database: db.Database) -> None:
    with database.read_sessions() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.autocommit is True
        assert db.reads_only(session)
        for statement in (
            "UPDATE accounts SET first_name = 'x' WHERE false",
            "INSERT INTO request_nonces (signer, nonce, created_at) VALUES ('s', 'n', now())",
            "DELETE FROM accounts WHERE false",
        ):
            with pytest.raises(db.WriteInReadOnlyRequest):
                session.execute(text(statement))
    # Back in the pool, the connection is transactional again for the next (writing) user.
    with database.sessions() as session:
        session.execute(text("SELECT 1"))
        dbapi = session.connection().connection.dbapi_connection
        assert dbapi is not None
        assert dbapi.autocommit is False
        assert not db.reads_only(session)


def test_a_core_row_becomes_an_instance_of_a_read_session_without_a_query(
    database: db.Database,
) -> None:
    """Authentication loads its subject as a Core row (Repository.row); a read handler reuses it
    as a model instance with every attribute set, a column named apart from its attribute
    included, and nothing to flush. A writing session loads its own instead."""
    from sqlalchemy import event

    from provider_registry.providers.models import Provider
    from provider_registry.providers.repository import ProviderRepository

    with database.sessions() as session, session.begin():
        provider = Provider(
            name="Acme",
            email="ops@acme.example",
            public_key="-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n",
            endpoints=[],
            provider_metadata={"tier": "gold"},
            region="eu-west",
        )
        session.add(provider)
        session.flush()
        provider_id = provider.id
    with database.read_sessions() as session:
        row = ProviderRepository(session).row(provider_id)
    assert row is not None
    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with database.read_sessions() as session:
        reused = db.reuse(session, row, Provider)
        assert reused is not None
        assert reused.provider_metadata == {"tier": "gold"}
        assert reused.name == "Acme"
        assert not session.dirty
        assert not session.new
    assert statements == []
    with database.sessions() as session:
        assert db.reuse(session, row, Provider) is None


def test_a_read_request_that_changed_an_object_fails_instead_of_dropping_it(
    database: db.Database,
) -> None:
    """A GET's session is not committed when it has nothing to flush; when it does, the flush
    still runs and the write guard refuses it."""
    from flask import Flask

    from provider_registry.accounts.models import Account

    with database.sessions() as session, session.begin():
        account = Account(email="read@example.com", first_name="A", last_name="B", role="viewer")
        session.add(account)
        session.flush()
        account_id = account.id

    app = Flask(__name__)
    app.testing = True  # the handler's error reaches the test instead of becoming a 500
    db.init_app(app, database)

    @app.get("/read")
    def read() -> str:
        loaded = db.session().get(Account, account_id)
        assert loaded is not None
        return loaded.first_name

    @app.get("/change")
    def change() -> str:
        loaded = db.session().get(Account, account_id)
        assert loaded is not None
        loaded.first_name = "Changed"
        return "changed"

    client = app.test_client()
    assert client.get("/read").text == "A"
    with pytest.raises(db.WriteInReadOnlyRequest):
        client.get("/change")
    with database.read_sessions() as session:
        stored = session.get(Account, account_id)
        assert stored is not None
        assert stored.first_name == "A"


def test_autocommit_work_keeps_its_statements_and_its_orm_changes(database: db.Database) -> None:
    """``Database.run(autocommit=True)`` commits nothing for work whose statements committed
    themselves, and still flushes ORM changes work left behind."""
    from sqlalchemy import update

    from provider_registry.accounts.models import Account

    def add(session: Any) -> Any:
        account = Account(email="auto@example.com", first_name="A", last_name="B", role="viewer")
        session.add(account)
        return account.id

    account_id = database.run(add, autocommit=True)
    database.run(
        lambda session: session.execute(
            update(Account).where(Account.id == account_id).values(first_name="Updated")
        ),
        autocommit=True,
    )
    with database.read_sessions() as session:
        stored = session.get(Account, account_id)
        assert stored is not None
        assert stored.first_name == "Updated"
