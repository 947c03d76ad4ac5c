"""The database probes health and readiness use."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from provider_registry.kit import migrate


def database_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def schema_revision(engine: Engine) -> tuple[bool, str | None]:
    """(reachable, current Alembic revision)."""
    try:
        return True, migrate.current_revision(engine)
    except SQLAlchemyError:
        return False, None
