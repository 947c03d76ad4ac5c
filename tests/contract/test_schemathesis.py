"""Schemathesis against the live server (PostgreSQL behind it): every operation in the served spec,
every check that applies, zero failures. New operations join automatically. Bounded and
deterministic: a fixed seed and a fixed number of examples per operation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import settings_env
from tests.support.server import running_server

pytestmark = pytest.mark.contract

MAX_EXAMPLES = 40


def test_live_server_conforms_to_its_spec(clean_db: str, tmp_path: Path) -> None:
    env = settings_env(clean_db, log_level="warning")
    with running_server("run", env, tmp_path / "server.log") as base:
        done = subprocess.run(
            [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                f"{base}/api/v1/openapi.json",
                "--url",
                base,
                "--checks",
                "all",
                "--mode",
                "all",
                "--max-examples",
                str(MAX_EXAMPLES),
                "--generation-deterministic",
                "--workers",
                "1",
                "--request-timeout",
                "10",
                "--no-color",
                "--suppress-health-check",
                "all",
            ],
            capture_output=True,
            text=True,
            timeout=900,
            cwd=tmp_path,
        )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-20000:]
    assert "passed" in report
