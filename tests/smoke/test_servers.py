"""The real server processes: `make run`'s embedded SQLite path and `make serve`'s gunicorn."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import TEST_API_KEY_PEPPER, TEST_JWT_SECRET
from tests.support.server import get, running_server

pytestmark = pytest.mark.smoke


def test_run_serves_everything_on_embedded_sqlite(tmp_path: Path) -> None:
    env = {
        "PROVIDER_REGISTRY_ENVIRONMENT": "development",
        "PROVIDER_REGISTRY_DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.db'}",
        "PROVIDER_REGISTRY_LOG_FORMAT": "json",
        "PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_EMAIL": "admin@example.com",
        "PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_PASSWORD": "a long enough password",
    }
    log = tmp_path / "server.log"
    with running_server("run", env, log) as base:
        status, headers, body = get(base + "/health")
        assert status == 200
        assert json.loads(body)["database"] == "connected"
        # HEAD through uvicorn: GET's status and headers, no body (tests/system/test_head.py).
        head = urllib.request.Request(base + "/api/v1/services", method="HEAD")
        with urllib.request.urlopen(head, timeout=10) as answer:
            assert answer.status == 200
            assert answer.headers["content-type"] == "application/json"
            assert answer.read() == b""
        assert get(base + "/ready")[0] == 200
        status, _, body = get(base + "/metrics")
        assert status == 200
        assert b"provider_service_up 1.0" in body
        status, _, body = get(base + "/api/v1/openapi.json")
        assert status == 200
        assert json.loads(body)["info"]["title"] == "Provider Registry API"
        assert get(base + "/api/v1/ui/")[0] == 200
        assert get(base + "/api/v1/redoc")[0] == 200
        status, headers, _ = get(base + "/api/v1/nope")
        assert status == 404
        request_id = headers["x-request-id"]
    assert (tmp_path / "embedded.db").exists()
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert any(line.get("event") == "bootstrap.admin" and line.get("created") for line in lines)
    access = [line for line in lines if line.get("event") == "request"]
    assert any(
        line.get("request_id") == request_id and line.get("status") == 404 for line in access
    )
    assert "a long enough password" not in log.read_text()


def test_serve_refuses_to_start_without_a_secret(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [str(Path(sys.executable).parent / "provider-registry"), "serve"],
        env={"PATH": "/usr/bin:/bin", "PROVIDER_REGISTRY_ENVIRONMENT": "production"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "jwt.secret is not set" in done.stderr


def test_serve_aggregates_metrics_over_several_workers(clean_db: str, tmp_path: Path) -> None:
    env = {
        "PROVIDER_REGISTRY_ENVIRONMENT": "production",
        "PROVIDER_REGISTRY_DATABASE_URL": clean_db,
        "PROVIDER_REGISTRY_JWT_SECRET": TEST_JWT_SECRET,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": TEST_API_KEY_PEPPER,
        "PROVIDER_REGISTRY_SERVER_WORKERS": "2",
        "PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "false",
    }
    with running_server("serve", env, tmp_path / "serve.log") as base:
        for _ in range(40):
            assert get(base + "/api/v1/health")[0] == 200
        # A request is counted just after its response is sent, so the last one may land a
        # moment after the client has its answer: read until all 40 are in (never more).
        deadline = time.monotonic() + 5
        while True:
            _, _, body = get(base + "/metrics")
            text = body.decode()
            match = re.search(
                r'provider_service_requests_total\{endpoint="/api/v1/health",method="GET",'
                r'status_code="200"\} ([0-9.]+)',
                text,
            )
            assert match, text
            counted = float(match.group(1))
            if counted >= 40.0 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert counted == 40.0
        assert "provider_service_up 1.0" in text
        log = (tmp_path / "serve.log").read_text()
        pids = set(re.findall(r"Booting worker with pid: (\d+)", log))
        assert len(pids) == 2, log
