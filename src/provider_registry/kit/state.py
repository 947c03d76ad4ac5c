"""What a running app holds: its settings and database, reachable from Flask handlers."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from provider_registry.config import Settings
from provider_registry.kit.db import Database
from provider_registry.kit.ratelimit import RateLimits

EXTENSION_KEY = "provider_registry"


@dataclass(frozen=True)
class AppState:
    settings: Settings
    database: Database
    rate_limits: RateLimits | None = None  # None: rate limiting is off


def app_state() -> AppState:
    state: AppState = current_app.extensions[EXTENSION_KEY]
    return state
