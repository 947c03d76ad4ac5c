"""The request pipeline every operation shares, on a small fixture spec with the real create_app():
validation, body parsing, size limits, errors, request ids, headers, CORS and rate limits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.conftest import MakeClient, problem

pytestmark = pytest.mark.integration

FIXTURE_API = str(Path(__file__).resolve().parents[1] / "fixtures" / "api")


@pytest.fixture
def pipeline(make_client: MakeClient) -> TestClient:
    return make_client(api_dir=FIXTURE_API)


def test_valid_json_body_reaches_the_handler(pipeline: TestClient) -> None:
    response = pipeline.post("/echo", json={"name": "abc", "count": 2})
    assert response.status_code == 200
    assert response.json() == {"name": "abc", "count": 2}


def test_every_invalid_field_is_reported_at_once(pipeline: TestClient) -> None:
    response = pipeline.post(
        "/echo",
        json={
            "name": "ab",
            "count": 0,
            "email": "not-an-email",
            "tags": ["a", "b", "c"],
            "status": "approved",
            "role": "admin",
        },
    )
    body = problem(response, 400, "VALIDATION_ERROR")
    found = {(e["field"], e["code"]) for e in body["errors"]}
    assert found == {
        ("name", "TOO_SHORT"),
        ("count", "TOO_SMALL"),
        ("email", "INVALID_FORMAT"),
        ("tags", "TOO_MANY_ITEMS"),
        ("role", "UNKNOWN_FIELD"),
        ("status", "UNKNOWN_FIELD"),
    }
    assert all(e["message"] for e in body["errors"])


def test_a_problem_carries_at_most_100_errors_each_within_its_declared_length(
    pipeline: TestClient,
) -> None:
    """The spec bounds Problem.errors (maxItems 100) and FieldError.field/message (256/500)."""
    body = {f"unknown_{i:03d}": 1 for i in range(150)}
    body["x" * 5000] = 1
    response = pipeline.post("/echo", json={"name": "abc", "count": 2, **body})
    errors = problem(response, 400, "VALIDATION_ERROR")["errors"]
    assert len(errors) == 100
    assert all(e["code"] == "UNKNOWN_FIELD" for e in errors)
    assert all(len(e["field"]) <= 256 and len(e["message"]) <= 500 for e in errors)

    long_name = pipeline.post("/echo", json={"name": "abc", "count": 2, "y" * 5000: 1})
    (error,) = problem(long_name, 400, "VALIDATION_ERROR")["errors"]
    assert error["field"] == "y" * 256


def test_missing_required_field_and_wrong_type(pipeline: TestClient) -> None:
    body = problem(pipeline.post("/echo", json={"count": "two"}), 400, "VALIDATION_ERROR")
    assert {(e["field"], e["code"]) for e in body["errors"]} == {
        ("name", "REQUIRED"),
        ("count", "INVALID_TYPE"),
    }


def test_body_of_the_wrong_shape(pipeline: TestClient) -> None:
    body = problem(pipeline.post("/echo", json=[1, 2]), 400, "VALIDATION_ERROR")
    assert body["errors"][0]["field"] == ""
    assert body["errors"][0]["code"] == "INVALID_TYPE"


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b'{"name": "abc"',
        b"",
        b'{"name": NaN}',
        b'{"name": Infinity}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"count": ' + b"9" * 5000 + b"}",
    ],
    ids=["garbage", "truncated", "empty", "nan", "infinity", "deep-nesting", "huge-int"],
)
def test_unparseable_json_is_400_never_500(pipeline: TestClient, raw: bytes) -> None:
    response = pipeline.post("/echo", content=raw, headers={"content-type": "application/json"})
    problem(response, 400)


def test_body_that_is_not_utf8_is_400(pipeline: TestClient) -> None:
    response = pipeline.post(
        "/echo", content=b'{"name": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    body = problem(response, 400, "MALFORMED_BODY")
    assert "UTF-8" in body["detail"]


def test_unsupported_media_type_is_415(pipeline: TestClient) -> None:
    response = pipeline.post("/echo", content=b"name=abc", headers={"content-type": "text/csv"})
    problem(response, 415, "UNSUPPORTED_MEDIA_TYPE")


def test_form_bodies_are_validated_the_same_way(pipeline: TestClient) -> None:
    ok = pipeline.post("/echo", data={"name": "abcd"})
    assert ok.status_code == 200
    assert ok.json()["name"] == "abcd"
    body = problem(pipeline.post("/echo", data={"name": "ab", "extra": "1"}), 400)
    assert {(e["field"], e["code"]) for e in body["errors"]} == {
        ("name", "TOO_SHORT"),
        ("extra", "UNKNOWN_FIELD"),
    }


def test_body_over_the_limit_is_413(make_client: MakeClient) -> None:
    client = make_client(api_dir=FIXTURE_API, server_max_body_bytes="2048")
    big = b'{"name": "' + b"a" * 4096 + b'"}'
    declared = client.post("/echo", content=big, headers={"content-type": "application/json"})
    problem(declared, 413, "PAYLOAD_TOO_LARGE")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield big[:1500]
        yield big[1500:]

    streamed = client.post("/echo", content=chunks(), headers={"content-type": "application/json"})
    problem(streamed, 413, "PAYLOAD_TOO_LARGE")

    def small_chunks() -> Iterator[bytes]:
        yield b'{"name": '
        yield b'"abc"}'

    accepted = client.post(
        "/echo", content=small_chunks(), headers={"content-type": "application/json"}
    )
    assert accepted.status_code == 200
    assert accepted.json() == {"name": "abc"}


def test_path_and_query_parameters_are_validated(pipeline: TestClient) -> None:
    item = str(uuid.uuid4())
    assert pipeline.get(f"/items/{item}?limit=5").json() == {"item_id": item, "limit": 5}
    body = problem(pipeline.get("/items/not-a-uuid?limit=500&color=red"), 400)
    assert {(e["field"], e["code"]) for e in body["errors"]} == {
        ("item_id", "INVALID_FORMAT"),
        ("limit", "TOO_LARGE"),
        ("color", "UNKNOWN_PARAMETER"),
    }
    body = problem(pipeline.get(f"/items/{item}?limit=lots"), 400)
    assert body["errors"][0]["field"] == "limit"


@pytest.mark.parametrize("path", ["/items/%0A", "/items/abc%0A", "/items/%00", "/items/%FF"])
def test_hostile_path_parameters_are_4xx(pipeline: TestClient, path: str) -> None:
    response = pipeline.get(path)
    assert 400 <= response.status_code < 500, response.text
    problem(response, response.status_code)


def test_unexpected_exception_is_an_opaque_500(pipeline: TestClient) -> None:
    response = pipeline.get("/boom")
    body = problem(response, 500, "INTERNAL_ERROR")
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text
    assert "RuntimeError" not in response.text
    assert "request_id" in body["detail"]


def test_unknown_path_and_wrong_method(pipeline: TestClient) -> None:
    problem(pipeline.get("/no/such/thing"), 404, "NOT_FOUND")
    response = pipeline.delete("/echo")
    problem(response, 405, "METHOD_NOT_ALLOWED")
    assert "POST" in response.headers["allow"]


def test_request_id_is_kept_when_well_formed_and_replaced_otherwise(pipeline: TestClient) -> None:
    kept = pipeline.post("/echo", json={"name": "abc"}, headers={"X-Request-ID": "trace-42.a:b"})
    assert kept.headers["x-request-id"] == "trace-42.a:b"
    for bad in ("has spaces", "x" * 129, "<script>"):
        replaced = pipeline.get("/no/where", headers={"X-Request-ID": bad})
        assert replaced.headers["x-request-id"] != bad
        uuid.UUID(replaced.headers["x-request-id"])
        assert problem(replaced, 404)["request_id"] == replaced.headers["x-request-id"]


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/echo"), ("GET", "/nowhere"), ("GET", "/boom")]
)
def test_security_headers_on_every_response(pipeline: TestClient, method: str, path: str) -> None:
    response = pipeline.request(method, path, json={"name": "abc"} if method == "POST" else None)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert "strict-transport-security" not in response.headers


def test_hsts_when_configured(make_client: MakeClient) -> None:
    client = make_client(api_dir=FIXTURE_API, server_hsts="true")
    assert client.get("/nowhere").headers["strict-transport-security"].startswith("max-age=")


def test_cors_only_for_configured_origins(make_client: MakeClient) -> None:
    client = make_client(api_dir=FIXTURE_API, cors_allowed_origins="https://app.example")
    preflight = client.options(
        "/echo",
        headers={
            "Origin": "https://app.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert "x-request-id" in preflight.headers
    assert preflight.headers["x-content-type-options"] == "nosniff"
    allowed = client.post("/echo", json={"name": "abc"}, headers={"Origin": "https://app.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    foreign = client.post("/echo", json={"name": "abc"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in foreign.headers
    bad_preflight = client.options(
        "/echo", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert bad_preflight.status_code == 400
    assert "access-control-allow-origin" not in bad_preflight.headers


def test_no_cors_headers_without_configured_origins(pipeline: TestClient) -> None:
    response = pipeline.post(
        "/echo", json={"name": "abc"}, headers={"Origin": "https://app.example"}
    )
    assert "access-control-allow-origin" not in response.headers


def test_one_transaction_per_request_kept_only_when_it_succeeds(
    pipeline: TestClient, database_url: str
) -> None:
    from sqlalchemy import create_engine, text

    assert (
        pipeline.post(
            "/probe-accounts", json={"email": "kept@example.com", "outcome": "commit"}
        ).status_code
        == 201
    )
    problem(
        pipeline.post(
            "/probe-accounts", json={"email": "refused@example.com", "outcome": "problem"}
        ),
        409,
    )
    problem(
        pipeline.post("/probe-accounts", json={"email": "crashed@example.com", "outcome": "crash"}),
        500,
    )
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.connect() as connection:
            emails = connection.execute(text("SELECT email FROM accounts")).scalars().all()
    finally:
        engine.dispose()
    assert emails == ["kept@example.com"]


def test_nul_characters_are_refused_wherever_they_hide(pipeline: TestClient) -> None:
    problem(pipeline.post("/echo", json={"name": "ab\x00c"}), 400, "MALFORMED_BODY")
    problem(pipeline.post("/echo", json={"name": "abc", "tags": ["x\x00"]}), 400, "MALFORMED_BODY")
    body = problem(pipeline.get("/items/7f0a0e2c-8f5e-4c1e-9a36-8b7f6a5d4c3b?limit=%00"), 400)
    assert body["errors"][0]["code"] == "INVALID_CHARACTER"
