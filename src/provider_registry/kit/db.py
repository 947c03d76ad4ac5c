"""Engine, and one session with one transaction per request, settled at the request boundary.

Handlers and services call ``session()``; they may flush, never commit. After the handler returns,
a response below 400 commits and anything else rolls back, so a failed request leaves nothing
half-written. A failed commit raises before the response is sent.

GET and HEAD requests only read: their session runs in autocommit mode, so a read costs its
statements and no ``BEGIN``/``COMMIT`` round trips (at READ COMMITTED each statement sees its own
snapshot either way). A data-changing statement on such a session is refused
(``WriteInReadOnlyRequest``), so a GET that starts writing fails loudly instead of losing its
transaction.

No pre-ping on checkout (a ``SELECT 1`` round trip per request): connections are recycled after
``pool_recycle`` seconds, and a connection found dead (a database restart, a killed backend) is
handled where it is used: work that had not yet had a statement succeed on its connection is
retried once on a fresh one (``Database.run``, and GET/HEAD handlers in ``init_app``); anything
else becomes the database-unavailable 503.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, g, request
from sqlalchemy import Row, event
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import make_transient_to_detached, sessionmaker
from sqlmodel import Session, create_engine

from provider_registry.config import DatabaseSettings
from provider_registry.kit.deadline import may_commit
from provider_registry.kit.errors import DomainError

T = TypeVar("T")
READ_ONLY_OPTION = "provider_registry_read_only"
AUTOCOMMIT_OPTION = "provider_registry_autocommit"
READ_METHODS = frozenset({"GET", "HEAD"})
_READ_PREFIXES = ("select", "with", "show", "set ", "values")


class WriteInReadOnlyRequest(RuntimeError):
    """A statement that may change data, sent on a read-only (autocommit) session."""


class _Progress(threading.local):
    """Statements that completed on this thread: a disconnect that interrupts work before any
    of its statements completed left nothing behind, so that work may be retried."""

    completed = 0


_progress = _Progress()


def make_engine(settings: DatabaseSettings, *, pool_size: int | None = None) -> Engine:
    """``pool_size``: connections kept open (PostgreSQL), ``settings.pool_size`` unless given; the
    server passes its request threads' count when that is larger (``kit.threads``)."""
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
    engine = create_engine(
        url,
        echo=settings.echo,
        pool_size=pool_size or settings.pool_size,
        # Every thread that uses the database holds at most one connection and the server's
        # threads are as many as the pool (kit.threads): overflow is only slack. An overflow
        # connection is closed when it is returned, so a large overflow churns connections.
        max_overflow=2,
        # No pre-ping: see the module docstring. Recycling bounds a connection's age (and so
        # the idle timeouts of anything between us and PostgreSQL).
        pool_recycle=settings.pool_recycle_seconds,
        connect_args=time_limits(settings),
    )
    _watch_statements(engine)
    return engine


def time_limits(settings: DatabaseSettings) -> dict[str, Any]:
    """libpq connection parameters bounding every wait on PostgreSQL (``DatabaseSettings``)."""
    return {
        "connect_timeout": settings.connect_timeout_seconds,
        "options": (
            f"-c statement_timeout={settings.statement_timeout_ms}"
            f" -c lock_timeout={settings.lock_timeout_ms}"
        ),
        "keepalives": 1,
        "keepalives_idle": settings.keepalive_seconds,
        "keepalives_interval": 2,
        "keepalives_count": 3,
        # Data sent and not acknowledged for this long (a frozen path) drops the connection.
        # The peer's kernel acknowledges at once, however long the query runs: this bounds a
        # dead path, not a slow statement (statement_timeout does that).
        "tcp_user_timeout": settings.connect_timeout_seconds * 1000,
    }


def _watch_statements(engine: Engine) -> None:
    # Autocommit is psycopg2's own flag, set and cleared here rather than through SQLAlchemy's
    # isolation_level option: that one makes psycopg2 send `SET default_transaction_isolation`
    # on every checkin, a round trip per request. Flipping the flag sends nothing.
    @event.listens_for(engine, "engine_connect")
    def _autocommit_on(conn: Any) -> None:
        if conn._execution_options.get(AUTOCOMMIT_OPTION):
            conn.connection.dbapi_connection.autocommit = True

    @event.listens_for(engine.pool, "checkin")
    def _autocommit_off(dbapi_connection: Any, _record: Any) -> None:
        if dbapi_connection is not None and dbapi_connection.autocommit:
            dbapi_connection.autocommit = False

    @event.listens_for(engine, "before_cursor_execute")
    def _refuse_writes(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if conn._execution_options.get(READ_ONLY_OPTION) and not (
            statement.lstrip()[:6].lower().startswith(_READ_PREFIXES)
        ):
            raise WriteInReadOnlyRequest(
                "A GET or HEAD request tried to change data: " + " ".join(statement.split())[:80]
            )

    @event.listens_for(engine, "after_cursor_execute")
    def _count(*_args: Any) -> None:
        _progress.completed += 1


def _retryable(exc: BaseException, completed_before: int) -> bool:
    """A lost connection, found before any statement of this piece of work completed."""
    return (
        isinstance(exc, DBAPIError)
        and exc.connection_invalidated
        and _progress.completed == completed_before
    )


class Database:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, class_=Session, expire_on_commit=False)
        reader: Engine
        autocommit: Engine
        if engine.dialect.name == "postgresql":
            reader = engine.execution_options(**{AUTOCOMMIT_OPTION: True, READ_ONLY_OPTION: True})
            # Autocommit without the write guard: each statement is its own transaction, for
            # work whose only write is a single self-contained statement.
            autocommit = engine.execution_options(**{AUTOCOMMIT_OPTION: True})
        else:
            reader = autocommit = engine
        self.read_sessions = sessionmaker(reader, class_=Session, expire_on_commit=False)
        self.autocommit_sessions = sessionmaker(autocommit, class_=Session, expire_on_commit=False)

    def run(self, work: Callable[[Session], T], *, autocommit: bool = False) -> T:
        """``work`` in a transaction of its own (or in autocommit mode: only for work whose writes
        are each one self-contained statement), retried once on a fresh connection if the
        connection it got was dead before any of its statements completed."""
        factory = self.autocommit_sessions if autocommit else self.sessions
        for attempt in (1, 2):
            completed_before = _progress.completed
            try:
                with factory() as session, session.begin():
                    return work(session)
            except DBAPIError as exc:
                if attempt == 2 or not _retryable(exc, completed_before):
                    raise
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()


_G_KEY = "db_session"


def session() -> Session:
    """The current request's session, opened on first use."""
    current: Session | None = g.get(_G_KEY)
    if current is None:
        database: Database = g.database
        reads_only = request.method in READ_METHODS
        current = (database.read_sessions if reads_only else database.sessions)()
        setattr(g, _G_KEY, current)
    return current


def reads_only(session: Session) -> bool:
    """Whether ``session`` is a read request's (autocommit, writes refused)."""
    return bool(session.get_bind().get_execution_options().get(READ_ONLY_OPTION))


RowT = TypeVar("RowT")


def reuse(session: Session, row: object | None, model: type[RowT]) -> RowT | None:
    """A row loaded earlier in this request (by authentication, as a Core row or an instance of
    its own session), attached to ``session`` as an instance without a query, when ``session``
    only reads; None otherwise (load it)."""
    if row is None or not reads_only(session):
        return None
    if isinstance(row, model):
        return session.merge(row, load=False)
    if not isinstance(row, Row):
        return None
    mapped: Any = model
    columns, attributes = _columns_and_attributes(mapped)
    if row._fields != columns:
        return None
    instance = model(**dict(zip(attributes, row, strict=True)))
    make_transient_to_detached(instance)  # as if loaded: persistent once added, nothing dirty
    session.add(instance)
    return instance


@functools.cache
def _columns_and_attributes(model: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A mapped model's table columns, in order, and the attributes they map to (a column may
    be named apart from its attribute, e.g. ``metadata``)."""
    mapper = sa_inspect(model)
    columns = tuple(mapper.local_table.columns)
    return (
        tuple(column.key for column in columns),
        tuple(mapper.get_property_by_column(column).key for column in columns),
    )


def init_app(app: Flask, database: Database) -> None:
    dispatch = app.dispatch_request

    def dispatch_with_one_retry() -> Any:
        # A GET/HEAD handler that hit a dead connection before any statement completed has done
        # nothing: run it again, once, on a fresh connection (the pool was invalidated).
        if request.method not in READ_METHODS:
            return dispatch()
        completed_before = _progress.completed
        try:
            return dispatch()
        except DBAPIError as exc:
            if not _retryable(exc, completed_before):
                raise
            stale: Session | None = g.pop(_G_KEY, None)
            if stale is not None:
                stale.close()
            return dispatch()

    app.dispatch_request = dispatch_with_one_retry  # type: ignore[method-assign]

    @app.before_request
    def _attach() -> None:
        g.database = database

    @app.after_request
    def _settle(response: Response) -> Response:
        current: Session | None = g.pop(_G_KEY, None)
        if current is None:
            return response
        try:
            if response.status_code >= 400 or not (reads_only(current) or may_commit()):
                # A failed request, or one whose deadline passed: the client was told so.
                current.rollback()
            elif not reads_only(current) or current.new or current.dirty or current.deleted:
                # A read session has no transaction to commit: committing it only flushes, which
                # here sends the write its guard refuses (a GET that changed an object fails).
                current.commit()
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
            if isinstance(exc, DomainError) and exc.keep_changes and may_commit():
                current.commit()
            else:
                current.rollback()
        finally:
            current.close()
