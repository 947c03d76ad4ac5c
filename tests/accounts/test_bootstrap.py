"""The first admin comes from the bootstrap environment or the CLI, never a default password."""

from __future__ import annotations

import subprocess
import sys
import threading

import bcrypt
import pytest
from sqlmodel import Session, create_engine, select

from provider_registry.accounts.models import Account
from provider_registry.bootstrap import ensure_bootstrap_admin, prepare_database
from provider_registry.config import ConfigError
from tests.conftest import MakeSettings, settings_env

pytestmark = pytest.mark.integration

PASSWORD = "correct horse battery staple"


def _accounts(url: str) -> list[Account]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with Session(engine) as session:
            return list(session.exec(select(Account)))
    finally:
        engine.dispose()


def test_bootstrap_creates_the_admin_once(make_settings: MakeSettings) -> None:
    settings = make_settings(
        bootstrap_admin_email="Root@Example.com", bootstrap_admin_password=PASSWORD
    )
    prepare_database(settings)
    prepare_database(settings)  # a restart changes nothing
    accounts = _accounts(settings.database.url)
    assert len(accounts) == 1
    admin = accounts[0]
    assert admin.email == "root@example.com"
    assert admin.role == "admin"
    assert admin.password_hash is not None
    assert admin.password_hash != PASSWORD
    assert bcrypt.checkpw(PASSWORD.encode(), admin.password_hash.encode())


def test_bootstrap_never_overwrites_an_existing_account(make_settings: MakeSettings) -> None:
    prepare_database(
        make_settings(bootstrap_admin_email="a@example.com", bootstrap_admin_password=PASSWORD)
    )
    prepare_database(
        make_settings(
            bootstrap_admin_email="a@example.com",
            bootstrap_admin_password="another password entirely",
        )
    )
    (admin,) = _accounts(make_settings().database.url)
    assert admin.password_hash is not None
    assert bcrypt.checkpw(PASSWORD.encode(), admin.password_hash.encode())


def test_concurrent_bootstraps_make_one_admin(make_settings: MakeSettings) -> None:
    settings = make_settings(
        bootstrap_admin_email="race@example.com", bootstrap_admin_password=PASSWORD
    )
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def start() -> None:
        try:
            barrier.wait()
            ensure_bootstrap_admin(settings)
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [a.email for a in _accounts(settings.database.url)] == ["race@example.com"]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"bootstrap_admin_email": "a@example.com"}, "or neither"),
        ({"bootstrap_admin_password": PASSWORD}, "or neither"),
        (
            {"bootstrap_admin_email": "a@example.com", "bootstrap_admin_password": "short"},
            "at least 12",
        ),
        (
            {"bootstrap_admin_email": "a@example.com", "bootstrap_admin_password": "é" * 40},
            "72 bytes",
        ),
    ],
)
def test_bootstrap_refuses_incomplete_or_weak_settings(
    make_settings: MakeSettings, overrides: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        prepare_database(make_settings(**overrides))


def _cli(database_url: str, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provider_registry.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**settings_env(database_url), "PATH": "/usr/bin:/bin"},
    )


def test_create_admin_cli_reads_the_password_from_stdin(clean_db: str) -> None:
    done = _cli(clean_db, "create-admin", "--email", "ops@example.com", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "created admin ops@example.com" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr
    (admin,) = _accounts(clean_db)
    assert admin.role == "admin"

    again = _cli(clean_db, "create-admin", "--email", "OPS@example.com", stdin=PASSWORD + "\n")
    assert again.returncode == 1
    assert "already exists" in again.stderr

    weak = _cli(clean_db, "create-admin", "--email", "x@example.com", stdin="short\n")
    assert weak.returncode == 2
    assert "at least 12" in weak.stderr
    assert len(_accounts(clean_db)) == 1
