"""SIGTERM drains before it stops (kit.drain): readiness turns false at once while requests are
still served, responses tell clients to close their keep-alive connections, and the process
exits after the drain period, within the graceful timeout."""

from __future__ import annotations

import http.client
import json
import signal
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.conftest import TEST_API_KEY_PEPPER, TEST_JWT_SECRET
from tests.support.server import get, server_process

pytestmark = pytest.mark.smoke

DRAIN_SECONDS = 3


def keep_alive_get(connection: http.client.HTTPConnection, path: str) -> http.client.HTTPResponse:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response


def test_sigterm_drains_then_stops(clean_db: str, tmp_path: Path) -> None:
    env = {
        "PROVIDER_REGISTRY_ENVIRONMENT": "production",
        "PROVIDER_REGISTRY_DATABASE_URL": clean_db,
        "PROVIDER_REGISTRY_JWT_SECRET": TEST_JWT_SECRET,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": TEST_API_KEY_PEPPER,
        "PROVIDER_REGISTRY_SERVER_WORKERS": "1",
        "PROVIDER_REGISTRY_SERVER_DRAIN_SECONDS": str(DRAIN_SECONDS),
        "PROVIDER_REGISTRY_SERVER_GRACEFUL_TIMEOUT_SECONDS": "10",
    }
    with server_process("serve", env, tmp_path / "serve.log") as (base, process):
        address = urllib.parse.urlsplit(base)
        kept = http.client.HTTPConnection(address.hostname or "", address.port, timeout=5)
        first = keep_alive_get(kept, "/health")
        assert first.status == 200
        assert first.getheader("connection") != "close"
        status, _, body = get(base + "/ready")
        assert status == 200
        assert json.loads(body) | {"rate_limits": "-"} == {
            "status": "ready",
            "database": "connected",
            "migrations": "current",
            "rate_limits": "-",
            "draining": False,
        }

        process.send_signal(signal.SIGTERM)  # the gunicorn master only, as an orchestrator does
        signalled = time.monotonic()
        while True:
            status, _, body = get(base + "/ready")
            if status == 503 or time.monotonic() - signalled > 2:
                break
            time.sleep(0.05)
        assert status == 503, body
        report = json.loads(body)
        assert report["status"] == "not_ready"
        assert report["draining"] is True
        assert report["database"] == "connected"
        # Still serving: liveness, and the kept connection, now told to close.
        assert get(base + "/health")[0] == 200
        during = keep_alive_get(kept, "/health")
        assert during.status == 200
        assert during.getheader("connection") == "close"
        kept.close()

        assert process.wait(timeout=DRAIN_SECONDS + 15) == 0
        stopped_after = time.monotonic() - signalled
        assert DRAIN_SECONDS - 0.5 <= stopped_after <= DRAIN_SECONDS + 10, stopped_after
    log = (tmp_path / "serve.log").read_text()
    assert f"draining for {DRAIN_SECONDS} s" in log
