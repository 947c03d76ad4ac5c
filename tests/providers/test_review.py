"""Admin review: listing, ETags, transitions, concurrency, audit."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import MakeClient, problem
from tests.identity.helpers import create_key, signed_in
from tests.providers.factories import admin_session, register_provider

pytestmark = pytest.mark.integration

ADMIN = "/api/v1/admin/providers"


@pytest.fixture
def admin(client: TestClient, database_url: str) -> dict[str, str]:
    return admin_session(client, database_url)


def _approve(client: TestClient, admin: dict[str, str], provider_id: str, **headers: str) -> Any:
    return client.post(f"{ADMIN}/{provider_id}/approve", headers={**admin, **headers})


def test_only_admins_review(client: TestClient, admin: dict[str, str]) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    problem(client.get(ADMIN), 401)
    _, consumer = signed_in(client)
    problem(client.get(ADMIN, headers=consumer), 403, "FORBIDDEN")
    problem(client.post(f"{ADMIN}/{provider_id}/approve", headers=consumer), 403)
    # An admin's key without the review scope cannot review either.
    key = create_key(client, admin, ["account:read"])["key"]
    problem(client.get(ADMIN, headers={"X-API-Key": key}), 403)
    reviewer = create_key(client, admin, ["providers:review"])["key"]
    assert client.get(ADMIN, headers={"X-API-Key": reviewer}).status_code == 200


def test_full_record_with_etag(client: TestClient, admin: dict[str, str]) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    response = client.get(f"{ADMIN}/{provider_id}", headers=admin)
    assert response.status_code == 200
    assert response.headers["etag"] == '"1"'
    assert response.json()["email"].endswith("@acme.example")
    problem(client.get(f"{ADMIN}/00000000-0000-4000-8000-000000000000", headers=admin), 404)


def test_approve_opens_a_billing_account_and_records_an_audit_event(
    client: TestClient, admin: dict[str, str]
) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    response = _approve(client, admin, provider_id)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "approved"
    assert body["billing_account_id"].startswith("ba_")
    assert body["reviewed_at"] is not None
    assert response.headers["etag"] == f'"{body["version"]}"'
    events = client.get(
        f"/api/v1/admin/audit-events?target_id={provider_id}", headers=admin
    ).json()["items"]
    actions = [e["action"] for e in events]
    assert actions[0] == "provider.approved"
    assert "provider.registered" in actions
    approved = events[0]
    assert approved["details"]["billing_account_id"] == body["billing_account_id"]
    assert approved["request_id"] == response.headers["x-request-id"]
    assert approved["actor_kind"] == "account"


def test_the_lifecycle_and_its_refusals(client: TestClient, admin: dict[str, str]) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    base = f"{ADMIN}/{provider_id}"
    body = problem(
        client.post(f"{base}/suspend", headers=admin, json={"reason": "x"}),
        409,
        "PROVIDER_INVALID_TRANSITION",
    )
    assert body["current_status"] == "pending"
    problem(client.post(f"{base}/reinstate", headers=admin), 409, "PROVIDER_INVALID_TRANSITION")
    assert _approve(client, admin, provider_id).status_code == 200
    assert problem(_approve(client, admin, provider_id), 409)["current_status"] == "approved"
    problem(client.post(f"{base}/reject", headers=admin, json={"rejection_reason": "late"}), 409)
    suspended = client.post(f"{base}/suspend", headers=admin, json={"reason": "abuse report"})
    assert suspended.json()["status"] == "suspended"
    assert suspended.json()["suspension_reason"] == "abuse report"
    reinstated = client.post(f"{base}/reinstate", headers=admin)
    assert reinstated.json()["status"] == "approved"
    assert reinstated.json()["suspension_reason"] is None

    other = register_provider(client)["provider"]["id"]
    rejected = client.post(
        f"{ADMIN}/{other}/reject", headers=admin, json={"rejection_reason": "incomplete documents"}
    )
    assert rejected.json()["status"] == "rejected"
    assert rejected.json()["rejection_reason"] == "incomplete documents"
    assert problem(_approve(client, admin, other), 409)["current_status"] == "rejected"


def test_reasons_are_validated(client: TestClient, admin: dict[str, str]) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    problem(client.post(f"{ADMIN}/{provider_id}/reject", headers=admin, json={}), 400)
    problem(
        client.post(
            f"{ADMIN}/{provider_id}/reject", headers=admin, json={"rejection_reason": "x" * 1001}
        ),
        400,
    )


def test_if_match(client: TestClient, admin: dict[str, str]) -> None:
    provider_id = register_provider(client)["provider"]["id"]
    etag = client.get(f"{ADMIN}/{provider_id}", headers=admin).headers["etag"]
    stale = _approve(client, admin, provider_id, **{"If-Match": '"99"'})
    assert problem(stale, 412, "PRECONDITION_FAILED")["current_etag"] == etag
    assert client.get(f"{ADMIN}/{provider_id}", headers=admin).json()["status"] == "pending"
    assert _approve(client, admin, provider_id, **{"If-Match": f"W/{etag}"}).status_code == 200
    problem(
        client.post(
            f"{ADMIN}/{provider_id}/suspend",
            headers={**admin, "If-Match": etag},
            json={"reason": "x"},
        ),
        412,
    )


def test_concurrent_approvals_have_exactly_one_winner(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client()
    admin = admin_session(client, database_url)
    provider_id = register_provider(client)["provider"]["id"]
    barrier = threading.Barrier(8)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(_approve(client, admin, provider_id).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == 7, statuses
    events = client.get(
        f"/api/v1/admin/audit-events?target_id={provider_id}&action=provider.approved",
        headers=admin,
    ).json()["items"]
    assert len(events) == 1


def test_listing_filters_and_three_ways_to_page(client: TestClient, admin: dict[str, str]) -> None:
    ids = [
        register_provider(
            client,
            name=f"Alpha Node {i}",
            metadata={
                "region": "eu-west-1" if i % 2 else "us-east-1",
                "supported_formats": ["ONNX"] if i < 3 else ["GGUF"],
            },
        )["provider"]["id"]
        for i in range(5)
    ]
    newest_first = list(reversed(ids))
    assert _approve(client, admin, ids[0]).status_code == 200

    def listed(query: str) -> dict[str, Any]:
        response = client.get(f"{ADMIN}?{query}", headers=admin)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    assert [p["id"] for p in listed("status=pending")["items"]] == newest_first[:4]
    assert [p["id"] for p in listed("region=eu-west-1")["items"]] == [ids[3], ids[1]]
    assert [p["id"] for p in listed("supported_format=onnx")["items"]] == [ids[2], ids[1], ids[0]]
    assert [p["id"] for p in listed("q=alpha%20node%204")["items"]] == [ids[4]]
    assert listed("q=%25")["items"] == []  # % is a character to find, not a wildcard

    first = listed("limit=2")
    assert "total" not in first
    second = listed(f"limit=2&cursor={first['next_cursor']}")
    third = listed(f"limit=2&cursor={second['next_cursor']}")
    assert [p["id"] for page in (first, second, third) for p in page["items"]] == newest_first
    assert third["next_cursor"] is None

    paged = listed("page=2&page_size=2")
    assert paged["total"] == 5
    assert paged["page"] == 2
    assert [p["id"] for p in paged["items"]] == newest_first[2:4]
    offset = listed("limit=2&offset=4")
    assert offset["total"] == 5
    assert [p["id"] for p in offset["items"]] == newest_first[4:]

    problem(client.get(f"{ADMIN}?page_size=101", headers=admin), 400)
    problem(client.get(f"{ADMIN}?limit=101", headers=admin), 400)
    problem(client.get(f"{ADMIN}?page=1&cursor={first['next_cursor']}", headers=admin), 400)
    problem(client.get(f"{ADMIN}?offset=1&cursor={first['next_cursor']}", headers=admin), 400)
    problem(client.get(f"{ADMIN}?status=unknown", headers=admin), 400)
