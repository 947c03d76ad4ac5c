"""API3 (broken object property level authorization): a request body has one meaning.

The validator and the handler must read the same bytes the same way, and a handler must act on
the very object the validator checked; otherwise a body can pass validation with one meaning and
set properties (a service's ``status``) the schema forbids with another.
"""

from __future__ import annotations

import base64
import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.app import index_spec
from provider_registry.kit import validation
from tests.catalog.test_catalog import service_body
from tests.conftest import problem
from tests.identity.helpers import signed_in
from tests.portal.world import World

pytestmark = pytest.mark.integration

SERVICES = "/api/v1/services"
API_DIR = Path(__file__).resolve().parents[2] / "api"


def _utf7(text: str) -> str:
    """``text`` as one UTF-7 shifted sequence: plain ASCII to a UTF-8 reader, and no quote."""
    encoded = base64.b64encode(text.encode("utf-16-be")).decode("ascii").rstrip("=")
    return f"+{encoded}-"


def smuggling_update() -> bytes:
    """A ServiceUpdate that is valid JSON in UTF-7 and in UTF-8, with two meanings.

    Read as UTF-7 (the declared charset), ``status`` sits inside a capability's free-form
    ``parameters`` object, which the schema allows. Read as UTF-8, ``status`` is a top-level
    property, which the closed ServiceUpdate schema forbids."""
    return (
        '{"capabilities":[{"name":"x","parameters":{"p":"'
        + _utf7('x","q":[{"r":{"s":"y')
        + '"}}],"status":"active","description":"'
        + _utf7('d"}}],"description":"e')
        + '"}'
    ).encode("ascii")


def test_the_smuggling_body_really_has_two_meanings() -> None:
    raw = smuggling_update()
    as_declared = json.loads(raw.decode("utf-7"))
    as_utf8 = json.loads(raw.decode("utf-8"))
    assert "status" not in as_declared
    assert as_declared["capabilities"][0]["parameters"]["status"] == "active"
    assert as_utf8["status"] == "active"


@pytest.fixture
def world(client: TestClient, clean_db: str) -> World:
    return World(client, clean_db)


def _pending_service(client: TestClient, world: World) -> tuple[dict[str, Any], dict[str, str]]:
    provider = world.provider()
    response = client.post(SERVICES, json=service_body(), headers=provider.headers)
    assert response.status_code == 201, response.text
    return response.json(), provider.headers


def test_a_body_read_in_another_charset_cannot_set_a_forbidden_property(
    client: TestClient, world: World
) -> None:
    created, headers = _pending_service(client, world)
    response = client.patch(
        f"{SERVICES}/{created['id']}",
        content=smuggling_update(),
        headers={**headers, "Content-Type": "application/json;charset=utf-7"},
    )
    problem(response, 415, "UNSUPPORTED_CHARSET")
    current = client.get(f"{SERVICES}/{created['id']}", headers=headers).json()
    assert current["status"] == "pending_approval"


NOT_UTF8 = ["utf-7", "UTF-16", "utf-16-le", "utf-32", "latin-1", "cp1252"]
SPELLINGS = [
    "application/json;charset={}",
    "application/json; charset={}",
    'application/json; Charset="{}"',
    "APPLICATION/JSON;CHARSET={}",
]


@pytest.mark.parametrize(
    ("charset", "template"),
    [(charset, SPELLINGS[0]) for charset in NOT_UTF8]
    + [("utf-16", template) for template in SPELLINGS[1:]],
)
def test_json_bodies_in_any_charset_but_utf8_are_415(
    client: TestClient, charset: str, template: str
) -> None:
    _, headers = signed_in(client)
    response = client.post(
        "/api/v1/organizations",
        content=json.dumps({"name": "Acme in another charset"}).encode(charset.lower()),
        headers={**headers, "Content-Type": template.format(charset)},
    )
    problem(response, 415, "UNSUPPORTED_CHARSET")
    assert client.get("/api/v1/organizations", headers=headers).json()["items"] == []


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "application/json;charset=utf-8",
        "application/json; charset=UTF-8",
        'application/json; charset="utf-8"',
        "Application/JSON; Charset=utf8",
    ],
)
def test_utf8_json_is_accepted_however_it_is_spelled(client: TestClient, content_type: str) -> None:
    _, headers = signed_in(client)
    response = client.post(
        "/api/v1/organizations",
        content=json.dumps({"name": "Acme ünïcode"}).encode("utf-8"),
        headers={**headers, "Content-Type": content_type},
    )
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "Acme ünïcode"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_a_body_in_another_encoding_without_a_charset_is_not_reinterpreted(
    client: TestClient, world: World, codec: str
) -> None:
    """Python's json.loads(bytes) sniffs UTF-16/32 and skips a BOM; the validator does not, so a
    handler that re-parsed the raw bytes would see what the validator refused."""
    created, headers = _pending_service(client, world)
    body = json.dumps({"description": "changed", "status": "active"}).encode(codec)
    response = client.patch(
        f"{SERVICES}/{created['id']}",
        content=body,
        headers={**headers, "Content-Type": "application/json"},
    )
    problem(response, 400, "MALFORMED_BODY")
    current = client.get(f"{SERVICES}/{created['id']}", headers=headers).json()
    assert current["status"] == "pending_approval"
    assert current["description"] == created["description"]


def test_the_handler_acts_on_the_object_the_validator_checked(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Make the validator's reading differ from the bytes: the handler follows the validator."""
    original = validation.JSONBodyValidator._parse

    async def parse(self: Any, stream: Any, scope: Any) -> Any:
        parsed = await original(self, stream, scope)
        if isinstance(parsed, dict) and parsed.get("name") == "from the wire":
            parsed["name"] = "from the validator"
        return parsed

    monkeypatch.setattr(validation.JSONBodyValidator, "_parse", parse)
    _, headers = signed_in(client)
    response = client.post("/api/v1/organizations", json={"name": "from the wire"}, headers=headers)
    assert response.status_code == 201, response.text
    assert response.json()["name"] == "from the validator"


def test_a_form_body_has_one_reading_too(client: TestClient) -> None:
    """A repeated form field has no one meaning (the validator joined the copies, the handler
    took the first): it is refused, whichever copy is the right password."""
    account, _ = signed_in(client)
    right, wrong = "a+sufficiently+long+password", "wrong-password-xxxx"
    for first, second in ((wrong, right), (right, wrong)):
        form = f"username={account['email']}&password={first}&password={second}"
        response = client.post(
            "/api/v1/auth/login",
            content=form.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        body = problem(response, 400, "VALIDATION_ERROR")
        assert body["errors"] == [
            {"field": "password", "message": "is given more than once", "code": "DUPLICATE_FIELD"}
        ]
    single = f"username={account['email']}&password={right}&grant_type=password"
    response = client.post(
        "/api/v1/auth/login",
        content=single.encode(),
        headers={"Content-Type": "Application/X-WWW-Form-URLEncoded"},
    )
    assert response.status_code == 200, response.text


def test_no_handler_takes_a_raw_body() -> None:
    """Every operation reads its body through the kit (the validated object, as its model)."""
    offenders = []
    for key in index_spec(API_DIR / "openapi.yaml").templates:
        module_name, _, function_name = key.rpartition(".")
        function = getattr(importlib.import_module(module_name), function_name)
        if "body" in inspect.signature(function).parameters:
            offenders.append(key)
    assert offenders == []
