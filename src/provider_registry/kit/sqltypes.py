"""Column helpers shared by every table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from provider_registry.kit.timeutil import utcnow


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out on every backend (SQLite hands back naive datetimes)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def created_at_column() -> Any:
    return Column(UTCDateTime(), nullable=False, default=utcnow)


def updated_at_column() -> Any:
    return Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)


def optional_time_column() -> Any:
    return Column(UTCDateTime(), nullable=True)


def required_time_column() -> Any:
    return Column(UTCDateTime(), nullable=False)
