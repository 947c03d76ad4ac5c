"""Schemathesis against the live server (PostgreSQL behind it): every operation in the served spec,
every check that applies, zero failures. New operations join automatically. Bounded and
deterministic: deterministic generation and a fixed number of examples per operation.

Two passes, so that no operation is fuzzed only for 401/403: as an admin (every operation an
account may call) and as an approved provider (the operations only providers may call)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import settings_env
from tests.providers.factories import registration
from tests.support.server import running_server

pytestmark = pytest.mark.contract

MAX_EXAMPLES = 40

# positive_data_acceptance expects every schema-valid request to be accepted. This API has
# documented 400s for rules JSON Schema cannot state: a password over 72 bytes of UTF-8 (maxLength
# counts characters), a cursor this API did not issue, RSA keys, endpoint URLs and hosts. Every
# other check runs, including negative_data_rejection (invalid data must be refused).
EXCLUDED_CHECKS = "positive_data_acceptance"
ADMIN_EMAIL = "contract-admin@example.com"
ADMIN_PASSWORD = "contract admin password"
# negative_data_rejection: schemathesis's own list of refusals, plus 413. A body over the server's
# limit (1 MiB) is refused before anything parses it; schemathesis generates such bodies for the
# log batch endpoint (1,000 lines of up to 10,000 characters).
CONFIG = """
[checks.negative_data_rejection]
expected-statuses = [
  "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx",
]
"""
PROVIDER_ONLY_PATHS = (
    r"^/api/v1/(registration/(profile|pricing|capacity|api-keys)|services|me/|provider/|tickets)"
)


def _post(base: str, path: str, body: dict[str, Any], token: str | None = None) -> Any:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _tokens(base: str) -> tuple[str, str]:
    """An admin's access token, and an approved provider's."""
    admin = _post(base, "/api/v1/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})
    registered = _post(base, "/api/v1/registration/register", registration())
    provider_id = registered["provider"]["id"]
    _post(base, f"/api/v1/admin/providers/{provider_id}/approve", {}, admin["access_token"])
    provider = _post(
        base,
        "/api/v1/registration/auth",
        {"provider_id": provider_id, "api_key": registered["api_key"]},
    )
    return admin["access_token"], provider["access_token"]


def _schemathesis(base: str, token: str, cwd: Path, *extra: str) -> str:
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            f"{base}/api/v1/openapi.json",
            "--url", base,
            "--header", f"Authorization: Bearer {token}",
            "--checks", "all",
            "--exclude-checks", EXCLUDED_CHECKS,
            "--mode", "all",
            "--max-examples", str(MAX_EXAMPLES),
            "--generation-deterministic",
            "--workers", "1",
            "--request-timeout", "10",
            "--no-color",
            "--suppress-health-check", "all",
            *extra,
        ],
        capture_output=True, text=True, timeout=900, cwd=cwd,
    )  # fmt: skip
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-20000:]
    assert "passed" in report
    return report


def test_live_server_conforms_to_its_spec(clean_db: str, tmp_path: Path) -> None:
    env = settings_env(
        clean_db,
        log_level="warning",
        bootstrap_admin_email=ADMIN_EMAIL,
        bootstrap_admin_password=ADMIN_PASSWORD,
    )
    # schemathesis reads schemathesis.toml from its working directory.
    (tmp_path / "schemathesis.toml").write_text(CONFIG)
    with running_server("run", env, tmp_path / "server.log") as base:
        admin_token, provider_token = _tokens(base)
        _schemathesis(base, admin_token, tmp_path)
        report = _schemathesis(
            base, provider_token, tmp_path, "--include-path-regex", PROVIDER_ONLY_PATHS
        )
    assert "POST /api/v1/services" in report
    assert "POST /api/v1/provider/deployments/{deployment_id}/accept" in report
