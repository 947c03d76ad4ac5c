"""What a running app holds: its settings and database, reachable from Flask handlers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from flask import Flask, current_app

from provider_registry.config import Settings
from provider_registry.kit.db import Database
from provider_registry.kit.ratelimit import RateLimits

EXTENSION_KEY = "provider_registry"
T = TypeVar("T")


@dataclass(frozen=True)
class AppState:
    settings: Settings
    database: Database
    rate_limits: RateLimits | None = None  # None: rate limiting is off


def app_state() -> AppState:
    state: AppState = current_app.extensions[EXTENSION_KEY]
    return state


def _key(kind: type[Any]) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def install(flask_app: Flask, value: object) -> None:
    """Keep a domain's configuration on the app under its own type (``create_app`` builds it;
    kit knows no domain), for that domain's handlers to take back with ``installed``."""
    flask_app.extensions[_key(type(value))] = value


def installed(kind: type[T]) -> T:
    value = current_app.extensions[_key(kind)]
    assert isinstance(value, kind)
    return value
