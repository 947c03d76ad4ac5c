"""The migrations are the schema: they apply, reverse, and match the models exactly."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

import provider_registry.models  # noqa: F401
from provider_registry.kit import migrate
from provider_registry.migrations.env_objects import include_object
from tests.support import postgres

pytestmark = pytest.mark.integration


def _engine(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1))


def test_upgrade_downgrade_upgrade(pg_server: str) -> None:
    url = postgres.recreate_database(pg_server, "provider_registry_migrations")
    migrate.upgrade(url)
    engine = _engine(url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        assert "accounts" in inspect(engine).get_table_names()
        from alembic import command

        command.downgrade(migrate.alembic_config(url), "base")
        assert "accounts" not in inspect(engine).get_table_names()
        migrate.upgrade(url)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_models_and_migrations_agree(database_url: str) -> None:
    engine = _engine(database_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include_object}
            )
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == [], "models differ from migrations: write a migration"


def test_sqlite_migrates_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'embedded.db'}"
    migrate.upgrade(url)
    engine = create_engine(url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()
