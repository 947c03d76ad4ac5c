"""The naming scheme of api/README.md, checked on the bundled spec, and its deprecated aliases
checked against a real app: each answers like the operation it stands for."""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.catalog.test_catalog import service_body
from tests.portal.test_deployment_telemetry import shell_provider
from tests.portal.world import Tenant
from tests.portal.world import World as PortalWorld
from tests.providers.factories import admin_session, provider_session, register_provider

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "patch")
# The verbs of api/README.md: CRUD, credentials and sessions, then the transitions of the paths.
VERBS = (
    *("list", "get", "create", "update", "replace", "delete", "revoke"),
    *("register", "sign_in", "sign_out", "refresh", "ingest", "report", "verify"),
    *("approve", "reject", "suspend", "reinstate", "publish", "deprecate", "retire"),
    *("accept", "decline", "close", "pay", "ack", "invite", "remove"),
)
OPERATION_ID = re.compile(rf"^(?:{'|'.join(VERBS)})_[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
ALIAS_DESCRIPTION = re.compile(
    r"^Deprecated alias of `(GET|PUT|POST|PATCH|DELETE) (/\S+)` \(operationId `(\w+)`\); "
    r"it will be removed in v2\.$"
)
# What may differ between an alias and its target; everything else must be identical.
ALIAS_OWN_KEYS = {"operationId", "deprecated", "description"}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.spec["operationId"])


def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(BUNDLE.read_text())
    return spec


def _operations() -> dict[str, Operation]:
    return {
        operation["operationId"]: Operation(method, path, operation)
        for path, item in _spec()["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


def _aliases() -> list[tuple[Operation, Operation]]:
    operations = _operations()
    return [
        (operation, operations[operation_id.removesuffix("_legacy")])
        for operation_id, operation in operations.items()
        if operation_id.endswith("_legacy")
    ]


ALIASES = _aliases()


# --- the scheme, on the spec -------------------------------------------------------------------


def test_operation_ids_are_verb_noun() -> None:
    wrong = [
        operation_id
        for operation_id in _operations()
        if not operation_id.endswith("_legacy")
        and (
            not OPERATION_ID.match(operation_id) or re.search(r"(^|_)(admin|my|me)_", operation_id)
        )
    ]
    assert not wrong, f"operationIds outside the verb_noun scheme: {wrong}"


def test_every_alias_is_deprecated_and_points_at_its_target() -> None:
    assert ALIASES, "the spec has deprecated aliases (renamed paths and methods)"
    for alias, target in ALIASES:
        assert alias.spec.get("deprecated") is True, alias.operation_id
        assert not target.spec.get("deprecated"), target.operation_id
        match = ALIAS_DESCRIPTION.match(alias.spec.get("description", ""))
        assert match, f"{alias.operation_id}: description must name its target"
        assert match.groups() == (target.method.upper(), target.path, target.operation_id)
        assert (alias.method, alias.path) != (target.method, target.path)
        own = {key: value for key, value in alias.spec.items() if key not in ALIAS_OWN_KEYS}
        theirs = {key: value for key, value in target.spec.items() if key not in ALIAS_OWN_KEYS}
        assert own == theirs, f"{alias.operation_id} documents something its target does not"


def test_every_deprecated_operation_is_an_alias_or_a_legacy_scheme() -> None:
    deprecated = {op for op, o in _operations().items() if o.spec.get("deprecated")}
    hmac = {"create_hmac_key", "list_hmac_keys", "revoke_hmac_key"}  # deprecated, not renamed
    assert deprecated - hmac == {alias.operation_id for alias, _ in ALIASES}


def test_alias_handlers_are_the_target_functions() -> None:
    for alias, target in ALIASES:
        module = importlib.import_module(alias.spec["x-openapi-router-controller"])
        assert getattr(module, alias.operation_id) is getattr(module, target.operation_id)


def test_component_names_are_deliberate() -> None:
    components = _spec()["components"]
    for kind in ("schemas", "responses"):
        odd = [name for name in components[kind] if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name)]
        assert not odd, f"{kind} that are bundling artifacts, not chosen names: {odd}"


def test_problem_responses_are_shared() -> None:
    # In the bundle a shared response is a $ref into components.responses; an inlined problem
    # response means a path file wrote one out instead of referencing api/responses/.
    for operation_id, operation in _operations().items():
        for status, response in operation.spec["responses"].items():
            if "$ref" not in response:
                assert "application/problem+json" not in response.get("content", {}), (
                    f"{operation_id} {status}: inline problem response"
                )


# --- the aliases, against a real app ----------------------------------------------------------

PRICING = {
    "currency": "EUR",
    "prices": [{"resource": "cpu", "unit": "vcpu", "price": "0.0425", "interval": "hourly"}],
}
CAPACITY = {
    "gpu_model": "NVIDIA A100",
    "gpu_count": 8,
    "gpu_memory_gb": 80,
    "cpu_cores": 128,
    "memory_gb": 1024,
    "storage_gb": 20000,
    "region": "us-west-2",
}


class World:
    """An approved provider and an admin, on a fresh app (and, when a call needs them, a tenant
    with an active deployment on a provider that offers shells)."""

    def __init__(self, client: TestClient, database_url: str) -> None:
        self.client = client
        self.database_url = database_url
        self.admin = admin_session(client, database_url)
        registered = register_provider(client)
        approved = client.post(
            f"/api/v1/admin/providers/{registered['provider']['id']}/approve", headers=self.admin
        )
        assert approved.status_code == 200, approved.text
        self.provider = provider_session(client, registered)
        self.service_count = 0

    def service(self, status: str = "pending_approval") -> str:
        self.service_count += 1
        created = self.client.post(
            "/api/v1/services",
            headers=self.provider,
            json=service_body(name=f"alias-check-{self.service_count}"),
        )
        assert created.status_code == 201, created.text
        service_id: str = created.json()["id"]
        if status == "active":
            published = self.client.post(
                f"/api/v1/services/{service_id}/publish", headers=self.admin
            )
            assert published.status_code == 200, published.text
        return service_id

    def api_key(self) -> str:
        created = self.client.post(
            "/api/v1/provider/api-keys", headers=self.provider, json={"name": "spare"}
        )
        assert created.status_code == 201, created.text
        key_id: str = created.json()["api_key"]["id"]
        return key_id

    @functools.cached_property
    def portal(self) -> PortalWorld:
        return PortalWorld(self.client, self.database_url)

    @functools.cached_property
    def _tenant(self) -> Tenant:
        return self.portal.tenant()

    @property
    def tenant(self) -> dict[str, str]:
        return self._tenant.headers

    def deployment(self) -> str:
        """An active deployment of the tenant's, on a provider with a shell endpoint."""
        return self.portal.insert_deployment(self._tenant, shell_provider(self.portal))


@dataclass(frozen=True)
class Call:
    """How to call an operation once: who, with which body, and the path parameters (made fresh
    for every call, since a call may change what it acts on)."""

    who: str
    body: dict[str, Any] | None = None
    params: Callable[[World], dict[str, str]] = lambda world: {}


CALLS: dict[str, Call] = {
    "get_provider_profile": Call("provider"),
    "update_provider_profile": Call("provider", {"organization": "Renamed Ltd"}),
    "replace_provider_pricing": Call("provider", PRICING),
    "replace_provider_capacity": Call("provider", CAPACITY),
    "list_provider_api_keys": Call("provider"),
    "create_provider_api_key": Call("provider", {"name": "another", "scopes": ["services:read"]}),
    "revoke_provider_api_key": Call("provider", params=lambda w: {"key_id": w.api_key()}),
    "list_provider_services": Call("provider"),
    "publish_service": Call("admin", params=lambda w: {"service_id": w.service()}),
    "deprecate_service": Call("provider", params=lambda w: {"service_id": w.service("active")}),
    "suspend_service": Call(
        "admin", {"reason": "Under review"}, params=lambda w: {"service_id": w.service()}
    ),
    "retire_service": Call("provider", params=lambda w: {"service_id": w.service("active")}),
    "create_shell_session": Call("tenant", {}, params=lambda w: {"deployment_id": w.deployment()}),
}


def _call(world: World, operation: Operation, call: Call) -> tuple[int, Any]:
    path = operation.path.format(**call.params(world))
    headers = getattr(world, call.who)
    kwargs: dict[str, Any] = {"headers": headers}
    if call.body is not None:
        kwargs["json"] = call.body
    response = world.client.request(operation.method.upper(), path, **kwargs)
    body = response.json() if response.content else None
    return response.status_code, body


def _shape(body: Any) -> Any:
    """What must agree: the keys of an object and the values that say what happened."""
    if not isinstance(body, dict):
        return body
    return {key: body[key] if key in ("status", "organization") else ... for key in body}


def test_every_alias_has_a_call() -> None:
    assert {target.operation_id for _, target in ALIASES} == set(CALLS)


@pytest.mark.integration
def test_aliases_answer_like_their_targets(client: TestClient, database_url: str) -> None:
    world = World(client, database_url)
    for alias, target in ALIASES:
        call = CALLS[target.operation_id]
        expected = _call(world, target, call)
        assert 200 <= expected[0] < 300, (target.operation_id, expected)
        got = _call(world, alias, call)
        assert got[0] == expected[0], (alias.operation_id, got, expected)
        assert _shape(got[1]) == _shape(expected[1]), alias.operation_id
