"""The server the generated clients drive: `provider-registry serve` (gunicorn, as `make serve`)
on the test PostgreSQL, with a bootstrap admin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import settings_env
from tests.support.server import running_server

ADMIN_EMAIL = "admin@registry.example"
ADMIN_PASSWORD = "the bootstrap admin's password"


@dataclass(frozen=True)
class StoryServer:
    base_url: str
    env: dict[str, str]
    admin_email: str = ADMIN_EMAIL
    admin_password: str = ADMIN_PASSWORD


@pytest.fixture
def story_server(clean_db: str, tmp_path: Path) -> Iterator[StoryServer]:
    env = settings_env(
        clean_db,
        bootstrap_admin_email=ADMIN_EMAIL,
        bootstrap_admin_password=ADMIN_PASSWORD,
        server_workers="1",
    )
    log = tmp_path / "serve.log"
    with running_server("serve", env, log) as base_url:
        yield StoryServer(base_url, env)
