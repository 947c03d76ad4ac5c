"""The provider's own side: key exchange, refresh, profile with ETags, prices, capacity, keys."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import problem
from tests.providers.factories import (
    admin_session,
    provider_session,
    register_provider,
    rsa_public_pem,
)

pytestmark = pytest.mark.integration

PROFILE = "/api/v1/provider/profile"
PRICING = {
    "currency": "EUR",
    "prices": [
        {"resource": "cpu", "unit": "vcpu", "price": "0.0425", "interval": "hourly"},
        {"resource": "gpu", "unit": "gpu", "price": "1.10", "interval": "hourly"},
    ],
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


def _approve(client: TestClient, database_url: str, provider_id: str) -> None:
    admin = admin_session(client, database_url)
    response = client.post(f"/api/v1/admin/providers/{provider_id}/approve", headers=admin)
    assert response.status_code == 200, response.text


def test_key_exchange_and_refresh(client: TestClient) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    response = client.post(
        "/api/v1/registration/auth",
        json={"provider_id": provider_id, "api_key": registered["api_key"]},
    )
    assert response.status_code == 200
    tokens = response.json()
    me = client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    ).json()
    assert me["kind"] == "provider"
    assert me["provider_id"] == provider_id
    assert "account" not in me

    rotated = client.post(
        "/api/v1/registration/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert rotated.status_code == 200
    problem(
        client.post(
            "/api/v1/registration/refresh", json={"refresh_token": tokens["refresh_token"]}
        ),
        401,
        "TOKEN_REUSED",
    )
    # Provider refresh tokens are not account refresh tokens.
    problem(
        client.post(
            "/api/v1/auth/refresh", json={"refresh_token": rotated.json()["refresh_token"]}
        ),
        401,
    )


def test_wrong_key_and_unknown_provider_look_the_same(client: TestClient) -> None:
    first, second = register_provider(client), register_provider(client)

    def attempt(provider_id: str, key: str) -> dict[str, object]:
        body = problem(
            client.post(
                "/api/v1/registration/auth", json={"provider_id": provider_id, "api_key": key}
            ),
            401,
            "INVALID_CREDENTIALS",
        )
        return {k: v for k, v in body.items() if k != "request_id"}

    wrong_key = attempt(first["provider"]["id"], second["api_key"])
    unknown = attempt("00000000-0000-4000-8000-000000000000", first["api_key"])
    garbage = attempt(first["provider"]["id"], "ppk_garbage")
    assert wrong_key == unknown == garbage


def test_profile_etag_and_if_match(client: TestClient) -> None:
    registered = register_provider(client)
    auth = provider_session(client, registered)
    profile = client.get(PROFILE, headers=auth)
    etag = profile.headers["etag"]
    assert etag == '"1"'

    updated = client.patch(
        PROFILE,
        headers={**auth, "If-Match": etag},
        json={"name": "ACME Compute Two", "organization": "ACME Holding"},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "ACME Compute Two"
    assert updated.headers["etag"] == '"2"'

    stale = client.patch(PROFILE, headers={**auth, "If-Match": etag}, json={"name": "Stale"})
    problem(stale, 412, "PRECONDITION_FAILED")
    assert client.get(PROFILE, headers=auth).json()["name"] == "ACME Compute Two"

    # Without If-Match the last writer wins, still versioned.
    assert (
        client.patch(
            PROFILE, headers=auth, json={"public_key": rsa_public_pem(form="pkcs1")}
        ).status_code
        == 200
    )


def test_profile_updates_are_validated_and_closed(client: TestClient) -> None:
    auth = provider_session(client, register_provider(client))
    body = problem(client.patch(PROFILE, headers=auth, json={"status": "approved"}), 400)
    assert body["errors"][0]["code"] == "UNKNOWN_FIELD"
    problem(client.patch(PROFILE, headers=auth, json={"email": "new@acme.example"}), 400)
    problem(client.patch(PROFILE, headers=auth, json={}), 400)
    bad = problem(
        client.patch(
            PROFILE,
            headers=auth,
            json={
                "public_key": rsa_public_pem(1024),
                "endpoints": [
                    {"type": "api", "url": "https://10.0.0.1", "protocol": "https", "secure": True}
                ],
            },
        ),
        400,
    )
    assert {e["code"] for e in bad["errors"]} == {"WEAK_PUBLIC_KEY", "FORBIDDEN_HOST"}


def test_pricing_and_capacity_need_approval(client: TestClient, database_url: str) -> None:
    registered = register_provider(client)
    auth = provider_session(client, registered)
    body = problem(
        client.put("/api/v1/provider/pricing", headers=auth, json=PRICING),
        403,
        "PROVIDER_NOT_APPROVED",
    )
    assert body["current_status"] == "pending"
    problem(
        client.put("/api/v1/provider/capacity", headers=auth, json=CAPACITY),
        403,
        "PROVIDER_NOT_APPROVED",
    )
    # But the pending provider still sees and edits its own profile.
    assert client.get(PROFILE, headers=auth).status_code == 200

    _approve(client, database_url, registered["provider"]["id"])
    priced = client.put("/api/v1/provider/pricing", headers=auth, json=PRICING)
    assert priced.status_code == 200, priced.text
    assert priced.json()["pricing"] == PRICING
    sized = client.put("/api/v1/provider/capacity", headers=auth, json=CAPACITY)
    assert sized.json()["capacity"] == CAPACITY


def test_prices_are_decimal_strings(client: TestClient, database_url: str) -> None:
    registered = register_provider(client)
    auth = provider_session(client, registered)
    _approve(client, database_url, registered["provider"]["id"])

    def price(value: object) -> dict[str, object]:
        return {
            "currency": "USD",
            "prices": [{"resource": "cpu", "unit": "vcpu", "price": value, "interval": "daily"}],
        }

    for bad in (0.5, "-1", "1e3", "01.5", "0.123456789", "abc"):
        problem(client.put("/api/v1/provider/pricing", headers=auth, json=price(bad)), 400)
    duplicate = {"currency": "USD", "prices": [PRICING["prices"][0], PRICING["prices"][0]]}
    body = problem(client.put("/api/v1/provider/pricing", headers=auth, json=duplicate), 400)
    assert body["errors"][0]["code"] == "DUPLICATE_RESOURCE"
    problem(
        client.put("/api/v1/provider/pricing", headers=auth, json={**PRICING, "currency": "usd"}),
        400,
    )


def test_key_rotation_without_downtime(client: TestClient, database_url: str) -> None:
    registered = register_provider(client)
    provider_id, first_key = registered["provider"]["id"], registered["api_key"]
    auth = provider_session(client, registered)
    created = client.post("/api/v1/provider/api-keys", headers=auth, json={"name": "2026 rotation"})
    assert created.status_code == 201, created.text
    second_key = created.json()["key"]
    assert second_key.startswith("ppk_")
    listed = client.get("/api/v1/provider/api-keys", headers=auth).json()["items"]
    assert len(listed) == 2
    first_id = next(k["id"] for k in listed if k["name"] == "initial key")

    # Both keys work during the changeover.
    for key in (first_key, second_key):
        assert (
            client.post(
                "/api/v1/registration/auth", json={"provider_id": provider_id, "api_key": key}
            ).status_code
            == 200
        )
    assert client.delete(f"/api/v1/provider/api-keys/{first_id}", headers=auth).status_code == 204
    problem(
        client.post(
            "/api/v1/registration/auth", json={"provider_id": provider_id, "api_key": first_key}
        ),
        401,
    )
    assert client.get("/api/v1/auth/me", headers={"X-API-Key": second_key}).json()["kind"] == (
        "provider"
    )
    # The session obtained with the revoked key ended with it; the new key's session works.
    problem(client.get("/api/v1/provider/api-keys", headers=auth), 401)
    auth = provider_session(client, {**registered, "api_key": second_key})

    # Another provider cannot see or revoke these keys.
    other = provider_session(client, register_provider(client))
    second_id = next(
        k["id"] for k in client.get("/api/v1/provider/api-keys", headers=auth).json()["items"]
    )
    problem(client.delete(f"/api/v1/provider/api-keys/{second_id}", headers=other), 404)
    assert len(client.get("/api/v1/provider/api-keys", headers=other).json()["items"]) == 1

    admin = admin_session(client, database_url)
    actions = {
        e["action"]
        for e in client.get(
            f"/api/v1/admin/audit-events?target_id={provider_id}", headers=admin
        ).json()["items"]
    }
    assert {"api_key.issued", "api_key.revoked", "provider.registered"} <= actions


def test_accounts_cannot_use_provider_operations(client: TestClient) -> None:
    from tests.identity.helpers import signed_in

    _, account = signed_in(client, role="provider")
    problem(client.get(PROFILE, headers=account), 403, "FORBIDDEN")
    problem(client.get(PROFILE), 401)
