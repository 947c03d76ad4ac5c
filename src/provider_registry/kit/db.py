"""Engine, and one session with one transaction per request, settled at the request boundary.

Handlers and services call ``session()``; they may flush, never commit. After the handler returns,
a response below 400 commits and anything else rolls back, so a failed request leaves nothing
half-written. A failed commit raises before the response is sent.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, g
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session, create_engine

from provider_registry.config import DatabaseSettings
from provider_registry.kit.errors import DomainError


def make_engine(settings: DatabaseSettings) -> Engine:
    url = settings.url
    if url.startswith("sqlite"):
        engine = create_engine(url, echo=settings.echo, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg2://" + url.removeprefix("postgresql://")
    return create_engine(
        url,
        echo=settings.echo,
        pool_size=settings.pool_size,
        max_overflow=settings.pool_size,
        pool_pre_ping=True,
        pool_recycle=1800,
        # Fail fast rather than hang a worker when the database is gone.
        connect_args={"connect_timeout": 5},
    )


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)

    def dispose(self) -> None:
        self.engine.dispose()


_G_KEY = "db_session"


def session() -> Session:
    """The current request's session, opened on first use."""
    current: Session | None = g.get(_G_KEY)
    if current is None:
        database: Database = g.database
        current = database.sessions()
        setattr(g, _G_KEY, current)
    return current


def init_app(app: Flask, database: Database) -> None:
    @app.before_request
    def _attach() -> None:
        g.database = database

    @app.after_request
    def _settle(response: Response) -> Response:
        current: Session | None = g.pop(_G_KEY, None)
        if current is None:
            return response
        try:
            if response.status_code < 400:
                current.commit()
            else:
                current.rollback()
        finally:
            current.close()
        return response

    @app.teardown_request
    def _close(exc: BaseException | None) -> None:
        # Reached with a session still open only when the handler raised: roll back, unless the
        # error says that what was done before it must stand.
        current: Session | None = g.pop(_G_KEY, None)
        if current is None:
            return
        try:
            if isinstance(exc, DomainError) and exc.keep_changes:
                current.commit()
            else:
                current.rollback()
        finally:
            current.close()
