"""Every example in the bundled spec matches its schema, validated the way the server validates
(Connexion's Draft 4 validators with OpenAPI's `nullable`, `readOnly` refused in requests and
`writeOnly` in responses, our `uuid` format check); every request body and every 2xx JSON
response has an example Swagger UI and Redoc can show instead of a synthesized one; and every
error response has its own example, one that matches its status (a 401 example is a 401)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from connexion.json_schema import Draft4ResponseValidator

from provider_registry.kit.validation import FORMAT_CHECKER, RequestValidator
from tests.examples.spec import is_json, operations, prefilled, resolve, spec

pytestmark = pytest.mark.unit

# RFC 9110 renamed two reason phrases; the server uses either spelling.
TITLES = {
    413: {"Payload Too Large", "Content Too Large"},
    422: {"Unprocessable Entity", "Unprocessable Content"},
}


def _errors(schema: dict[str, Any], example: Any, context: str) -> list[str]:
    cls = RequestValidator if context == "request" else Draft4ResponseValidator
    validator = cls(resolve(schema), format_checker=FORMAT_CHECKER)
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
        for error in validator.iter_errors(example)
    ]


def _component_refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _component_refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _component_refs(item)


def _reachable(roots: list[Any]) -> set[str]:
    schemas = spec()["components"]["schemas"]
    found: set[str] = set()
    todo = [name for root in roots for name in _component_refs(root)]
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(_component_refs(schemas[name]))
    return found


def _contexts() -> dict[str, set[str]]:
    """Which component schemas requests use, and which responses use (some both)."""
    requests: list[Any] = []
    responses: list[Any] = []
    for item in spec()["paths"].values():
        for key, operation in item.items():
            if not isinstance(operation, dict):
                continue
            if key == "parameters":
                requests.append(operation)
                continue
            requests.append(operation.get("parameters", []))
            requests.append(operation.get("requestBody", {}))
            responses.append(operation.get("responses", {}))
    components = spec()["components"]
    requests.append(components.get("parameters", {}))
    requests.append(components.get("requestBodies", {}))
    responses.append(components.get("responses", {}))
    used = {"request": _reachable(requests), "response": _reachable(responses)}
    for name in components["schemas"]:  # unused ones still get checked
        if name not in used["request"] and name not in used["response"]:
            used["response"].add(name)
    return used


def _schema_examples(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example) for ``node`` and every schema nested in it (not through $ref)."""
    if not isinstance(node, dict) or "$ref" in node:
        return
    if "example" in node:
        yield where, node, node["example"]
    for name, child in (node.get("properties") or {}).items():
        yield from _schema_examples(child, f"{where}/properties/{name}")
    for key in ("items", "additionalProperties", "not"):
        if isinstance(node.get(key), dict):
            yield from _schema_examples(node[key], f"{where}/{key}")
    for key in ("allOf", "anyOf", "oneOf"):
        for index, child in enumerate(node.get(key) or []):
            yield from _schema_examples(child, f"{where}/{key}/{index}")


def _media_examples(media: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    if "example" in media:
        yield "example", media["example"]
    for name, entry in (media.get("examples") or {}).items():
        entry = resolve(entry)
        if "value" in entry:
            yield f"examples/{name}", entry["value"]


def _all_examples() -> Iterator[tuple[str, dict[str, Any], Any, str]]:
    """(where, schema, example, context) for every example in the bundled spec."""
    contexts = _contexts()
    for name, schema in spec()["components"]["schemas"].items():
        for context in ("request", "response"):
            if name in contexts[context]:
                for where, node, example in _schema_examples(
                    schema, f"#/components/schemas/{name}"
                ):
                    yield where, node, example, context
    for operation in operations():
        raw = spec()["paths"][operation.path][operation.method]
        for parameter in operation.operation.get("parameters", []):
            where = f"{operation} parameter {parameter['name']}"
            schema = parameter.get("schema", {})
            for label, example in _media_examples(parameter):
                yield f"{where} {label}", schema, example, "request"
            for media_type, media in (parameter.get("content") or {}).items():
                for label, example in _media_examples(media):
                    yield (
                        f"{where} {media_type} {label}",
                        media.get("schema", {}),
                        example,
                        "request",
                    )
        body = operation.operation.get("requestBody", {})
        for media_type, media in (body.get("content") or {}).items():
            schema = media.get("schema", {})
            for label, example in _media_examples(media):
                yield f"{operation} request {media_type} {label}", schema, example, "request"
            raw_schema = (
                raw.get("requestBody", {}).get("content", {}).get(media_type, {}).get("schema")
            )
            for where, node, example in _schema_examples(raw_schema, f"{operation} request schema"):
                yield where, node, example, "request"
        for status, response in operation.operation.get("responses", {}).items():
            for media_type, media in (response.get("content") or {}).items():
                schema = media.get("schema", {})
                for label, example in _media_examples(media):
                    yield f"{operation} {status} {media_type} {label}", schema, example, "response"


def test_every_example_matches_its_schema() -> None:
    failures: dict[str, list[str]] = {}
    seen: set[str] = set()
    checked = 0
    for where, schema, example, context in _all_examples():
        key = json.dumps([resolve(schema), example, context], sort_keys=True)
        if key in seen:
            continue
        seen.add(key)
        checked += 1
        if errors := _errors(schema, example, context):
            failures[f"{where} ({context})"] = errors
    assert checked > 100, f"only {checked} examples found: is the bundle the right file?"
    assert not failures, json.dumps(failures, indent=2)


def test_the_checker_refuses_an_example_that_breaks_its_schema() -> None:
    # The check above can fail: a wrong type, an unknown field and a null where none is allowed.
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "n": {"type": "string", "nullable": True},
        },
    }
    assert _errors(schema, {"id": "not-a-uuid", "extra": 1}, "request")
    assert not _errors(
        schema, {"id": "5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f", "n": None}, "response"
    )
    assert _errors({"type": "string"}, None, "response")


def test_every_request_body_and_2xx_json_response_has_an_example() -> None:
    missing: list[str] = []
    for operation in operations():
        body = operation.operation.get("requestBody", {})
        for media_type, media in (body.get("content") or {}).items():
            if not prefilled(media)[0]:
                missing.append(f"{operation} request body {media_type}")
        for status, response in operation.operation.get("responses", {}).items():
            if not status.startswith("2"):
                continue
            for media_type, media in (response.get("content") or {}).items():
                if is_json(media_type) and not prefilled(media)[0]:
                    missing.append(f"{operation} {status} {media_type}")
    assert not missing, "\n".join(missing)


def _error_status(status: str) -> bool:
    return status == "default" or status[0] in "45"


def _problems_of(example: Any, status: str, description: str) -> list[str]:
    if not isinstance(example, dict):
        return ["is not an object"]
    problems = []
    number = example.get("status")
    if status == "default":
        if not isinstance(number, int) or number < 400:
            problems.append(f"status {number!r} is not an error status")
    elif number != int(status):
        problems.append(f"status {number!r} in a {status} response")
    if isinstance(number, int) and number >= 400:
        titles = TITLES.get(number, {HTTPStatus(number).phrase})
        if example.get("title") not in titles:
            problems.append(f"title {example.get('title')!r} for status {number} (want {titles})")
    code = example.get("code")
    if isinstance(code, str):
        want_type = "urn:problem:provider-registry:" + code.lower().replace("_", "-")
        if example.get("type") != want_type:
            problems.append(f"type {example.get('type')!r} for code {code} (want {want_type})")
        named = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", description))
        if named and code not in named:
            problems.append(f"code {code} is not one the description names ({sorted(named)})")
    else:
        problems.append("no code")
    return problems


def test_every_error_response_has_its_own_example_with_its_status() -> None:
    """An error response's example is its own (the media type's, not the shared Problem schema's)
    and says the response's status, the status's title, and a code the response lists."""
    failures: list[str] = []
    checked = 0
    for operation in operations():
        for status, response in operation.operation.get("responses", {}).items():
            if not _error_status(status):
                continue
            for media_type, media in (response.get("content") or {}).items():
                if not is_json(media_type):
                    continue
                checked += 1
                own = list(_media_examples(media))
                if not own:
                    failures.append(f"{operation} {status} {media_type}: no example of its own")
                    continue
                if media_type.startswith("application/problem+json"):
                    for label, example in own:
                        for problem in _problems_of(
                            example, status, response.get("description", "")
                        ):
                            failures.append(f"{operation} {status} {label}: {problem}")
    assert checked > 100
    assert not failures, "\n".join(failures)


def test_the_problem_check_refuses_a_400_example_on_a_401() -> None:
    example = {
        "type": "urn:problem:provider-registry:validation-error",
        "title": "Bad Request",
        "status": 400,
        "code": "VALIDATION_ERROR",
    }
    assert _problems_of(example, "401", "No credentials (code `UNAUTHENTICATED`).")
    assert not _problems_of(example, "400", "Invalid (code `VALIDATION_ERROR`).")


# Properties an example leaves out on purpose (schema.path -> why); everything else is shown. The
# names after the naming scheme of api/README.md are listed too, so the rename needs no edit here.
_WHY = {
    "Principal.account": "the example is a provider principal; `account` is for accounts only",
    "{}.provider.pricing": "a provider has no prices when it registers",
    "{}.provider.capacity": "a provider has no capacity when it registers",
    "DeploymentStatusReport.state": "`closed` would end the lease the rest of the story uses",
    "{}.account_id": "exactly one of `account_id` and `email`",
    "{}.reason": "only an invalid token has a reason",
}
_NAMES = {
    "{}.provider.pricing": ("ProviderRegistered", "ProviderCreated"),
    "{}.provider.capacity": ("ProviderRegistered", "ProviderCreated"),
    "{}.account_id": ("OrganizationMemberAdd", "OrganizationInvitationCreate"),
    "{}.reason": ("ShellTokenVerdict", "ShellSessionVerdict"),
}
LEFT_OUT = {key.format(name): why for key, why in _WHY.items() for name in _NAMES.get(key, ("",))}


def _properties(schema: dict[str, Any]) -> dict[str, Any]:
    found = dict(schema.get("properties") or {})
    for part in schema.get("allOf") or []:
        found.update(_properties(part))
    return found


def _left_out(schema: dict[str, Any], example: Any, where: str) -> Iterator[str]:
    if isinstance(example, dict):
        for name, child in _properties(schema).items():
            if name not in example:
                yield f"{where}.{name}"
            else:
                yield from _left_out(child, example[name], f"{where}.{name}")
    elif isinstance(example, list) and isinstance(schema.get("items"), dict):
        for item in example:
            yield from _left_out(schema["items"], item, f"{where}[]")


def test_component_examples_show_every_property() -> None:
    """Complete examples: each schema-level example has every property its schema declares, at
    every depth, except the few LEFT_OUT says why."""
    gaps: set[str] = set()
    for name, schema in spec()["components"]["schemas"].items():
        if "example" in schema:
            gaps.update(_left_out(resolve(schema), schema["example"], name))
    assert gaps, "nothing is left out any more: shrink LEFT_OUT"
    assert gaps <= set(LEFT_OUT), f"examples leave out: {sorted(gaps - set(LEFT_OUT))}"
