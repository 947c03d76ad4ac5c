"""Column helpers shared by every table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, DateTime

from provider_registry.kit.timeutil import utcnow


def created_at_column() -> Any:
    return Column(DateTime(timezone=True), nullable=False, default=utcnow)


def updated_at_column() -> Any:
    return Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


def optional_time_column() -> Any:
    return Column(DateTime(timezone=True), nullable=True)


__all__ = ["created_at_column", "datetime", "optional_time_column", "updated_at_column"]
