"""The database probes health and readiness use."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from provider_registry.kit import db, migrate


def database_reachable(engine: Engine) -> bool:
    """One ``SELECT 1`` in autocommit mode (no BEGIN/ROLLBACK round trips); a pooled connection
    found dead is replaced and the check made once more (there is no pre-ping)."""
    autocommit = engine.execution_options(**{db.AUTOCOMMIT_OPTION: True})
    for attempt in (1, 2):
        try:
            with autocommit.connect() as connection:
                connection.execute(text("SELECT 1"))
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                continue
            return False
        except SQLAlchemyError:
            return False
        return True
    return False


def schema_revision(engine: Engine) -> tuple[bool, str | None]:
    """(reachable, current Alembic revision)."""
    for attempt in (1, 2):
        try:
            return True, migrate.current_revision(engine)
        except DBAPIError as exc:
            if attempt == 1 and exc.connection_invalidated:
                continue
            return False, None
        except SQLAlchemyError:
            return False, None
    return False, None
