from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.identity import apikeys
from tests.conftest import problem
from tests.identity.helpers import create_key, signed_in

pytestmark = pytest.mark.integration


def _sql(database_url: str, statement: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_a_key_is_shown_once_and_stored_only_as_a_keyed_hash(
    client: TestClient, database_url: str
) -> None:
    _, auth = signed_in(client)
    created = create_key(client, auth, ["account:read", "services:read"], expires_in_days=30)
    key = created["key"]
    assert re.fullmatch(r"prk_[0-9a-f]{32}_[0-9a-f]{48}_[0-9a-f]{8}", key)
    meta = created["api_key"]
    assert key.startswith(meta["key_prefix"])
    assert meta["scopes"] == ["account:read", "services:read"]
    assert meta["expires_at"] is not None
    assert meta["last_used_at"] is None

    listed = client.get("/api/v1/auth/api-keys", headers=auth).json()
    assert [k["id"] for k in listed["items"]] == [meta["id"]]
    assert key not in str(listed)
    assert "key" not in listed["items"][0]

    ((stored_hash, stored_prefix),) = _sql(
        database_url, "SELECT key_hash, key_prefix FROM api_keys WHERE id = :id", id=meta["id"]
    )
    secret = key.split("_")[2]
    assert secret not in str(stored_hash)
    assert stored_hash != key
    assert len(str(stored_hash)) == 64
    assert stored_prefix == meta["key_prefix"]


def test_a_key_authenticates_with_exactly_its_scopes(client: TestClient) -> None:
    account, auth = signed_in(client)
    key = create_key(client, auth, ["account:read", "tickets:read"])["key"]
    me = client.get("/api/v1/auth/me", headers={"X-API-Key": key})
    assert me.status_code == 200
    body = me.json()
    assert body["auth_method"] == "api_key"
    assert body["id"] == account["id"]
    assert body["scopes"] == ["account:read", "tickets:read"]

    listed = client.get("/api/v1/auth/api-keys", headers=auth).json()["items"]
    assert listed[0]["last_used_at"] is not None


def test_a_key_without_the_operation_scope_is_403(client: TestClient) -> None:
    _, auth = signed_in(client)
    key = create_key(client, auth, ["services:read"])["key"]
    body = problem(client.get("/api/v1/auth/me", headers={"X-API-Key": key}), 403, "FORBIDDEN")
    assert "account:read" in body["detail"]


def test_scopes_beyond_the_role_are_refused(client: TestClient) -> None:
    _, auth = signed_in(client, role="consumer")
    response = client.post(
        "/api/v1/auth/api-keys",
        headers=auth,
        json={"name": "sneaky", "scopes": ["services:read", "services:write", "providers:review"]},
    )
    body = problem(response, 403, "SCOPE_NOT_ALLOWED")
    assert "providers:review" in body["detail"]
    assert "services:write" in body["detail"]
    assert client.get("/api/v1/auth/api-keys", headers=auth).json()["items"] == []


def test_unknown_scopes_are_a_400(client: TestClient) -> None:
    _, auth = signed_in(client)
    response = client.post(
        "/api/v1/auth/api-keys", headers=auth, json={"name": "x", "scopes": ["everything"]}
    )
    problem(response, 400, "VALIDATION_ERROR")


def test_an_api_key_cannot_mint_api_keys(client: TestClient) -> None:
    _, auth = signed_in(client, role="provider")
    key = create_key(client, auth, ["account:read", "services:write"])["key"]
    response = client.post(
        "/api/v1/auth/api-keys",
        headers={"X-API-Key": key},
        json={"name": "child", "scopes": ["account:read"]},
    )
    problem(response, 401)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda k: k[:-1] + ("0" if k[-1] != "0" else "1"),  # checksum digit
        lambda k: k.replace("_", "-", 1),  # structure
        lambda k: k[:20] + ("a" if k[20] != "a" else "b") + k[21:],  # id digit: checksum catches it
        lambda k: k[:-10],  # truncated
        lambda k: k.upper(),
    ],
)
def test_mistyped_keys_are_401(client: TestClient, mangle: object) -> None:
    _, auth = signed_in(client)
    key = create_key(client, auth, ["account:read"])["key"]
    mangled = mangle(key)  # type: ignore[operator]
    assert apikeys.parse(mangled) is None  # refused before any database lookup
    problem(client.get("/api/v1/auth/me", headers={"X-API-Key": mangled}), 401, "UNAUTHENTICATED")


def test_a_well_formed_key_with_the_wrong_secret_is_401(client: TestClient) -> None:
    _, auth = signed_in(client)
    key = create_key(client, auth, ["account:read"])["key"]
    prefix, key_id, _secret, _ = key.split("_")
    body = f"{prefix}_{key_id}_{'0' * 48}"
    forged = f"{body}_{apikeys._checksum(body)}"
    assert apikeys.parse(forged) is not None
    problem(client.get("/api/v1/auth/me", headers={"X-API-Key": forged}), 401)


def test_keys_are_never_accepted_in_the_query_string(client: TestClient) -> None:
    _, auth = signed_in(client)
    key = create_key(client, auth, ["account:read"])["key"]
    response = client.get(f"/api/v1/auth/me?api_key={key}")
    assert response.status_code in (400, 401)
    assert response.status_code != 200


def test_revoke_takes_effect_at_once_and_only_for_the_owner(client: TestClient) -> None:
    _, alice = signed_in(client)
    _, mallory = signed_in(client)
    key = create_key(client, alice, ["account:read"])
    key_id, raw = key["api_key"]["id"], key["key"]

    # Someone else's key does not exist for them: 404, and it keeps working.
    problem(
        client.delete(f"/api/v1/auth/api-keys/{key_id}", headers=mallory), 404, "API_KEY_NOT_FOUND"
    )
    assert mallory["Authorization"] != alice["Authorization"]
    assert client.get("/api/v1/auth/api-keys", headers=mallory).json()["items"] == []
    assert client.get("/api/v1/auth/me", headers={"X-API-Key": raw}).status_code == 200

    assert client.delete(f"/api/v1/auth/api-keys/{key_id}", headers=alice).status_code == 204
    problem(client.get("/api/v1/auth/me", headers={"X-API-Key": raw}), 401)
    problem(client.delete(f"/api/v1/auth/api-keys/{key_id}", headers=alice), 404)
    assert client.get("/api/v1/auth/api-keys", headers=alice).json()["items"] == []
    problem(client.delete(f"/api/v1/auth/api-keys/{uuid.uuid4()}", headers=alice), 404)


def test_expired_keys_stop_working(client: TestClient, database_url: str) -> None:
    _, auth = signed_in(client)
    key = create_key(client, auth, ["account:read"], expires_in_days=1)
    assert client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]}).status_code == 200
    _sql(
        database_url,
        "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = :id",
        id=key["api_key"]["id"],
    )
    problem(client.get("/api/v1/auth/me", headers={"X-API-Key": key["key"]}), 401)


def test_a_demoted_owner_loses_the_scopes_their_role_no_longer_allows(
    client: TestClient, database_url: str
) -> None:
    account, auth = signed_in(client, role="provider")
    key = create_key(client, auth, ["account:read", "services:write"])["key"]
    _sql(database_url, "UPDATE accounts SET role = 'viewer' WHERE id = :id", id=account["id"])
    body = client.get("/api/v1/auth/me", headers={"X-API-Key": key}).json()
    assert body["role"] == "viewer"
    assert body["scopes"] == ["account:read"]


def test_keys_are_listed_newest_first_with_a_cursor(client: TestClient) -> None:
    _, auth = signed_in(client)
    ids = [create_key(client, auth, ["account:read"])["api_key"]["id"] for _ in range(5)]
    first = client.get("/api/v1/auth/api-keys?limit=2", headers=auth).json()
    second = client.get(
        f"/api/v1/auth/api-keys?limit=2&cursor={first['next_cursor']}", headers=auth
    ).json()
    third = client.get(
        f"/api/v1/auth/api-keys?limit=2&cursor={second['next_cursor']}", headers=auth
    ).json()
    seen = [k["id"] for page in (first, second, third) for k in page["items"]]
    assert seen == list(reversed(ids))
    assert third["next_cursor"] is None
    problem(client.get("/api/v1/auth/api-keys?limit=101", headers=auth), 400)
    body = problem(client.get("/api/v1/auth/api-keys?cursor=bogus", headers=auth), 400)
    assert body["errors"][0]["code"] == "INVALID_CURSOR"
