"""Run and inspect Alembic migrations from code (CLI, gunicorn start-up, tests)."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
FILE_TEMPLATE = "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("file_template", FILE_TEMPLATE)
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


@functools.cache
def head_revision() -> str | None:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return script.get_current_head()


@functools.cache
def known_revisions() -> frozenset[str]:
    """Every revision this build's migrations define."""
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return frozenset(revision.revision for revision in script.walk_revisions())


def schema_state(revision: str | None) -> str:
    """The database's schema as this build sees it: ``current`` (at this build's head),
    ``pending`` (behind it: migrate first), or ``ahead`` (a revision this build does not know, so
    a newer release's migration has run: with expand/contract migrations the schema still
    serves this build, as during a rolling deploy)."""
    if revision == head_revision():
        return "current"
    if revision is None or revision in known_revisions():
        return "pending"
    return "ahead"


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
