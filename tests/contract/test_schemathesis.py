"""Schemathesis against the live server (PostgreSQL behind it): every operation in the served spec,
every check that applies, zero failures. New operations join automatically. Bounded and
deterministic: deterministic generation and a fixed number of examples per operation.

Two passes, so that no operation is fuzzed only for 401/403: as an admin (every operation an
account may call) and as an approved provider (the operations only providers may call)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from provider_registry.kit import ratelimit
from tests.conftest import settings_env
from tests.providers.factories import registration
from tests.support import statuses
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
        statuses.record("POST", path, response.status)
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


def _schemathesis(
    base: str,
    token: str,
    cwd: Path,
    *extra: str,
    max_examples: int = MAX_EXAMPLES,
    excluded_checks: str = EXCLUDED_CHECKS,
) -> str:
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            f"{base}/api/v1/openapi.json",
            "--url", base,
            "--header", f"Authorization: Bearer {token}",
            "--checks", "all",
            "--exclude-checks", excluded_checks,
            "--mode", "all",
            "--max-examples", str(max_examples),
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


def _declared_pairs(har: Path) -> list[statuses.Pair]:
    """The (operation, status) of every response schemathesis got (from its HAR report), into the
    suite's record, each checked: schemathesis takes `default` as declaring every status, the
    recorder does not."""
    index = statuses.load_index(statuses.BUNDLED_SPEC)
    pairs: list[statuses.Pair] = []
    for entry in json.loads(har.read_text())["log"]["entries"]:
        method = entry["request"]["method"]
        path = urllib.parse.urlsplit(entry["request"]["url"]).path
        status = entry["response"]["status"]
        statuses.record(method, path, status)
        outcome = statuses.classify(index, method, path, status)
        if outcome.pair is not None:
            pairs.append(outcome.pair)
    assert statuses.undeclared(index, pairs) == []
    return pairs


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
        har = ("--report", "har", "--report-har-path")
        _schemathesis(base, admin_token, tmp_path, *har, str(tmp_path / "admin.har"))
        report = _schemathesis(
            base,
            provider_token,
            tmp_path,
            "--include-path-regex", PROVIDER_ONLY_PATHS,
            *har, str(tmp_path / "provider.har"),
        )  # fmt: skip
    _declared_pairs(tmp_path / "admin.har")
    _declared_pairs(tmp_path / "provider.har")
    assert "POST /api/v1/services" in report
    assert "POST /api/v1/provider/deployments/{deployment_id}/accept" in report


# The run above has rate limiting off, so it never sees a 429. This one has it on, with a budget
# of one request a minute (per principal, and per address for sign-in): the admin's sign-in spends
# the one, so every operation schemathesis calls answers 429, and schemathesis checks those answers
# (status declared, headers as declared) like any other. Short: a few examples per operation, no
# coverage phase. A window starts at its first request, so one minute covers the whole run.
LIMITED_EXAMPLES = 3
# ignored_auth expects 401 or 403 to bad credentials, but the limiter answers first (429), by
# design: a client guessing credentials is limited like any other. The first run checks it.
LIMITED_EXCLUDED_CHECKS = EXCLUDED_CHECKS + ",ignored_auth"


def test_rate_limited_server_conforms_to_its_spec(clean_db: str, tmp_path: Path) -> None:
    env = settings_env(
        clean_db,
        log_level="warning",
        bootstrap_admin_email=ADMIN_EMAIL,
        bootstrap_admin_password=ADMIN_PASSWORD,
        rate_limit_enabled="true",
        rate_limit_requests_per_minute="1",
        rate_limit_auth_requests_per_minute="1",
    )
    (tmp_path / "schemathesis.toml").write_text(CONFIG)
    har = tmp_path / "responses.har"
    with running_server("run", env, tmp_path / "server.log") as base:
        admin = _post(
            base, "/api/v1/auth/login", {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
        )
        _schemathesis(
            base,
            admin["access_token"],
            tmp_path,
            "--phases", "examples,fuzzing",
            "--report", "har",
            "--report-har-path", str(har),
            max_examples=LIMITED_EXAMPLES,
            excluded_checks=LIMITED_EXCLUDED_CHECKS,
        )  # fmt: skip
    index = statuses.load_index(statuses.BUNDLED_SPEC)
    pairs = _declared_pairs(har)
    # Every operation under the limiter answered 429.
    limited = {(pair.method, pair.template) for pair in pairs if pair.status == 429}
    unlimited = {op for op in index.operations if op[1] in ratelimit.EXEMPT_PATHS}
    assert set(index.operations) - unlimited - limited == set()
    assert unlimited == {("GET", path) for path in ratelimit.EXEMPT_PATHS} - {
        ("GET", "/api/v1/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/favicon.ico"),  # the docs' icon, not an operation
    }
