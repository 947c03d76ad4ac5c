"""The status recorder (tests/support/statuses.py) itself: it matches responses to operations,
reports every undeclared (operation, status) pair, and fails the pytest run that produced one,
also when the pair comes from an xdist worker."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MakeClient
from tests.support import statuses
from tests.support.statuses import DOCS, PREFLIGHT, UNKNOWN_METHOD, UNKNOWN_ROUTE, Pair

ROOT = Path(__file__).resolve().parents[1]


def _op(operation_id: str, *codes: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "responses": {code: {"description": code} for code in codes},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {
        "/things": {"get": _op("list_things", "200", "default")},
        "/things/{thing_id}": {
            "get": _op("get_thing", "200", "404", "4XX", "default"),
            "delete": _op("delete_thing", "204"),
        },
        "/things/mine": {"get": _op("list_my_things", "200")},
    },
}
INDEX = statuses.index_spec(SPEC)


@pytest.mark.unit
def test_default_and_ranges_do_not_declare_a_status() -> None:
    pairs = [
        Pair("GET", "/things", 200),
        Pair("GET", "/things", 500),  # only `default` covers it
        Pair("GET", "/things/{thing_id}", 404),
        Pair("GET", "/things/{thing_id}", 409),  # only `4XX` covers it
        Pair("DELETE", "/things/{thing_id}", 204),
    ]
    assert statuses.undeclared(INDEX, pairs) == [
        (Pair("GET", "/things", 500), "list_things declares 200"),
        (Pair("GET", "/things/{thing_id}", 409), "get_thing declares 200, 404"),
    ]


@pytest.mark.unit
def test_responses_are_matched_to_operations_by_method_and_path_template() -> None:
    def outcome(method: str, path: str, status: int) -> statuses.Outcome:
        return statuses.classify(INDEX, method, path, status)

    assert outcome("GET", "/things/42", 404).pair == Pair("GET", "/things/{thing_id}", 404)
    # A literal segment wins over a parameter, as in the router.
    assert outcome("GET", "/things/mine", 200).pair == Pair("GET", "/things/mine", 200)
    # HEAD is answered by the GET operation.
    assert outcome("HEAD", "/things/42", 500).pair == Pair("GET", "/things/{thing_id}", 500)
    # No operation to declare these on, and the answers are the designed ones: not compared.
    assert outcome("GET", "/nowhere", 404).excluded == UNKNOWN_ROUTE
    assert outcome("GET", "/things/1/2", 429).excluded == UNKNOWN_ROUTE
    assert outcome("PATCH", "/things/42", 405).excluded == UNKNOWN_METHOD
    assert outcome("OPTIONS", "/things", 200).excluded == PREFLIGHT
    assert outcome("GET", "/api/v1/ui/index.html", 200).excluded == DOCS
    # Anything else at an address no operation has is reported.
    unknown = outcome("GET", "/nowhere", 500).pair
    assert unknown == Pair("GET", "/nowhere", 500)
    assert statuses.undeclared(INDEX, [unknown]) == [(unknown, "no such operation in the spec")]
    assert outcome("PATCH", "/things/42", 200).pair == Pair("PATCH", "/things/{thing_id}", 200)


@pytest.mark.unit
def test_the_bundled_spec_is_indexed_by_method_and_template() -> None:
    index = statuses.load_index(statuses.BUNDLED_SPEC)
    spec = json.loads(statuses.BUNDLED_SPEC.read_text())
    count = sum(
        1 for item in spec["paths"].values() for method in item if method in statuses.HTTP_METHODS
    )
    assert len(index.operations) == count > 50
    assert ("GET", "/health") in index.operations


@pytest.mark.integration
def test_test_clients_are_recorded(make_client: MakeClient) -> None:
    recorder = statuses.current()
    assert recorder is not None
    before = recorder.pairs[Pair("GET", "/api/v1/services/{service_id}", 404)]
    client = make_client()
    missing = "/api/v1/services/00000000-0000-4000-8000-000000000000"
    assert client.get(missing).status_code == 404
    assert recorder.pairs[Pair("GET", "/api/v1/services/{service_id}", 404)] == before + 1


INNER_TESTS = """
from tests.support import statuses


def test_declared():
    statuses.record("GET", "/things/1", 404)
    statuses.record("GET", "/nowhere", 404)


def test_{name}():
    statuses.record("{method}", "{path}", {status})
"""


@pytest.fixture
def inner(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A pytest run of its own, with the recorder plugin and a small spec."""
    spec = pytester.path / "spec.json"
    spec.write_text(json.dumps(SPEC))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv(statuses.SPEC_ENV, str(spec))
    monkeypatch.delenv(statuses.RECORD_ENV, raising=False)
    return pytester


def _write_tests(pytester: pytest.Pytester, method: str, path: str, status: int) -> None:
    pytester.makepyfile(
        test_inner=INNER_TESTS.format(name="second", method=method, path=path, status=status)
    )


@pytest.mark.unit
@pytest.mark.parametrize("workers", ["0", "2"])
def test_an_undeclared_status_fails_the_run(inner: pytest.Pytester, workers: str) -> None:
    _write_tests(inner, "DELETE", "/things/7", 409)
    result = inner.runpytest_subprocess("-p", "tests.support.statuses", "-n", workers)
    result.assert_outcomes(passed=2)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(
        [
            "*statuses vs. spec*",
            "1 undeclared (operation, status) pairs:",
            "  DELETE /things/{thing_id} -> 409  (delete_thing declares 204; seen 1x)",
        ]
    )


@pytest.mark.unit
def test_a_run_with_every_status_declared_passes(inner: pytest.Pytester) -> None:
    _write_tests(inner, "GET", "/things/mine", 200)
    result = inner.runpytest_subprocess("-p", "tests.support.statuses")
    result.assert_outcomes(passed=2)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["every status seen is declared for its operation"])


@pytest.mark.unit
def test_runs_in_pieces_accumulate_and_the_record_is_checked_after(
    inner: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = inner.path / "record.json"
    monkeypatch.setenv(statuses.RECORD_ENV, str(record))
    _write_tests(inner, "GET", "/things", 200)
    assert inner.runpytest_subprocess("-p", "tests.support.statuses").ret == pytest.ExitCode.OK
    _write_tests(inner, "GET", "/things", 503)
    piece = inner.runpytest_subprocess("-p", "tests.support.statuses")
    assert piece.ret == pytest.ExitCode.OK  # accumulating: reported, not failed
    piece.stdout.fnmatch_lines(["  GET /things -> 503  (list_things declares 200; seen 1x)"])
    pairs = {tuple(p[:3]): p[3] for p in json.loads(record.read_text())["pairs"]}
    assert pairs == {
        ("GET", "/things", 200): 1,
        ("GET", "/things", 503): 1,
        ("GET", "/things/{thing_id}", 404): 2,
    }
    check = inner.run(sys.executable, "-m", "tests.support.statuses", str(record))
    assert check.ret == 1
    check.stdout.fnmatch_lines(["1 undeclared (operation, status) pairs:", "  GET /things -> 503*"])


# What the server answers on every operation, whatever the operation does, so declared on each:
# the recorder only sees what tests happen to provoke, and a new operation gets these from day one.
def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    spec = json.loads(statuses.BUNDLED_SPEC.read_text())
    return [
        (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in statuses.HTTP_METHODS
    ]


def _resolved(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        *_, section, name = node["$ref"].split("/")
        node = spec["components"][section][name]
    return node


@pytest.mark.unit
def test_statuses_every_operation_can_get_are_declared_on_each() -> None:
    from provider_registry.kit import ratelimit

    spec = json.loads(statuses.BUNDLED_SPEC.read_text())
    missing = []
    for method, path, operation in _operations():
        expected = {"500"}  # the unexpected-error handler, on every route
        if path not in ratelimit.EXEMPT_PATHS and not path.startswith(ratelimit.EXEMPT_PREFIXES):
            expected.add("429")  # kit/ratelimit.py limits everything it does not exempt
        if "requestBody" in operation:
            expected |= {"413", "415"}  # the body limit, and a media type the operation lacks
        missing += [f"{method} {path} -> {code}" for code in expected - set(operation["responses"])]
        if "429" in operation["responses"]:
            headers = _resolved(spec, operation["responses"]["429"]).get("headers", {})
            for name in ("Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining"):
                if name not in headers:
                    missing.append(f"{method} {path} -> 429 header {name}")
    assert missing == []


RATE_LIMIT_HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def _declares_rate_limit(spec: dict[str, Any], response: dict[str, Any]) -> bool:
    headers = _resolved(spec, response).get("headers", {})
    present = [name in headers for name in RATE_LIMIT_HEADERS]
    assert all(present) or not any(present), f"some X-RateLimit-* headers only: {headers}"
    return all(present)


def _rate_limited(path: str) -> bool:
    from provider_registry.kit import ratelimit

    return path not in ratelimit.EXEMPT_PATHS and not path.startswith(ratelimit.EXEMPT_PREFIXES)


@pytest.mark.unit
def test_rate_limit_headers_are_declared_where_the_limiter_sends_them() -> None:
    # kit/ratelimit.py adds X-RateLimit-* to every response of a limited operation once the
    # request is counted; 413 (RequestGuardMiddleware) comes before counting, exempt paths never.
    spec = json.loads(statuses.BUNDLED_SPEC.read_text())
    wrong = []
    for method, path, operation in _operations():
        for code, response in operation["responses"].items():
            if code[0] not in "24":
                continue
            sends = _rate_limited(path) and code != "413"
            declares = _declares_rate_limit(spec, response)
            if declares and not _rate_limited(path) and code[0] == "4" and "$ref" in response:
                # A shared response (BadRequest) on an exempt probe: the headers' description
                # names the exempt operations, and the probe's own responses declare none.
                continue
            if declares != sends:
                wrong.append(f"{method} {path} -> {code}: sent={sends}")
    assert wrong == []


@pytest.mark.integration
def test_rate_limit_headers_are_sent_as_declared(make_client: MakeClient) -> None:
    client = make_client(rate_limit_enabled="true", rate_limit_requests_per_minute="1000")
    spec = json.loads(statuses.BUNDLED_SPEC.read_text())
    service = "/api/v1/services/{service_id}"
    missing = "/api/v1/services/00000000-0000-4000-8000-000000000000"
    cases: list[tuple[str, str, str, dict[str, Any], int]] = [
        ("GET", "/api/v1/services", "/api/v1/services", {}, 200),
        ("GET", "/api/v1/services", "/api/v1/services?limit=0", {}, 400),
        ("GET", service, missing, {}, 404),
        ("GET", "/api/v1/auth/me", "/api/v1/auth/me", {}, 401),
        ("POST", "/api/v1/services", "/api/v1/services", {"content": b"x" * (2 << 20)}, 413),
        ("GET", "/health", "/health", {}, 200),
        ("GET", "/.well-known/jwks.json", "/.well-known/jwks.json", {}, 200),
    ]
    for method, template, url, kwargs, status in cases:
        response = client.request(method, url, **kwargs)
        assert response.status_code == status, (url, response.text)
        declared = spec["paths"][template][method.lower()]["responses"][str(status)]
        sent = [name for name in RATE_LIMIT_HEADERS if name in response.headers]
        expected = list(RATE_LIMIT_HEADERS) if _declares_rate_limit(spec, declared) else []
        assert sent == expected, (method, url, status, dict(response.headers))
