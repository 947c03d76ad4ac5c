"""Approval against an external billing service: a real HTTP process with planned faults.

The app is the real one on PostgreSQL; ``billing.url`` points at tests/support/billing_server.py
running in its own process (or at a port where nothing listens). Backoff is kept small so the
module stays fast.
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from tests.conftest import MakeClient, problem
from tests.identity.helpers import login, register
from tests.support.billing_server import BillingServer, running_billing_server, unused_url

pytestmark = pytest.mark.integration

ATTEMPTS = 3
BACKOFF = 0.05
TIMEOUT = 1.0


@pytest.fixture(scope="module")
def public_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def billing_app(make_client: MakeClient, url: str, **overrides: str) -> TestClient:
    settings = {
        "billing_url": url,
        "billing_max_attempts": str(ATTEMPTS),
        "billing_backoff_seconds": str(BACKOFF),
        "billing_timeout_seconds": str(TIMEOUT),
        "billing_max_retry_after_seconds": "2",
        **overrides,
    }
    return make_client(**settings)


def admin_headers(client: TestClient, database_url: str) -> dict[str, str]:
    account = register(client)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE accounts SET role = 'admin' WHERE id = :id"), {"id": account["id"]}
            )
    finally:
        engine.dispose()
    return {"Authorization": f"Bearer {login(client, account['email'])['access_token']}"}


def register_provider(client: TestClient, public_pem: str) -> dict[str, Any]:
    suffix = uuid.uuid4().hex[:10]
    response = client.post(
        "/api/v1/registration/register",
        json={
            "name": f"Billing Test {suffix}",
            "email": f"billing-{suffix}@provider.example",
            "organization": "Billing Tests",
            "public_key": public_pem,
            "endpoints": [
                {
                    "type": "api",
                    "url": f"https://api.{suffix}.example",
                    "protocol": "https",
                    "secure": True,
                }
            ],
            "metadata": {"region": "us-west-2", "supported_formats": ["ONNX"]},
            "terms": True,
        },
    )
    assert response.status_code == 201, response.text
    provider: dict[str, Any] = response.json()["provider"]
    assert provider["status"] == "pending"
    return provider


class Scene:
    """An app wired to a billing URL, an admin session and one pending provider."""

    def __init__(self, client: TestClient, admin: dict[str, str], provider: dict[str, Any]):
        self.client = client
        self.admin = admin
        self.provider = provider
        self.id: str = provider["id"]
        self.key = f"provider-registry:provider:{self.id}"

    def approve(self) -> Any:
        return self.client.post(f"/api/v1/admin/providers/{self.id}/approve", headers=self.admin)

    def record(self) -> dict[str, Any]:
        response = self.client.get(f"/api/v1/admin/providers/{self.id}", headers=self.admin)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def approval_events(self) -> list[dict[str, Any]]:
        response = self.client.get(
            "/api/v1/admin/audit-events",
            params={"action": "provider.approved", "target_id": self.id, "limit": 100},
            headers=self.admin,
        )
        assert response.status_code == 200, response.text
        return [e for e in response.json()["items"] if e["target_id"] == self.id]

    def assert_still_pending(self) -> None:
        record = self.record()
        assert record["status"] == "pending"
        assert record["billing_account_id"] is None
        assert record["reviewed_at"] is None
        assert record["version"] == self.provider["version"]
        assert self.approval_events() == []


@pytest.fixture
def scene(make_client: MakeClient, clean_db: str, public_pem: str) -> Any:
    def build(url: str, **overrides: str) -> Scene:
        client = billing_app(make_client, url, **overrides)
        return Scene(client, admin_headers(client, clean_db), register_provider(client, public_pem))

    return build


def account_calls(server: BillingServer) -> list[dict[str, Any]]:
    return [r for r in server.requests() if r["method"] == "POST" and r["path"] == "/accounts"]


def test_approval_opens_one_account_with_the_provider_key(scene: Any) -> None:
    with running_billing_server() as server:
        s = scene(server.url, billing_api_token="billing-token-0123456789")
        response = s.approve()
        assert response.status_code == 200, response.text
        approved = response.json()
        accounts = server.accounts()
        calls = account_calls(server)
    assert approved["status"] == "approved"
    assert len(accounts) == 1
    assert approved["billing_account_id"] == accounts[0]["id"]
    assert accounts[0]["idempotency_key"] == s.key
    assert len(calls) == 1
    call = calls[0]
    assert call["idempotency_key"] == s.key
    assert call["authorization"] == "Bearer billing-token-0123456789"
    assert call["content_type"] == "application/json"
    assert call["body"] == {
        "provider_id": s.id,
        "name": s.provider["name"],
        "email": s.provider["email"],
    }
    record = s.record()
    assert record["status"] == "approved"
    assert record["billing_account_id"] == accounts[0]["id"]
    [event] = s.approval_events()
    assert event["details"]["billing_account_id"] == accounts[0]["id"]


def test_no_authorization_header_without_a_token(scene: Any) -> None:
    with running_billing_server() as server:
        assert scene(server.url).approve().status_code == 200
        [call] = account_calls(server)
    assert call["authorization"] is None


@pytest.mark.parametrize(
    "failure",
    [
        {"status": 500},
        {"status": 502},
        {"status": 503},
        {"status": 504},
        {"status": 408},
        # The service opened the account but its answer was lost: the retry gets the same one.
        {"status": 500, "commit": True},
    ],
    ids=["500", "502", "503", "504", "408", "500-after-opening"],
)
def test_a_retryable_failure_is_retried_with_the_same_key(scene: Any, failure: Any) -> None:
    with running_billing_server([failure]) as server:
        s = scene(server.url)
        response = s.approve()
        assert response.status_code == 200, response.text
        calls = account_calls(server)
        accounts = server.accounts()
    assert [c["status"] for c in calls] == [
        failure["status"],
        200 if failure.get("commit") else 201,
    ]
    assert {c["idempotency_key"] for c in calls} == {s.key}
    assert len(accounts) == 1
    assert response.json()["billing_account_id"] == accounts[0]["id"]
    assert calls[1]["monotonic"] - calls[0]["monotonic"] >= BACKOFF * 0.9


def test_backoff_grows_exponentially(scene: Any) -> None:
    backoff = 0.2
    with running_billing_server([{"status": 503}, {"status": 503}]) as server:
        s = scene(server.url, billing_backoff_seconds=str(backoff))
        assert s.approve().status_code == 200
        calls = account_calls(server)
    assert len(calls) == 3
    gaps = [b["monotonic"] - a["monotonic"] for a, b in zip(calls, calls[1:], strict=False)]
    assert gaps[0] >= backoff * 0.9
    assert gaps[1] >= 2 * backoff * 0.9


def test_retry_after_is_honoured(scene: Any) -> None:
    with running_billing_server([{"status": 429, "retry_after": 1}]) as server:
        s = scene(server.url)
        response = s.approve()
        assert response.status_code == 200, response.text
        calls = account_calls(server)
        accounts = server.accounts()
    assert [c["status"] for c in calls] == [429, 201]
    assert calls[1]["monotonic"] - calls[0]["monotonic"] >= 0.9
    assert len(accounts) == 1


def test_retry_after_is_capped(scene: Any) -> None:
    with running_billing_server([{"status": 503, "retry_after": 3600}]) as server:
        s = scene(server.url, billing_max_retry_after_seconds="0.3")
        started = time.monotonic()
        response = s.approve()
        elapsed = time.monotonic() - started
        calls = account_calls(server)
    assert response.status_code == 200, response.text
    assert len(calls) == 2
    assert 0.27 <= calls[1]["monotonic"] - calls[0]["monotonic"] < 1.5
    assert elapsed < 2.0


def test_service_down_is_502_and_the_provider_stays_pending(scene: Any) -> None:
    s = scene(unused_url())
    started = time.monotonic()
    response = s.approve()
    elapsed = time.monotonic() - started
    body = problem(response, 502, "BILLING_UNAVAILABLE")
    assert "not approved" in body["detail"]
    assert elapsed < 5
    s.assert_still_pending()


def test_a_slow_service_times_out_within_the_bound(scene: Any) -> None:
    timeout, attempts = 0.5, 2
    with running_billing_server(default={"delay": 3}) as server:
        s = scene(
            server.url,
            billing_timeout_seconds=str(timeout),
            billing_max_attempts=str(attempts),
        )
        started = time.monotonic()
        response = s.approve()
        elapsed = time.monotonic() - started
        calls = account_calls(server)
    problem(response, 502, "BILLING_UNAVAILABLE")
    assert elapsed >= attempts * timeout * 0.9
    assert elapsed < attempts * (timeout + BACKOFF * 2) + 1.5
    assert len(calls) == attempts
    assert {c["idempotency_key"] for c in calls} == {s.key}
    s.assert_still_pending()


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_a_non_retryable_answer_fails_at_once(scene: Any, status: int) -> None:
    with running_billing_server([{"status": status}]) as server:
        s = scene(server.url)
        response = s.approve()
        calls = account_calls(server)
    problem(response, 502, "BILLING_UNAVAILABLE")
    assert len(calls) == 1
    s.assert_still_pending()


def test_running_out_of_attempts_then_approving_again_opens_one_account(scene: Any) -> None:
    with running_billing_server(default={"status": 500}) as server:
        s = scene(server.url)
        problem(s.approve(), 502, "BILLING_UNAVAILABLE")
        assert len(account_calls(server)) == ATTEMPTS
        assert server.accounts() == []
        s.assert_still_pending()

        server.set_plan([])  # the service recovers
        response = s.approve()
        assert response.status_code == 200, response.text
        calls = account_calls(server)
        accounts = server.accounts()
    assert len(calls) == ATTEMPTS + 1
    assert {c["idempotency_key"] for c in calls} == {s.key}
    assert len(accounts) == 1
    assert response.json()["billing_account_id"] == accounts[0]["id"]
    assert len(s.approval_events()) == 1


def test_an_answer_lost_to_a_timeout_is_not_a_second_account(scene: Any) -> None:
    """The service opened the account but answered too late; the next approval gets it."""
    with running_billing_server(default={"delay": 2}) as server:
        s = scene(server.url, billing_timeout_seconds="0.3", billing_max_attempts="1")
        problem(s.approve(), 502, "BILLING_UNAVAILABLE")
        s.assert_still_pending()
        server.set_plan([])
        response = s.approve()
        assert response.status_code == 200, response.text
        accounts = server.accounts()
    assert len(accounts) == 1
    assert response.json()["billing_account_id"] == accounts[0]["id"]


def test_a_success_without_an_account_id_is_502(scene: Any) -> None:
    with running_billing_server([{"status": 201, "body": {"unexpected": True}}]) as server:
        s = scene(server.url)
        problem(s.approve(), 502, "BILLING_UNAVAILABLE")
        assert len(account_calls(server)) == 1
    s.assert_still_pending()


def test_concurrent_approvals_open_one_account(
    make_client: MakeClient, clean_db: str, public_pem: str
) -> None:
    with running_billing_server([{"delay": 0.5}]) as server:
        first = billing_app(make_client, server.url)
        second = billing_app(make_client, server.url)
        admin = admin_headers(first, clean_db)
        provider = register_provider(first, public_pem)
        path = f"/api/v1/admin/providers/{provider['id']}/approve"
        statuses: list[int] = []
        barrier = threading.Barrier(2)

        def approve(client: TestClient) -> None:
            barrier.wait()
            statuses.append(client.post(path, headers=admin).status_code)

        threads = [threading.Thread(target=approve, args=(c,)) for c in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        calls = account_calls(server)
        accounts = server.accounts()
    assert sorted(statuses) == [200, 409]
    assert len(calls) == 1
    assert len(accounts) == 1
