"""HEAD on every GET operation of the bundled spec answers exactly as GET does, without a body.

HTTP (RFC 9110 9.3.2) makes HEAD part of every GET resource; the spec declares no `head`
operations (they would double every read in the generated clients and the docs). Response
validation stays on, as in tests and development, where an empty HEAD body used to fail the
GET's schema: a 500. The walk is derived from generated/openapi.json, so a new or renamed GET
operation is covered without touching this file; each is called by every kind of caller of the
BOLA matrix's world (real objects of every kind, one credential of each kind).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from provider_registry.system.docs import REDOC_PATH, SPEC_PATH, UI_PATH
from tests.conftest import MakeClient
from tests.portal.test_bola_matrix import ACTORS, MatrixWorld

pytestmark = pytest.mark.integration

SPEC: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "generated" / "openapi.json").read_text()
)
GET_OPERATIONS = sorted(
    (operation["operationId"], path)
    for path, item in SPEC["paths"].items()
    for method, operation in item.items()
    if method == "get"
)
# Differ between any two answers, or are the body's length (present on both, checked below).
VOLATILE = frozenset({"x-request-id", "date", "content-length"})


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in parameter:
        found: dict[str, Any] = SPEC["components"]["parameters"][parameter["$ref"].split("/")[-1]]
        return found
    return parameter


def _path_values(path: str, world: MatrixWorld, operation_id: str) -> dict[str, str]:
    """The world's object for each path parameter; a fresh uuid (or a name) for one it lacks."""
    known = world.path_values(operation_id)
    item = SPEC["paths"][path]
    values = {}
    for parameter in map(
        _parameter, item.get("parameters", []) + item["get"].get("parameters", [])
    ):
        if parameter["in"] != "path":
            continue
        name = parameter["name"]
        fallback = str(uuid.uuid4()) if parameter["schema"].get("format") == "uuid" else "unknown"
        values[name] = known.get(name) or fallback
    return values


def assert_same_answer(head: httpx.Response, get: httpx.Response, what: str) -> None:
    assert head.status_code != 500, f"{what}: HEAD answered 500"
    assert head.status_code == get.status_code, (
        f"{what}: HEAD {head.status_code}, GET {get.status_code}"
    )
    assert head.content == b"", f"{what}: HEAD sent a body: {head.content[:200]!r}"
    head_headers = {k.lower(): v for k, v in head.headers.items()}
    get_headers = {k.lower(): v for k, v in get.headers.items()}
    assert set(head_headers) == set(get_headers), f"{what}: header names differ"
    for name in set(get_headers) - VOLATILE:
        assert head_headers[name] == get_headers[name], f"{what}: {name} differs"


def test_the_walk_covers_the_spec() -> None:
    assert len(GET_OPERATIONS) >= 1
    assert len({operation_id for operation_id, _ in GET_OPERATIONS}) == len(GET_OPERATIONS)


def test_head_answers_as_get_on_every_get_operation(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client()
    world = MatrixWorld(client, database_url)
    unreached = []
    for operation_id, path in GET_OPERATIONS:
        url = path.format(**_path_values(path, world, operation_id))
        allowed: dict[str, str] | None = None
        for actor in ACTORS:
            headers = world.headers[actor]
            get = client.get(url, headers=headers)
            head = client.head(url, headers=headers)
            assert_same_answer(head, get, f"{operation_id} ({url}) as {actor}")
            if allowed is None and 200 <= get.status_code < 300:
                allowed = headers
        if allowed is None:
            unreached.append(operation_id)
            continue
        # Past access control, invalid input (strict: no unknown query parameter) is 400 both ways.
        get = client.get(url, params={"no_such_parameter": "1"}, headers=allowed)
        head = client.head(url, params={"no_such_parameter": "1"}, headers=allowed)
        assert_same_answer(head, get, f"{operation_id} ({url}) with an unknown parameter")
        assert get.status_code == 400, (operation_id, get.status_code, get.text)

    # The walk reached every operation's success answer, not only its refusals.
    assert not unreached, (
        f"no caller got a 2xx from {unreached}: give MatrixWorld.path_values (tests/portal/"
        f"test_bola_matrix.py) the objects their path parameters name"
    )


@pytest.mark.parametrize(
    "path",
    [SPEC_PATH, UI_PATH + "/", UI_PATH + "/initializer.js", REDOC_PATH, "/favicon.ico"],
)
def test_head_on_the_docs_pages(client: Any, path: str) -> None:
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200
    assert_same_answer(head, get, path)


def test_405_lists_head_wherever_get_is_allowed(client: Any) -> None:
    for path in ("/health", "/api/v1/providers"):
        response = client.delete(path)
        assert response.status_code == 405
        allowed = {m.strip() for m in response.headers["allow"].split(",")}
        assert {"GET", "HEAD"} <= allowed, (path, allowed)
