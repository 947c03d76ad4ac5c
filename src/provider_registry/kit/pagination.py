"""Keyset (cursor) pagination: stable under inserts, and as fast on page 1,000 as on page 1.

Pages are ordered newest first by ``(created_at, id)``; the cursor is the last row's pair, opaque
to clients (base64url JSON).
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import tuple_
from sqlmodel import Session, col, select

from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.timeutil import rfc3339

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None


def encode_cursor(created_at: datetime, id_: uuid.UUID) -> str:
    raw = json.dumps([rfc3339(created_at), str(id_)], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid_cursor() -> ValidationFailed:
    return ValidationFailed(
        "The cursor is not one this API issued.",
        errors=[FieldIssue("cursor", "is not a valid cursor", "INVALID_CURSOR")],
    )


def decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created, id_ = json.loads(raw)
        moment = datetime.fromisoformat(created.replace("Z", "+00:00"))
        key = uuid.UUID(id_)
    except (ValueError, TypeError, AttributeError, binascii.Error, UnicodeDecodeError) as exc:
        raise _invalid_cursor() from exc
    # Cursors we issue carry UTC times; a zone-less time cannot be compared with the column.
    if moment.tzinfo is None:
        raise _invalid_cursor()
    return moment, key


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
    rows = list(session.exec(statement.order_by(*order).limit(limit + 1)))
    has_more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(rows[-1].created_at, rows[-1].id) if has_more and rows else None
    return Page(items=rows, next_cursor=next_cursor)


__all__ = ["Page", "decode_cursor", "encode_cursor", "paginate", "select"]
