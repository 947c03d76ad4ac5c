"""The read session GET/HEAD requests get: autocommit (no BEGIN/COMMIT), writes refused, and the
connection back to transactional mode when it returns to the pool."""

from __future__ import annotations

from collections.abc import Iterator

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
