from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.system.service import PROBE_TIMEOUT_SECONDS, CachedProbe
from tests.conftest import MakeClient, problem
from tests.support import postgres
from tests.support.redis import black_hole

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
HEALTH_PATHS = ["/health", "/api/v1/health", "/api/v1/registration/health"]


@pytest.mark.parametrize("path", HEALTH_PATHS)
def test_health_reports_a_connected_database(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert body["database"] == "connected"
    assert body["service"] == "provider-registry"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", body["version"])
    assert body["timestamp"].endswith("Z")
    assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("path", HEALTH_PATHS)
def test_health_is_503_when_the_database_is_unreachable(make_client: MakeClient, path: str) -> None:
    client = make_client(database_url="postgresql://nobody@127.0.0.1:1/none")
    response = client.get(path)
    assert response.status_code == 503
    assert response.json()["status"] == "unhealthy"
    assert response.json()["database"] == "disconnected"


def test_live_answers_without_asking_the_database(make_client: MakeClient) -> None:
    client = make_client(database_url="postgresql://nobody@127.0.0.1:1/none")
    response = client.get("/live")
    assert response.status_code == 200
    assert response.json() == {
        "status": "alive",
        "service": "provider-registry",
        "version": response.json()["version"],
    }
    assert client.get("/health").status_code == 503  # while /health reports the outage


def test_probes_answer_in_time_when_the_database_never_answers(make_client: MakeClient) -> None:
    """A database behind a frozen network path accepts connections and never answers: the
    probes still answer within PROBE_TIMEOUT_SECONDS (the check goes on in the background)."""
    with black_hole() as url:
        port = urllib.parse.urlsplit(url).port
        client = make_client(
            database_url=f"postgresql://nobody@127.0.0.1:{port}/none",
            database_connect_timeout_seconds="5",
        )
        for path in ("/health", "/ready", "/health"):
            started = time.monotonic()
            response = client.get(path)
            assert response.status_code == 503, response.text
            assert response.json()["database"] == "disconnected"
            # well under the 5 s connect timeout an unbounded check would wait
            assert time.monotonic() - started < PROBE_TIMEOUT_SECONDS + 2.0
        assert client.get("/live").status_code == 200


def test_a_probe_check_runs_once_and_its_late_result_is_kept() -> None:
    release = threading.Event()
    calls: list[int] = []

    def check() -> bool:
        calls.append(1)
        release.wait(10)
        return True

    probe = CachedProbe(check, False, ttl=60, timeout=0.05)
    assert probe.get() is False  # not answered in time: unknown
    assert probe.get() is False  # still running: no second check
    assert len(calls) == 1
    release.set()
    deadline = time.monotonic() + 5
    while probe.get() is not True:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert len(calls) == 1  # the late result was kept, not checked again


def test_ready_when_migrated(client: TestClient) -> None:
    response = client.get("/ready")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ready",
        "database": "connected",
        "migrations": "current",
        "rate_limits": "off",  # the tests' default: rate limiting off
        "draining": False,
    }


def test_not_ready_before_migrations(make_client: MakeClient, pg_server: str) -> None:
    empty = postgres.recreate_database(pg_server, "provider_registry_unmigrated")
    response = make_client(database_url=empty).get("/ready")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


def test_ready_when_a_newer_release_has_migrated(make_client: MakeClient, clean_db: str) -> None:
    """A rolling deploy: the new release's migration ran, this (older) build does not know the
    revision, and keeps serving (migrations expand the schema, README)."""
    client = make_client()
    engine = create_engine(clean_db.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    try:
        response = client.get("/ready")
        assert response.status_code == 200, response.text
        assert response.json()["migrations"] == "ahead"
        assert response.json()["status"] == "ready"
    finally:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        engine.dispose()


def test_not_ready_when_behind_a_known_revision(make_client: MakeClient, clean_db: str) -> None:
    client = make_client()
    engine = create_engine(clean_db.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        connection.execute(text("UPDATE alembic_version SET version_num = '0009_approval_claims'"))
    try:
        response = client.get("/ready")
        assert response.status_code == 503, response.text
        assert response.json()["migrations"] == "pending"
    finally:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        engine.dispose()


def test_not_ready_without_database(make_client: MakeClient) -> None:
    response = make_client(database_url="postgresql://nobody@127.0.0.1:1/none").get("/ready")
    assert response.status_code == 503
    assert response.json()["database"] == "disconnected"


def test_metrics_count_requests_by_route_template(client: TestClient) -> None:
    client.get("/api/v1/health")
    client.get("/api/v1/health")
    client.get("/definitely/not/here/123")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "provider_service_up 1.0" in text
    assert re.search(
        r'provider_service_requests_total\{endpoint="/api/v1/health",method="GET",'
        r'status_code="200"\} [1-9]',
        text,
    )
    assert "provider_service_request_duration_seconds_bucket" in text
    assert "/definitely/not/here/123" not in text  # raw paths never become labels
    assert 'endpoint="unmatched"' in text


def test_probes_are_never_rate_limited(make_client: MakeClient) -> None:
    client = make_client(rate_limit_enabled="true", rate_limit_requests_per_minute="2")
    for _ in range(5):
        assert client.get("/health").status_code == 200
        assert client.get("/metrics").status_code == 200
        assert client.get("/ready").status_code == 200
        assert client.get("/live").status_code == 200


def test_rate_limit_counts_every_request_and_answers_429_with_headers(
    make_client: MakeClient,
) -> None:
    client = make_client(rate_limit_enabled="true", rate_limit_requests_per_minute="3")
    statuses = []
    for _ in range(3):
        response = client.get("/api/v1/nothing-here")  # rejected requests count too
        statuses.append(response.status_code)
        assert response.headers["x-ratelimit-limit"] == "3"
    assert statuses == [404, 404, 404]
    limited = client.get("/api/v1/nothing-here")
    body = problem(limited, 429, "RATE_LIMITED")
    assert int(limited.headers["retry-after"]) >= 1
    assert limited.headers["x-ratelimit-remaining"] == "0"
    assert limited.headers["x-ratelimit-limit"] == "3"
    assert int(limited.headers["x-ratelimit-reset"]) > 0
    assert "per minute" in body["detail"]


def test_served_spec_is_the_bundled_file(client: TestClient) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    served = response.json()
    assert served == json.loads((ROOT / "generated" / "openapi.json").read_text())
    assert served["openapi"] == "3.0.3"
    assert "Problem" in served["components"]["schemas"]


def test_docs_redirect_to_swagger_ui(client: TestClient) -> None:
    for path in ("/docs", "/api/v1/ui"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 302
        assert response.headers["location"].endswith("/api/v1/ui/")


def test_swagger_ui_is_served_locally(client: TestClient) -> None:
    page = client.get("/api/v1/ui/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "https://" not in page.text  # no CDN
    scripts = re.findall(r'src="([^"]+)"', page.text) + re.findall(r'href="([^"]+)"', page.text)
    assert "/api/v1/ui/swagger-ui-bundle.js" in scripts
    for asset in scripts:
        fetched = client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 0
    initializer = client.get("/api/v1/ui/initializer.js").text
    assert '"/api/v1/openapi.json"' in initializer
    bundle = client.get("/api/v1/ui/swagger-ui-bundle.js")
    assert len(bundle.content) > 500_000  # the real swagger-ui-dist bundle
    assert "script-src 'self'" in page.headers["content-security-policy"]
    problem(client.get("/api/v1/ui/package.json"), 404, "NOT_FOUND")


def test_redoc_is_served_locally(client: TestClient) -> None:
    page = client.get("/api/v1/redoc")
    assert page.status_code == 200
    assert '<redoc spec-url="/api/v1/openapi.json">' in page.text
    assert "https://" not in page.text
    assert '<link rel="icon" href="/favicon.ico"' in page.text
    script = client.get("/api/v1/redoc/redoc.standalone.js")
    assert script.status_code == 200
    assert len(script.content) > 500_000
    # Its menu footer's logo would come from a CDN (and be refused by our CSP): not any more.
    assert b"cdn.redoc.ly" not in script.content
    again = client.get(
        "/api/v1/redoc/redoc.standalone.js", headers={"If-None-Match": script.headers["etag"]}
    )
    assert again.status_code == 304


def test_favicon_is_ours(client: TestClient) -> None:
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200
    assert icon.content == (ROOT / "src/provider_registry/system/favicon.ico").read_bytes()
    assert icon.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert icon.headers["content-type"].startswith("image/")
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/api/v1/ui/").text


def test_missing_doc_assets_are_a_clear_503(make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(docs_assets_dir=str(tmp_path))
    problem(client.get("/api/v1/redoc/redoc.standalone.js"), 503, "SERVICE_UNAVAILABLE")
