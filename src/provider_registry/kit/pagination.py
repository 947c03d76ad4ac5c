"""Keyset (cursor) pagination: stable under inserts, and as fast on page 1,000 as on page 1.

Pages are ordered newest first by ``(created_at, id)``; the cursor is the last row's pair, opaque
to clients (base64url JSON). Decoders accept only what the encoders write (``unpack``): a cursor
is a position in a query the caller may run anyway, so it is not signed; it is checked so that no
forged one reaches the database or fails as a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, bindparam, tuple_, union_all
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.timeutil import rfc3339

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


class InvalidCursor(ValidationFailed):
    """A cursor this API did not issue: 400 ``VALIDATION_ERROR``, field ``cursor``,
    ``INVALID_CURSOR``."""

    def __init__(self, detail: str = "The cursor is not one this API issued.") -> None:
        super().__init__(
            detail, errors=[FieldIssue("cursor", "is not a valid cursor", "INVALID_CURSOR")]
        )


# Cursors are base64url (unpadded) of compact JSON; at most the Cursor parameter's 512 characters.
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,512}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z$")


def pack(values: list[Any]) -> str:
    """A cursor holding ``values`` (JSON scalars)."""
    raw = json.dumps(values, separators=(",", ":"), ensure_ascii=True, allow_nan=False)
    return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")


def unpack(cursor: Any, length: int) -> list[Any]:
    """The ``length`` values of a cursor :func:`pack` wrote, or :class:`InvalidCursor`.

    Only the exact bytes ``pack`` writes are accepted: the values are packed again and must give
    the same cursor, so padding, whitespace, other key orders or number spellings, objects and
    the like are refused before any value reaches a query. Callers then check each value's type
    and range (``cursor_time``, ``cursor_uuid``): being canonical does not make a value storable.
    """
    if not isinstance(cursor, str) or not _TOKEN.match(cursor):
        raise InvalidCursor()
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw.decode("ascii"), parse_constant=_not_a_number)
        canonical = isinstance(values, list) and len(values) == length and pack(values) == cursor
    except (ValueError, binascii.Error, RecursionError) as exc:
        # ValueError covers JSONDecodeError, UnicodeDecodeError, non-finite numbers and integers
        # too long to convert.
        raise InvalidCursor() from exc
    if not canonical:
        raise InvalidCursor()
    return values  # type: ignore[no-any-return]


def _not_a_number(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def cursor_time(value: Any) -> datetime:
    """A time as :func:`kit.timeutil.rfc3339` writes it (UTC, ``Z``), or InvalidCursor."""
    if not isinstance(value, str) or not _TIME.match(value):
        raise InvalidCursor()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:  # 2026-02-30 and the like
        raise InvalidCursor() from exc
    if rfc3339(moment) != value:
        raise InvalidCursor()
    return moment


def cursor_uuid(value: Any) -> uuid.UUID:
    """A UUID in its canonical lower-case form, or InvalidCursor."""
    if not isinstance(value, str) or len(value) != 36:
        raise InvalidCursor()
    try:
        key = uuid.UUID(value)
    except ValueError as exc:
        raise InvalidCursor() from exc
    if str(key) != value:
        raise InvalidCursor()
    return key


def encode_cursor(created_at: datetime, id_: uuid.UUID) -> str:
    return pack([rfc3339(created_at), str(id_)])


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    created, id_ = unpack(cursor, 2)
    return cursor_time(created), cursor_uuid(id_)


def paginate(
    session: Session,
    statement: Any,
    model: Any,
    limit: int,
    cursor: str | None,
    *,
    oldest_first: bool = False,
) -> Page[Any]:
    """Newest first (or oldest first) by (created_at, id); ``statement`` selects ``model``."""
    created, ident = col(model.created_at), col(model.id)
    if cursor:
        after_created, after_id = decode_cursor(cursor)
        # A row-value comparison: PostgreSQL starts the index scan at the cursor, so page 2,000
        # costs what page 1 does (the OR form filters every earlier row out one by one).
        position, after = tuple_(created, ident), tuple_(after_created, after_id)
        statement = statement.where(position > after if oldest_first else position < after)
    order = (created.asc(), ident.asc()) if oldest_first else (created.desc(), ident.desc())
    return _page(list(session.exec(statement.order_by(*order).limit(limit + 1))), limit)


def paginate_branches(
    session: Session,
    model: Any,
    branches: Callable[[], Sequence[ColumnElement[bool]]],
    where: Callable[[], Sequence[ColumnElement[bool]]],
    limit: int,
    cursor: str | None,
    *,
    shape: Hashable,
    parameters: Mapping[str, Any],
) -> Page[Any]:
    """Newest first over the rows matching any of ``branches()`` (and all of ``where()``),
    where each branch is what one (…, created_at, id) index serves and no row matches two.

    An OR of the branches makes PostgreSQL collect every matching row and sort them all for one
    page. Instead each branch is its own ordered, limited scan (at most ``limit + 1`` rows through
    its index, starting at the cursor) and only those rows are merged: a page costs the same
    whatever each branch holds.

    Building that statement cost more CPU than running it, so it is built once per ``shape``
    (the caller's key for what ``branches`` and ``where`` build: their values must be bound
    parameters, given in ``parameters``) and kept. The page holds Core rows of ``model``'s table
    (attribute access as on an instance; ORM instances cost more than the query).
    """
    has_cursor = bool(cursor)
    key = (model, shape, has_cursor)
    statement = _BRANCH_STATEMENTS.get(key)
    if statement is None:
        statement = _branch_statement(model, branches(), where(), has_cursor)
        if len(_BRANCH_STATEMENTS) >= _BRANCH_STATEMENTS_KEPT:
            _BRANCH_STATEMENTS.pop(next(iter(_BRANCH_STATEMENTS)), None)
        _BRANCH_STATEMENTS[key] = statement
    values = {**parameters, "page_limit": limit + 1}
    if cursor:
        values["after_created"], values["after_id"] = decode_cursor(cursor)
    return _page(list(session.connection().execute(statement, values)), limit)


def _page(rows: list[Any], limit: int) -> Page[Any]:
    """``limit + 1`` rows fetched, newest (or oldest) first: the page, and the cursor after its
    last row when the extra row says there is more."""
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1].created_at, rows[-1].id) if has_more and rows else None
    return Page(items=rows, next_cursor=next_cursor)


_BRANCH_STATEMENTS: dict[tuple[Any, ...], Any] = {}
_BRANCH_STATEMENTS_KEPT = 256


def _branch_statement(
    model: Any,
    branches: Sequence[ColumnElement[bool]],
    where: Sequence[ColumnElement[bool]],
    has_cursor: bool,
) -> Any:
    table: Any = model.__table__
    created, ident = table.c.created_at, table.c.id
    position: list[ColumnElement[bool]] = []
    if has_cursor:
        after = tuple_(bindparam("after_created"), bindparam("after_id"))
        position.append(tuple_(created, ident) < after)
    page_limit: Any = bindparam("page_limit")
    parts = [
        core_select(table)
        .where(branch, *where, *position)
        .order_by(created.desc(), ident.desc())
        .limit(page_limit)
        for branch in branches
    ]
    if len(parts) == 1:
        return parts[0]
    merged = union_all(*parts).subquery()
    return (
        core_select(merged)
        .order_by(merged.c.created_at.desc(), merged.c.id.desc())
        .limit(page_limit)
    )


__all__ = [
    "InvalidCursor",
    "Page",
    "cursor_time",
    "cursor_uuid",
    "decode_cursor",
    "encode_cursor",
    "pack",
    "paginate",
    "paginate_branches",
    "select",
    "unpack",
]
