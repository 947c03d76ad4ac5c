"""The public directory: approved providers only, public fields only."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import problem
from tests.providers.factories import admin_session, provider_session, register_provider

pytestmark = pytest.mark.integration

PRIVATE = (
    "email",
    "public_key",
    "billing_account_id",
    "status",
    "owner_account_id",
    "rejection_reason",
    "suspension_reason",
)


def test_only_approved_providers_with_public_fields(client: TestClient, database_url: str) -> None:
    admin = admin_session(client, database_url)
    gpu = register_provider(
        client,
        name="GPU Farm",
        metadata={
            "region": "eu-west-1",
            "supported_formats": ["GGUF"],
            "software_version": "2.0.0",
        },
    )
    cpu = register_provider(client, name="CPU Farm")
    pending = register_provider(client, name="Pending Farm")
    for registered in (gpu, cpu):
        assert (
            client.post(
                f"/api/v1/admin/providers/{registered['provider']['id']}/approve", headers=admin
            ).status_code
            == 200
        )
    gpu_auth = provider_session(client, gpu)
    assert (
        client.put(
            "/api/v1/provider/capacity",
            headers=gpu_auth,
            json={
                "gpu_model": "NVIDIA H100",
                "gpu_count": 8,
                "cpu_cores": 64,
                "memory_gb": 512,
                "storage_gb": 4000,
                "region": "eu-west-1",
            },
        ).status_code
        == 200
    )
    assert (
        client.put(
            "/api/v1/provider/pricing",
            headers=gpu_auth,
            json={
                "currency": "USD",
                "prices": [
                    {"resource": "gpu", "unit": "gpu", "price": "2.50", "interval": "hourly"}
                ],
            },
        ).status_code
        == 200
    )

    listed = client.get("/api/v1/providers").json()
    ids = [p["id"] for p in listed["items"]]
    assert ids == [cpu["provider"]["id"], gpu["provider"]["id"]]
    assert pending["provider"]["id"] not in ids
    for item in listed["items"]:
        assert not set(PRIVATE) & set(item)
    text = client.get("/api/v1/providers").text
    assert gpu["provider"]["email"] not in text
    assert "BEGIN PUBLIC KEY" not in text

    def only(query: str) -> list[str]:
        response = client.get(f"/api/v1/providers?{query}")
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["items"]]

    assert only("region=eu-west-1") == [gpu["provider"]["id"]]
    assert only("supported_format=gguf") == [gpu["provider"]["id"]]
    assert only("gpu_model=nvidia%20h100") == [gpu["provider"]["id"]]
    assert only("min_gpu_count=8") == [gpu["provider"]["id"]]
    assert only("min_gpu_count=9") == []
    page = client.get("/api/v1/providers?limit=1").json()
    assert (
        client.get(f"/api/v1/providers?limit=1&cursor={page['next_cursor']}").json()["items"][0][
            "id"
        ]
        == gpu["provider"]["id"]
    )

    info = client.get(f"/api/v1/providers/{gpu['provider']['id']}").json()
    assert info["name"] == "GPU Farm"
    assert info["capacity"]["gpu_count"] == 8
    assert info["version"] == "2.0.0"
    assert info["region"] == "eu-west-1"
    pricing = client.get(f"/api/v1/providers/{gpu['provider']['id']}/pricing").json()
    assert pricing["prices"][0]["price"] == "2.50"
    problem(client.get(f"/api/v1/providers/{cpu['provider']['id']}/pricing"), 404)
    problem(client.get(f"/api/v1/providers/{pending['provider']['id']}"), 404)

    # Suspended providers leave the directory.
    assert (
        client.post(
            f"/api/v1/admin/providers/{gpu['provider']['id']}/suspend",
            headers=admin,
            json={"reason": "maintenance"},
        ).status_code
        == 200
    )
    assert only("") == [cpu["provider"]["id"]]
    problem(client.get(f"/api/v1/providers/{gpu['provider']['id']}"), 404)


def test_registration_and_review_counters(client: TestClient, database_url: str) -> None:
    admin = admin_session(client, database_url)
    registered = register_provider(client)
    client.post(f"/api/v1/admin/providers/{registered['provider']['id']}/approve", headers=admin)
    metrics = client.get("/metrics").text
    assert "provider_registrations_total" in metrics
    assert 'provider_reviews_total{action="approve"}' in metrics
