"""Alembic environment: the URL comes from the caller (``kit.migrate``) or the settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import pool, text
from sqlmodel import SQLModel, create_engine

import provider_registry.models
from provider_registry.migrations.env_objects import include_object

config = context.config
target_metadata = SQLModel.metadata

# Several instances may start at once; on PostgreSQL one migrates while the others wait.
_MIGRATION_LOCK_ID = 727_100_001


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        from provider_registry.config import load_settings

        url = load_settings().database.url
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg2://" + url.removeprefix("postgresql://")
    return url


def run_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        is_pg = connection.dialect.name == "postgresql"
        if is_pg:
            connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
            connection.commit()
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                render_as_batch=not is_pg,  # SQLite alters tables by copying them
                compare_type=True,
                include_object=include_object,
            )
            with context.begin_transaction():
                context.run_migrations()
        finally:
            if is_pg:
                connection.execute(
                    text("SELECT pg_advisory_unlock(:id)"), {"id": _MIGRATION_LOCK_ID}
                )
                connection.commit()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
