"""API8 Security misconfiguration: forged input reaching the pagination layer is a clean 400, never
a 500 (every cursor decoder is fuzzed); /metrics can be protected; /health cannot be used to
hammer the database."""

from __future__ import annotations

import base64
import json
import math
import threading
import time
import uuid
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from starlette.testclient import TestClient

from provider_registry.catalog.repository import Sort, _decode
from provider_registry.config import PROJECT_ROOT, ConfigError, load_settings
from provider_registry.kit.pagination import InvalidCursor, decode_cursor, encode_cursor
from provider_registry.kit.timeutil import utcnow
from tests.conftest import MakeClient, problem
from tests.portal.world import World
from tests.providers.factories import admin_session

# ---------------------------------------------------------------------------------- cursors


def b64(raw: str | bytes) -> str:
    data = raw.encode() if isinstance(raw, str) else raw
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def packed(values: Any) -> str:
    return b64(json.dumps(values, separators=(",", ":")))


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["2026-01-01T00:00:00Z", str(uuid.uuid4()), "relevance", "desc", "name"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
CURSORS = (
    st.text(max_size=80)
    | st.binary(max_size=80).map(b64)
    | JSON.map(lambda v: b64(json.dumps(v)))
    | st.lists(JSON, min_size=1, max_size=5).map(packed)
)
SORTS = st.builds(
    Sort,
    by=st.sampled_from(["relevance", "created_at", "published_at", "name"]),
    order=st.sampled_from(["asc", "desc"]),
)


def _decoded(decode: Any, *args: Any) -> Any:
    """What ``decode`` returns, or the InvalidCursor it raises (any other exception escapes)."""
    try:
        return decode(*args)
    except InvalidCursor:
        return None


@pytest.mark.unit
@given(CURSORS)
@settings(max_examples=400, deadline=None)
def test_keyset_cursor_decoder_refuses_whatever_it_did_not_issue(cursor: str) -> None:
    decoded = _decoded(decode_cursor, cursor)
    if decoded is None:
        return
    moment, key = decoded
    # Accepted: exactly what the encoder writes for a storable position.
    assert moment.tzinfo is not None
    assert encode_cursor(moment, key) == cursor


@pytest.mark.unit
@given(CURSORS, SORTS)
@settings(max_examples=400, deadline=None)
def test_catalog_cursor_decoder_refuses_whatever_it_did_not_issue(cursor: str, sort: Sort) -> None:
    decoded = _decoded(_decode, cursor, sort)
    if decoded is None:
        return
    value, key = decoded
    assert isinstance(key, uuid.UUID)
    if sort.by == "relevance":
        assert type(value) is float
    elif sort.by == "name":
        assert isinstance(value, str)
        assert "\x00" not in value
    else:
        assert value.tzinfo is not None


@pytest.mark.unit
def test_issued_cursors_round_trip() -> None:
    now, key = utcnow(), uuid.uuid4()
    assert decode_cursor(encode_cursor(now, key)) == (now, key)


NOW = "2026-01-01T00:00:00Z"
ID = str(uuid.uuid4())
# Cursors no server issued, each a 500 somewhere once.
FORGED = [
    "!!!!",
    "a",
    b64("not json"),
    b64(b"\xff\xfe"),
    packed([NOW]),
    packed([NOW, ID, 1]),
    packed({NOW: 1, ID: 2}),
    packed([int("9" * 320), ID]),
    packed([1e300, ID]),
    b64(f'[1e400,"{ID}"]'),
    b64(f'[NaN,"{ID}"]'),
    packed(["2026-01-01T00:00:00", ID]),  # no zone
    packed(["0001-01-01T00:00:00+14:00", ID]),  # before year 1 in UTC
    packed(["9999-12-31T23:59:59-14:00", ID]),  # after year 9999 in UTC
    packed([NOW, "not-a-uuid"]),
    packed([NOW, int("1" * 40)]),
    packed([NOW, {"a": 1}]),
    b64("[" * 150 + "]" * 150),
    packed(["created_at", "desc", NOW, ID]) + "=",
]
CATALOG_FORGED = [
    packed(["relevance", "desc", int("9" * 320), "x"]),  # the review's OverflowError
    packed(["relevance", "desc", True, ID]),
    packed(["relevance", "desc", "0.5", ID]),
    packed(["name", "asc", "a\x00b", ID]),
    packed(["name", "asc", 7, ID]),
    packed(["created_at", "desc", None, ID]),
    packed(["created_at", "asc", NOW, ID]),  # another sort's cursor
]


def _cursor_endpoints() -> list[tuple[str, dict[str, Any]]]:
    spec = yaml.safe_load((PROJECT_ROOT / "generated" / "openapi.yaml").read_text())
    found = []
    for path, item in spec["paths"].items():
        operation = item.get("get") or {}
        refs = [str(p.get("$ref", p.get("name"))) for p in operation.get("parameters", [])]
        if any(r.endswith("/Cursor") or r == "cursor" for r in refs):
            found.append((path, operation["x-access"]))
    return found


@pytest.mark.integration
def test_forged_cursors_are_400_on_every_list_endpoint(
    client: TestClient, database_url: str
) -> None:
    admin = admin_session(client, database_url)
    organization = client.post(
        "/api/v1/organizations", headers=admin, json={"name": "Cursor Test"}
    ).json()["id"]
    world = World(client, database_url)
    tenant, owner = world.tenant(), world.provider()
    deployment = world.insert_deployment(tenant, owner)
    provider = owner.headers  # an approved provider: pending ones may not list deployments
    ticket = client.post(
        "/api/v1/tickets",
        headers=tenant.headers,
        json={
            "deployment_id": deployment,
            "subject": "Cursor test",
            "description": "Forged cursors.",
            "category": "technical",
        },
    )
    assert ticket.status_code == 201, ticket.text
    ids = {
        "{organization_id}": organization,
        "{deployment_id}": deployment,
        "{ticket_id}": ticket.json()["id"],
        "{name}": "cursor-test",
    }
    endpoints = _cursor_endpoints()
    assert len(endpoints) >= 14
    failures = {}
    for path, access in endpoints:
        url = path
        for placeholder, value in ids.items():
            url = url.replace(placeholder, value)
        assert "{" not in url, f"no id to fill into {path}"
        headers = provider if access.get("kinds") == ["provider"] else admin
        extra = FORGED + (CATALOG_FORGED if "services" in path else [])
        for cursor in extra:
            response = client.get(url, headers=headers, params={"cursor": cursor})
            body = response.json()
            codes = [e.get("code") for e in body.get("errors", [])]
            if response.status_code != 400 or codes != ["INVALID_CURSOR"]:
                failures[f"{url} {cursor[:40]}"] = (response.status_code, codes)
    assert failures == {}


@pytest.mark.integration
def test_forged_relevance_cursor_is_400_for_catalog_search(client: TestClient) -> None:
    cursor = packed(["relevance", "desc", int("9" * 320), "x"])
    response = client.get(
        "/api/v1/services", params={"query": "chat", "sort_by": "relevance", "cursor": cursor}
    )
    body = problem(response, 400, "VALIDATION_ERROR")
    assert body["errors"] == [
        {"field": "cursor", "message": "is not a valid cursor", "code": "INVALID_CURSOR"}
    ]


@pytest.mark.integration
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(JSON, min_size=4, max_size=4).map(packed),
    st.sampled_from(["relevance", "created_at", "published_at", "name"]),
    st.sampled_from(["asc", "desc"]),
)
def test_catalog_search_never_fails_on_a_cursor(
    client: TestClient, cursor: str, by: str, order: str
) -> None:
    params = {"query": "chat", "sort_by": by, "sort_order": order, "cursor": cursor}
    assert client.get("/api/v1/services", params=params).status_code in (200, 400)


# ---------------------------------------------------------------------------------- /metrics

METRICS_TOKEN = "metrics-token-0123456789-abcdefghijklmnop"


@pytest.mark.integration
def test_metrics_are_open_when_no_token_is_configured(client: TestClient) -> None:
    response = client.get("/metrics")
    assert response.status_code == 200
    assert "provider_service_up" in response.text


@pytest.mark.integration
def test_metrics_need_the_bearer_token_when_one_is_configured(make_client: MakeClient) -> None:
    client = make_client(metrics_token=METRICS_TOKEN)
    for headers in (
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Bearer {METRICS_TOKEN}x"},
        {"Authorization": f"Basic {METRICS_TOKEN}"},
        {"Authorization": METRICS_TOKEN},
        {"X-API-Key": METRICS_TOKEN},
    ):
        response = client.get("/metrics", headers=headers)
        problem(response, 401, "UNAUTHENTICATED")
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "provider_service_up" not in response.text
    for scheme in ("Bearer", "bearer"):
        response = client.get("/metrics", headers={"Authorization": f"{scheme} {METRICS_TOKEN}"})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/plain")
        assert "provider_service_up" in response.text
    # Probes stay open.
    assert client.get("/health").status_code == 200
    assert client.get("/ready").status_code == 200


@pytest.mark.unit
def test_a_short_metrics_token_is_refused_at_start_up() -> None:
    with pytest.raises(ConfigError, match=r"metrics\.token"):
        load_settings(config_file=None, environ={"PROVIDER_REGISTRY_METRICS_TOKEN": "short"})


# ---------------------------------------------------------------------------------- probes


def _count_statements(client: TestClient) -> list[str]:
    engine = client.app.app.extensions["provider_registry"].database.engine  # type: ignore[attr-defined]
    seen: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    return seen


def _burst(client: TestClient, paths: list[str], count: int) -> tuple[list[int], float]:
    barrier = threading.Barrier(count)
    statuses: list[int] = []

    def probe(index: int) -> None:
        barrier.wait()
        statuses.append(client.get(paths[index % len(paths)]).status_code)

    started = time.monotonic()
    threads = [threading.Thread(target=probe, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, time.monotonic() - started


@pytest.mark.integration
def test_health_checks_the_database_at_most_once_a_second(client: TestClient) -> None:
    seen = _count_statements(client)
    paths = ["/health", "/api/v1/health", "/api/v1/registration/health"]
    statuses, elapsed = _burst(client, paths, 50)
    assert statuses == [200] * 50
    # One check per second at most (the burst may straddle a second, or run longer on a busy CI).
    assert 1 <= len(seen) <= math.ceil(elapsed) + 1, (len(seen), elapsed)
    time.sleep(1.1)
    before = len(seen)
    assert client.get("/health").json()["database"] == "connected"
    assert len(seen) == before + 1  # the cached answer expired: a fresh check


@pytest.mark.integration
def test_readiness_is_cached_for_a_second_too(client: TestClient) -> None:
    seen = _count_statements(client)
    time.sleep(1.1)
    assert client.get("/ready").status_code == 200
    per_check = len(seen)
    assert per_check >= 1
    statuses, elapsed = _burst(client, ["/ready"], 30)
    assert statuses == [200] * 30
    assert len(seen) <= per_check * (math.ceil(elapsed) + 2), (len(seen), per_check, elapsed)
