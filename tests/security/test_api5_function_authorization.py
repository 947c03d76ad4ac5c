"""OWASP API5, broken function level authorization: every operation that is not public names the
scope it needs, and a credential can never do more than its scopes, nor mint a wider one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.identity.scopes import ROLE_SCOPES, SCOPES
from tests.conftest import problem
from tests.identity.helpers import create_key, signed_in
from tests.providers.factories import admin_session, provider_session, register_provider

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")
WRITES = ("put", "post", "delete", "patch")

ME = "/api/v1/auth/me"
PROFILE = "/api/v1/provider/profile"
PROVIDER_KEYS = "/api/v1/provider/api-keys"
ACCOUNT_KEYS = "/api/v1/auth/api-keys"
PRICING = {
    "currency": "EUR",
    "prices": [{"resource": "cpu", "unit": "vcpu", "price": "0.04", "interval": "hourly"}],
}
CAPACITY = {"cpu_cores": 8, "memory_gb": 32, "storage_gb": 100, "region": "us-west-2"}


def _operations() -> list[tuple[str, str, dict[str, Any]]]:
    spec = yaml.safe_load(BUNDLE.read_text())
    return [
        (method, path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


@pytest.mark.unit
def test_every_operation_that_is_not_public_names_a_scope() -> None:
    unscoped = [
        f"{method.upper()} {path}"
        for method, path, operation in _operations()
        if not operation["x-access"].get("public") and not operation["x-access"].get("scopes")
    ]
    writes = [entry for entry in unscoped if entry.split()[0].lower() in WRITES]
    assert writes == [], "write operations without a scope"
    assert unscoped == [], "read operations without a scope"


@pytest.mark.unit
def test_every_scope_an_operation_names_is_held_by_some_role_that_may_call_it() -> None:
    for method, path, operation in _operations():
        rule = operation["x-access"]
        if rule.get("public"):
            continue
        roles = rule.get("roles") or list(ROLE_SCOPES)
        assert any(set(rule["scopes"]) <= ROLE_SCOPES[role] for role in roles), (
            f"{method.upper()} {path}: no role holds {rule['scopes']}"
        )
        assert set(rule["scopes"]) <= set(SCOPES)


def _key_headers(key: str) -> dict[str, str]:
    return {"X-API-Key": key}


def _provider_key(client: TestClient, session: dict[str, str], scopes: list[str]) -> str:
    response = client.post(
        PROVIDER_KEYS, headers=session, json={"name": "narrow", "scopes": scopes}
    )
    assert response.status_code == 201, response.text
    key: str = response.json()["key"]
    return key


@pytest.mark.integration
def test_a_narrow_provider_key_cannot_mint_a_wider_key(client: TestClient) -> None:
    registered = register_provider(client)
    session = provider_session(client, registered)
    read_only = _key_headers(_provider_key(client, session, ["services:read"]))

    # Minting needs keys:write, whatever scopes are asked for (or none: "all of mine").
    for body in (
        {"name": "escalate", "scopes": ["services:read"]},
        {"name": "escalate"},
        {"name": "escalate", "scopes": sorted(ROLE_SCOPES["provider"])},
    ):
        problem(client.post(PROVIDER_KEYS, headers=read_only, json=body), 403, "FORBIDDEN")
    problem(client.get(PROVIDER_KEYS, headers=read_only), 403, "FORBIDDEN")

    # With keys:write, only a subset of the caller's own current scopes.
    minter = _key_headers(_provider_key(client, session, ["keys:write", "services:read"]))
    wider = client.post(
        PROVIDER_KEYS, headers=minter, json={"name": "wider", "scopes": ["services:write"]}
    )
    body = problem(wider, 403, "SCOPE_NOT_ALLOWED")
    assert [issue["field"] for issue in body["errors"]] == ["scopes"]
    narrower = client.post(
        PROVIDER_KEYS, headers=minter, json={"name": "ok", "scopes": ["services:read"]}
    )
    assert narrower.status_code == 201, narrower.text
    assert narrower.json()["api_key"]["scopes"] == ["services:read"]
    default = client.post(PROVIDER_KEYS, headers=minter, json={"name": "same as mine"})
    assert default.status_code == 201, default.text
    assert default.json()["api_key"]["scopes"] == ["keys:write", "services:read"]


@pytest.mark.integration
def test_a_narrow_provider_key_cannot_touch_the_profile_prices_capacity_or_keys(
    client: TestClient, database_url: str
) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    admin = admin_session(client, database_url)
    approved = client.post(f"/api/v1/admin/providers/{provider_id}/approve", headers=admin)
    assert approved.status_code == 200, approved.text
    session = provider_session(client, registered)
    read_only = _key_headers(_provider_key(client, session, ["services:read"]))
    before = client.get(PROFILE, headers=session).json()

    problem(client.get(PROFILE, headers=read_only), 403, "FORBIDDEN")
    problem(client.patch(PROFILE, headers=read_only, json={"name": "Hijacked"}), 403, "FORBIDDEN")
    problem(
        client.put("/api/v1/provider/pricing", headers=read_only, json=PRICING),
        403,
        "FORBIDDEN",
    )
    problem(
        client.put("/api/v1/provider/capacity", headers=read_only, json=CAPACITY),
        403,
        "FORBIDDEN",
    )
    keys = client.get(PROVIDER_KEYS, headers=session).json()["items"]
    problem(client.delete(f"{PROVIDER_KEYS}/{keys[0]['id']}", headers=read_only), 403, "FORBIDDEN")
    assert client.get(PROFILE, headers=session).json() == before
    assert len(client.get(PROVIDER_KEYS, headers=session).json()["items"]) == len(keys)

    # The full-scope session can do all of it.
    writer = _key_headers(_provider_key(client, session, ["profile:read", "profile:write"]))
    assert client.patch(PROFILE, headers=writer, json={"name": "Renamed"}).status_code == 200
    assert client.put("/api/v1/provider/pricing", headers=writer, json=PRICING).status_code == (200)


@pytest.mark.integration
def test_account_keys_follow_the_same_rules(client: TestClient, database_url: str) -> None:
    account, viewer = signed_in(client)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET role = 'viewer' WHERE id = :id"), {"id": account["id"]}
        )
    engine.dispose()
    problem(
        client.post(ACCOUNT_KEYS, headers=viewer, json={"name": "k", "scopes": ["tickets:write"]}),
        403,
        "SCOPE_NOT_ALLOWED",
    )
    created = create_key(client, viewer, ["tickets:read"])
    assert created["api_key"]["scopes"] == ["tickets:read"]
    # A key is never a way in to key management, whatever its scopes.
    _, consumer = signed_in(client)
    minter = create_key(client, consumer, ["keys:read", "keys:write", "account:read"])
    with_key = _key_headers(minter["key"])
    problem(
        client.post(ACCOUNT_KEYS, headers=with_key, json={"name": "k", "scopes": ["account:read"]}),
        401,
    )
    problem(client.post("/api/v1/auth/hmac-keys", headers=with_key, json={"name": "k"}), 401)
    narrow = _key_headers(create_key(client, consumer, ["tickets:read"])["key"])
    problem(client.get(ME, headers=narrow), 403, "FORBIDDEN")
