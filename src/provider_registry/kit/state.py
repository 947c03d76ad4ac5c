"""What a running app holds: its settings and database, reachable from Flask handlers."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from provider_registry.config import Settings
from provider_registry.kit.db import Database

EXTENSION_KEY = "provider_registry"


@dataclass(frozen=True)
class AppState:
    settings: Settings
    database: Database


def app_state() -> AppState:
    state: AppState = current_app.extensions[EXTENSION_KEY]
    return state
