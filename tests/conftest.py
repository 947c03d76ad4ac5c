"""Shared fixtures: a real PostgreSQL (started here unless given), migrated with Alembic, and apps
built by the real create_app(). Each test starts from empty tables."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from connexion import FlaskApp
from sqlalchemy import create_engine, text
from sqlmodel import SQLModel
from starlette.testclient import TestClient

import provider_registry.models  # noqa: F401  (all tables on the metadata)
from provider_registry.app import create_app
from provider_registry.config import Settings, load_settings
from provider_registry.kit import migrate
from tests.support import postgres, statuses

ROOT = Path(__file__).resolve().parents[1]
pytest_plugins = ["pytester"]  # tests/test_statuses.py runs pytest sessions of its own
TEST_JWT_SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
TEST_API_KEY_PEPPER = "test-pepper-0123456789-abcdefghijklmnopqrstuvwxyz"


def pytest_configure(config: pytest.Config) -> None:
    # Records every response's (operation, status); fails the run on one the spec does not declare.
    if not config.pluginmanager.is_registered(statuses):
        config.pluginmanager.register(statuses, "provider_registry_statuses")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    try:
        with postgres.server_url() as url:
            postgres.wait_until_accepting(url)
            yield url
    except postgres.PostgresUnavailable as exc:
        pytest.exit(f"\n{exc}", returncode=3)


@pytest.fixture(scope="session")
def database_url(pg_server: str) -> str:
    """A fresh database for this run (per xdist worker), at the migrations' head."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    url = postgres.recreate_database(pg_server, f"provider_registry_test_{worker}")
    migrate.upgrade(url)
    return url


def _truncate_all(url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
    if not tables:
        return
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def clean_db(database_url: str) -> Iterator[str]:
    yield database_url
    _truncate_all(database_url)


def settings_env(test_database_url: str, **overrides: str) -> dict[str, str]:
    env = {
        "PROVIDER_REGISTRY_ENVIRONMENT": "test",
        "PROVIDER_REGISTRY_DATABASE_URL": test_database_url,
        "PROVIDER_REGISTRY_JWT_SECRET": TEST_JWT_SECRET,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": TEST_API_KEY_PEPPER,
        "PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "false",
        "PROVIDER_REGISTRY_AUTH_BCRYPT_ROUNDS": "4",
        "PROVIDER_REGISTRY_LOG_LEVEL": "warning",
        "PROVIDER_REGISTRY_LOG_FORMAT": "console",
    }
    env.update({f"PROVIDER_REGISTRY_{k.upper()}": v for k, v in overrides.items()})
    return env


MakeSettings = Callable[..., Settings]
MakeClient = Callable[..., TestClient]


@pytest.fixture
def make_settings(clean_db: str) -> MakeSettings:
    """Settings as the real loader builds them; keyword overrides are env names sans prefix."""

    def make(**overrides: str) -> Settings:
        return load_settings(config_file=None, environ=settings_env(clean_db, **overrides))

    return make


@pytest.fixture
def make_client(make_settings: MakeSettings) -> Iterator[MakeClient]:
    apps: list[tuple[FlaskApp, TestClient]] = []

    def make(settings: Settings | None = None, **overrides: str) -> TestClient:
        app_settings = settings or make_settings(**overrides)
        app = create_app(app_settings)
        client = TestClient(app, raise_server_exceptions=False)
        statuses.watch(client, app_settings.api_dir)
        # Run the lifespan, as servers do: Connexion builds its middleware stack at start-up.
        client.__enter__()
        apps.append((app, client))
        return client

    yield make
    for app, client in apps:
        client.__exit__(None, None, None)
        app.app.extensions["provider_registry"].database.dispose()


@pytest.fixture
def client(make_client: MakeClient) -> TestClient:
    return make_client()


@pytest.fixture
def settings(make_settings: MakeSettings) -> Settings:
    return make_settings()


def problem(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """Assert ``response`` is a complete problem document with this status (and code)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    for member in ("type", "title", "status", "detail", "code", "request_id"):
        assert member in body, f"problem lacks {member}: {body}"
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    if code is not None:
        assert body["code"] == code, body
    return body
