"""What Swagger UI pre-fills works when someone presses Execute: every request example in the
bundled spec, sent as it stands (only the ids the server handed out substituted, as a person
would paste them) to a fresh server, in the order a person would go, answers 2xx.

The order is STORY below: (method, path) -> who sends it, which path parameters it needs and which
ids it yields. Operations are looked up by method and path; a step whose path became a deprecated
alias follows the alias to its target (the alias's description names it), so renames need no edit
here. Every non-deprecated operation with a request body must be in the story.

Ids inside example bodies (`provider_id`, `deployment_id`, tokens, API keys) are the example ids of
the spec's consistent story; the test learns which real value each stands for from the responses
(the response example next to the real response) and substitutes it, as a person pastes the id
they got back. Values that must be unique are realistic in the examples (`ada@example.com`); the
one step that needs a second registration sends the example with every email plus-addressed
(`ada+2@example.com`): the documented convention (see the spec's info.description)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.examples.spec import Operation, is_json, operations, prefilled
from tests.providers.factories import admin_session

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Step:
    method: str
    path: str
    party: str  # whose story it is: "ada" (a tenant), "provider", "admin"
    signed_in: bool = True  # send the party's credentials
    save: dict[str, str] = field(default_factory=dict)  # path parameter -> dotted response field
    params: dict[str, str] = field(default_factory=dict)  # path parameter -> saved name
    vary: bool = False  # send the example with every email plus-addressed (a second registration)
    learn: bool = True  # learn example id -> real id from the answer
    expect: dict[str, Any] = field(default_factory=dict)  # fields the answer must have


STORY: list[Step] = [
    # A tenant registers, signs in (JSON and form), refreshes, makes keys.
    Step("post", "/api/v1/auth/register", "ada", signed_in=False),
    Step("post", "/api/v1/auth/login", "ada", signed_in=False),
    Step("post", "/api/v1/auth/refresh", "ada", signed_in=False),
    Step("post", "/api/v1/auth/api-keys", "ada"),
    Step("post", "/api/v1/auth/hmac-keys", "ada"),
    # A provider registers, signs in with its key, an admin approves it, it completes its profile.
    Step(
        "post",
        "/api/v1/registration/register",
        "provider",
        signed_in=False,
        save={"provider_id": "provider.id"},
    ),
    Step("post", "/api/v1/registration/auth", "provider", signed_in=False),
    Step("post", "/api/v1/registration/refresh", "provider", signed_in=False),
    Step("post", "/api/v1/admin/providers/{provider_id}/approve", "admin"),
    Step("patch", "/api/v1/registration/profile", "provider"),
    Step("put", "/api/v1/registration/pricing", "provider"),
    Step("put", "/api/v1/registration/capacity", "provider"),
    Step("post", "/api/v1/registration/api-keys", "provider"),
    # It publishes a service.
    Step("post", "/api/v1/services", "provider", save={"service_id": "id"}),
    Step("patch", "/api/v1/services/{service_id}", "provider"),
    Step("put", "/api/v1/services/{service_id}/publish", "provider"),
    # The tenant makes an organization, invites a colleague, deploys on the provider.
    Step("post", "/api/v1/organizations", "ada", save={"organization_id": "id"}),
    Step("post", "/api/v1/organizations/{organization_id}/members", "ada"),
    Step("post", "/api/v1/deployments", "ada", save={"deployment_id": "id"}),
    # The provider runs it: accepts, reports status, logs and metrics.
    Step("post", "/api/v1/provider/deployments/{deployment_id}/accept", "provider"),
    Step("put", "/api/v1/provider/deployments/{deployment_id}/status", "provider"),
    Step("post", "/api/v1/provider/deployments/{deployment_id}/logs", "provider"),
    Step("post", "/api/v1/provider/deployments/{deployment_id}/metrics", "provider"),
    # The tenant restarts it and opens a shell; the provider acknowledges and checks the token.
    Step("post", "/api/v1/deployments/{deployment_id}/actions", "ada", save={"action_id": "id"}),
    Step(
        "post", "/api/v1/provider/deployments/{deployment_id}/actions/{action_id}/ack", "provider"
    ),
    Step("post", "/api/v1/deployments/{deployment_id}/shell-sessions", "ada"),
    Step("post", "/api/v1/provider/shell-sessions/verify", "provider", expect={"valid": True}),
    # A support ticket: the tenant opens it, the provider answers and takes it on.
    Step("post", "/api/v1/tickets", "ada", save={"ticket_id": "id"}),
    Step("post", "/api/v1/tickets/{ticket_id}/comments", "provider"),
    Step("patch", "/api/v1/tickets/{ticket_id}", "provider"),
    # Admins step in: suspend the service and the provider; reject a second registration.
    Step("put", "/api/v1/services/{service_id}/suspend", "admin"),
    Step("post", "/api/v1/admin/providers/{provider_id}/suspend", "admin"),
    Step(
        "post",
        "/api/v1/registration/register",
        "provider",
        signed_in=False,
        vary=True,
        learn=False,
        save={"pending_provider_id": "provider.id"},
    ),
    Step(
        "post",
        "/api/v1/admin/providers/{provider_id}/reject",
        "admin",
        params={"provider_id": "pending_provider_id"},
    ),
    # The tenant signs out.
    Step("post", "/api/v1/auth/logout", "ada", signed_in=False),
]

# Values in examples that stand for something the server hands out.
_LEARNABLE = re.compile(
    r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|eyJ[\w.-]+|p[rp]k_\w+)$"
)
_ALIAS = re.compile(r"Deprecated alias of `(\w+) ([^`]+)`")


def _find(index: dict[tuple[str, str], Operation], method: str, path: str) -> Operation:
    """The operation at ``method path``, following a deprecated alias to its target."""
    operation = index.get((method, path))
    assert operation is not None, f"the story's {method.upper()} {path} is not in the spec"
    seen = {(method, path)}
    while operation.operation.get("deprecated"):
        match = _ALIAS.search(operation.operation.get("description", ""))
        if match is None:
            break
        target = (match.group(1).lower(), match.group(2))
        assert target not in seen, f"{operation}: aliases go round in a circle"
        assert target in index, f"{operation}: alias of {target}, which is not in the spec"
        seen.add(target)
        operation = index[target]
    return operation


def _learn(example: Any, actual: Any, into: dict[str, str]) -> None:
    if isinstance(example, dict) and isinstance(actual, dict):
        for key, value in example.items():
            if key in actual:
                _learn(value, actual[key], into)
    elif isinstance(example, list) and isinstance(actual, list):
        for item, real in zip(example, actual, strict=False):
            _learn(item, real, into)
    elif isinstance(example, str) and isinstance(actual, str) and _LEARNABLE.match(example):
        into[example] = actual


def _substitute(example: Any, known: dict[str, str]) -> Any:
    if isinstance(example, dict):
        return {key: _substitute(value, known) for key, value in example.items()}
    if isinstance(example, list):
        return [_substitute(item, known) for item in example]
    if isinstance(example, str):
        return known.get(example, example)
    return example


def _vary(example: Any) -> Any:
    """The placeholder convention: every email plus-addressed (``ada@example.com`` ->
    ``ada+2@example.com``), for a second registration from the same example."""
    if isinstance(example, dict):
        return {key: _vary(value) for key, value in example.items()}
    if isinstance(example, list):
        return [_vary(item) for item in example]
    if isinstance(example, str) and re.fullmatch(r"[^@\s+]+@[^@\s]+", example):
        local, domain = example.split("@")
        return f"{local}+2@{domain}"
    return example


def _dotted(body: Any, path: str) -> str:
    for part in path.split("."):
        body = body[part]
    assert isinstance(body, str)
    return body


@dataclass
class Party:
    headers: dict[str, str] = field(default_factory=dict)
    known: dict[str, str] = field(default_factory=dict)


def test_every_request_example_succeeds_in_story_order(client: TestClient, clean_db: str) -> None:
    index = {(op.method, op.path): op for op in operations()}
    story = [(step, _find(index, step.method, step.path)) for step in STORY]

    with_body = {
        (op.method, op.path)
        for op in index.values()
        if op.operation.get("requestBody") and not op.operation.get("deprecated")
    }
    told = {(op.method, op.path) for _, op in story}
    assert not with_body - told, (
        f"operations with a request body missing from STORY: {sorted(with_body - told)}"
    )

    parties = {"ada": Party(), "provider": Party(), "admin": Party(admin_session(client, clean_db))}
    everyone: dict[str, str] = {}  # ids learned by anyone (a deployment id is the provider's too)
    saved: dict[str, str] = {}
    failures: list[str] = []
    sent = 0

    for step, operation in story:
        party = parties[step.party]
        known = {**everyone, **party.known}
        url = operation.path
        missing = [
            name
            for name in re.findall(r"\{(\w+)\}", url)
            if step.params.get(name, name) not in saved
        ]
        if missing:
            failures.append(f"{operation}: not sent, no {missing} from an earlier step")
            continue
        for name in re.findall(r"\{(\w+)\}", url):
            url = url.replace("{" + name + "}", saved[step.params.get(name, name)])
        body = operation.operation.get("requestBody", {}).get("content", {})
        media = list(body.items()) or [(None, {})]
        for media_type, content in media:
            kwargs: dict[str, Any] = {"headers": dict(party.headers) if step.signed_in else {}}
            if media_type is not None:
                found, example = prefilled(content)
                assert found, f"{operation}: no example for {media_type}"
                example = _substitute(_vary(example) if step.vary else example, known)
                if is_json(media_type):
                    kwargs["json"] = example
                else:
                    kwargs["data"] = example
                sent += 1
            response = client.request(step.method.upper(), url, **kwargs)
            label = f"{operation} [{media_type or 'no body'}]"
            if not 200 <= response.status_code < 300:
                failures.append(f"{label}: {response.status_code} {response.text}")
                continue
            if not response.content or "json" not in response.headers.get("content-type", ""):
                continue
            answer = response.json()
            for name, value in step.expect.items():
                if answer.get(name) != value:
                    failures.append(f"{label}: {name} is {answer.get(name)!r}, not {value!r}")
            if step.learn:
                declared = operation.operation["responses"].get(str(response.status_code), {})
                for answer_type, answer_media in (declared.get("content") or {}).items():
                    found, answer_example = prefilled(answer_media)
                    if found and is_json(answer_type):
                        _learn(answer_example, answer, party.known)
                        _learn(answer_example, answer, everyone)
            for name, dotted in step.save.items():
                saved[name] = _dotted(answer, dotted)
            if isinstance(answer, dict) and "access_token" in answer:
                party.headers = {"Authorization": f"Bearer {answer['access_token']}"}

    assert not failures, "\n".join(failures)
    assert sent >= len(with_body)


def test_a_step_on_a_deprecated_alias_runs_its_target() -> None:
    def op(method: str, path: str, **extra: Any) -> Operation:
        return Operation(method, path, {"operationId": f"{method}_{path}", **extra})

    target = op("post", "/api/v1/services/{service_id}/publish")
    alias = op(
        "put",
        "/api/v1/services/{service_id}/publish",
        deprecated=True,
        description="Deprecated alias of `POST /api/v1/services/{service_id}/publish` "
        "(operationId `publish_service`); it will be removed in v2.",
    )
    index = {(o.method, o.path): o for o in (target, alias)}
    assert _find(index, "put", "/api/v1/services/{service_id}/publish") is target
    assert _find(index, "post", "/api/v1/services/{service_id}/publish") is target
    with pytest.raises(AssertionError):
        _find(index, "get", "/api/v1/services/{service_id}/publish")


def test_ids_learned_from_answers_replace_example_ids_and_emails_vary() -> None:
    known: dict[str, str] = {}
    example = {"provider": {"id": "3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70", "name": "ACME"}}
    real = {"provider": {"id": "00000000-0000-4000-8000-000000000001", "name": "ACME"}}
    _learn(example, real, known)
    assert known == {"3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70": "00000000-0000-4000-8000-000000000001"}
    body = {"provider_id": "3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70", "name": "x"}
    assert _substitute(body, known)["provider_id"] == "00000000-0000-4000-8000-000000000001"
    assert _vary({"email": "ops@acme-compute.example", "n": ["ada@example.com"]}) == {
        "email": "ops+2@acme-compute.example",
        "n": ["ada+2@example.com"],
    }
