"""Approval against an external billing service: a real HTTP process with planned faults.

The app is the real one (create_app) on PostgreSQL; ``billing.url`` points at
tests/support/billing_server.py running in its own process, or at a port where nothing listens.
One fake service and one app per distinct configuration serve the whole module (building an app
costs far more than a test); each test sets the service's plan and registers its own provider,
whose idempotency key tells its requests and account apart. Backoff stays small: the module is
fast.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.app import create_app
from provider_registry.config import load_settings
from tests.conftest import problem, settings_env
from tests.identity.helpers import login, register
from tests.support import statuses
from tests.support.billing_server import BillingServer, running_billing_server, unused_url

pytestmark = pytest.mark.integration

ATTEMPTS = 3
BACKOFF = 0.05
TIMEOUT = 1.0
DEFAULTS = {
    "billing_max_attempts": str(ATTEMPTS),
    "billing_backoff_seconds": str(BACKOFF),
    "billing_timeout_seconds": str(TIMEOUT),
    "billing_max_retry_after_seconds": "2",
}

Apps = Callable[..., TestClient]


@pytest.fixture(scope="module")
def public_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@pytest.fixture(scope="module")
def billing() -> Iterator[BillingServer]:
    with running_billing_server() as server:
        yield server


@pytest.fixture(scope="module")
def apps(database_url: str) -> Iterator[Apps]:
    """Real apps, built once per configuration (``instance`` forces a separate one)."""
    built: dict[tuple[tuple[str, str], ...], tuple[Any, TestClient]] = {}

    def get(url: str, instance: str = "", **overrides: str) -> TestClient:
        settings = {**DEFAULTS, "billing_url": url, **overrides}
        key = (("instance", instance), *sorted(settings.items()))
        if key not in built:
            app = create_app(
                load_settings(config_file=None, environ=settings_env(database_url, **settings))
            )
            client = TestClient(app, raise_server_exceptions=False)
            statuses.watch(client)
            client.__enter__()  # run the lifespan, as servers do
            built[key] = (app, client)
        return built[key][1]

    yield get
    for app, client in built.values():
        client.__exit__(None, None, None)
        app.app.extensions["provider_registry"].database.dispose()


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
    assert provider["billing_account_id"] is None
    return provider


class Scene:
    """An app wired to a billing URL, an admin session and one pending provider."""

    def __init__(
        self,
        client: TestClient,
        admin: dict[str, str],
        provider: dict[str, Any],
        server: BillingServer | None,
    ) -> None:
        self.client = client
        self.admin = admin
        self.provider = provider
        self.server = server
        self.id: str = provider["id"]
        self.key = f"provider-registry:provider:{self.id}"

    def approve(self, client: TestClient | None = None) -> Any:
        return (client or self.client).post(
            f"/api/v1/admin/providers/{self.id}/approve", headers=self.admin
        )

    def timed_approve(self) -> tuple[Any, float]:
        started = time.monotonic()
        response = self.approve()
        return response, time.monotonic() - started

    def calls(self) -> list[dict[str, Any]]:
        """What the billing service received for this provider."""
        assert self.server is not None
        return [r for r in self.server.requests() if r["idempotency_key"] == self.key]

    def accounts(self) -> list[dict[str, Any]]:
        assert self.server is not None
        return [a for a in self.server.accounts() if a["idempotency_key"] == self.key]

    def record(self) -> dict[str, Any]:
        response = self.client.get(f"/api/v1/admin/providers/{self.id}", headers=self.admin)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def approval_events(self) -> list[dict[str, Any]]:
        response = self.client.get(
            "/api/v1/admin/audit-events",
            params={"action": "provider.approved", "limit": 100},
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


MakeScene = Callable[..., Scene]


@pytest.fixture
def scene(apps: Apps, billing: BillingServer, clean_db: str, public_pem: str) -> MakeScene:
    """``scene(steps, default=..., **settings)``: the module's service runs this plan;
    ``scene(url=...)`` points the app elsewhere (no plan)."""

    def build(
        steps: list[dict[str, Any]] | None = None,
        *,
        default: dict[str, Any] | None = None,
        url: str | None = None,
        **overrides: str,
    ) -> Scene:
        server = None if url else billing
        if server is not None:
            server.set_plan(steps or [], default)
        client = apps(url or billing.url, **overrides)
        return Scene(
            client, admin_headers(client, clean_db), register_provider(client, public_pem), server
        )

    return build


def gaps(calls: list[dict[str, Any]]) -> list[float]:
    return [b["monotonic"] - a["monotonic"] for a, b in itertools.pairwise(calls)]


# ---------------------------------------------------------------------------------- success


def test_approval_opens_one_account_with_the_provider_key(scene: MakeScene) -> None:
    s = scene(billing_api_token="billing-token-0123456789")
    response = s.approve()
    assert response.status_code == 200, response.text
    approved = response.json()
    [account] = s.accounts()
    [call] = s.calls()
    assert approved["status"] == "approved"
    assert approved["billing_account_id"] == account["id"]
    assert approved["reviewed_at"] is not None
    assert (call["method"], call["path"], call["status"]) == ("POST", "/accounts", 201)
    assert call["idempotency_key"] == f"provider-registry:provider:{s.id}"
    assert call["authorization"] == "Bearer billing-token-0123456789"
    assert call["content_type"] == "application/json"
    assert call["body"] == {
        "provider_id": s.id,
        "name": s.provider["name"],
        "email": s.provider["email"],
    }
    record = s.record()
    assert record["status"] == "approved"
    assert record["billing_account_id"] == account["id"]
    [event] = s.approval_events()
    assert event["details"]["billing_account_id"] == account["id"]


def test_no_authorization_header_without_a_token(scene: MakeScene) -> None:
    s = scene()
    assert s.approve().status_code == 200
    [call] = s.calls()
    assert call["authorization"] is None


# ---------------------------------------------------------------------------------- retries


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
def test_a_retryable_failure_is_retried_with_the_same_key(
    scene: MakeScene, failure: dict[str, Any]
) -> None:
    s = scene([failure])
    response = s.approve()
    assert response.status_code == 200, response.text
    calls = s.calls()
    [account] = s.accounts()
    replayed = 200 if failure.get("commit") else 201
    assert [c["status"] for c in calls] == [failure["status"], replayed]
    assert {c["idempotency_key"] for c in calls} == {s.key}
    assert calls[0]["body"] == calls[1]["body"]
    assert response.json()["billing_account_id"] == account["id"]
    assert gaps(calls)[0] >= BACKOFF * 0.9


def test_backoff_grows_exponentially(scene: MakeScene) -> None:
    backoff = 0.15
    s = scene([{"status": 503}, {"status": 503}], billing_backoff_seconds=str(backoff))
    assert s.approve().status_code == 200
    calls = s.calls()
    assert len(calls) == 3
    first, second = gaps(calls)
    assert first >= backoff * 0.9
    assert second >= 2 * backoff * 0.9


def test_retry_after_is_honoured(scene: MakeScene) -> None:
    s = scene([{"status": 429, "retry_after": 1}])
    response = s.approve()
    assert response.status_code == 200, response.text
    calls = s.calls()
    assert [c["status"] for c in calls] == [429, 201]
    assert gaps(calls)[0] >= 0.9
    assert len(s.accounts()) == 1


def test_retry_after_is_capped(scene: MakeScene) -> None:
    s = scene([{"status": 503, "retry_after": 3600}], billing_max_retry_after_seconds="0.3")
    response, elapsed = s.timed_approve()
    assert response.status_code == 200, response.text
    calls = s.calls()
    assert len(calls) == 2
    assert 0.27 <= gaps(calls)[0] < 1.5
    assert elapsed < 2.0


def test_running_out_of_attempts_then_approving_again_opens_one_account(
    scene: MakeScene,
) -> None:
    s = scene(default={"status": 500})
    problem(s.approve(), 502, "BILLING_UNAVAILABLE")
    assert len(s.calls()) == ATTEMPTS
    assert s.accounts() == []
    s.assert_still_pending()

    assert s.server is not None
    s.server.set_plan([])  # the service recovers
    response = s.approve()
    assert response.status_code == 200, response.text
    calls = s.calls()
    [account] = s.accounts()
    assert len(calls) == ATTEMPTS + 1
    assert {c["idempotency_key"] for c in calls} == {s.key}
    assert response.json()["billing_account_id"] == account["id"]
    assert len(s.approval_events()) == 1


def test_an_answer_lost_to_a_timeout_is_not_a_second_account(scene: MakeScene) -> None:
    """The service opened the account but answered too late; the next approval gets it."""
    s = scene(default={"delay": 2}, billing_timeout_seconds="0.3", billing_max_attempts="1")
    problem(s.approve(), 502, "BILLING_UNAVAILABLE")
    s.assert_still_pending()
    assert s.server is not None
    s.server.set_plan([])
    response = s.approve()
    assert response.status_code == 200, response.text
    [account] = s.accounts()
    assert response.json()["billing_account_id"] == account["id"]
    assert [c["status"] for c in s.calls()] == [201, 200]


# ---------------------------------------------------------------------------------- failures


def test_service_down_is_502_and_the_provider_stays_pending(scene: MakeScene) -> None:
    s = scene(url=unused_url())
    response, elapsed = s.timed_approve()
    body = problem(response, 502, "BILLING_UNAVAILABLE")
    assert "not approved" in body["detail"]
    assert elapsed < ATTEMPTS * (TIMEOUT + BACKOFF * 2**ATTEMPTS) + 1.0
    s.assert_still_pending()


def test_a_slow_service_times_out_within_the_bound(scene: MakeScene) -> None:
    timeout, attempts = 0.5, 2
    s = scene(
        default={"delay": 3},
        billing_timeout_seconds=str(timeout),
        billing_max_attempts=str(attempts),
    )
    response, elapsed = s.timed_approve()
    problem(response, 502, "BILLING_UNAVAILABLE")
    assert elapsed >= attempts * timeout * 0.9
    assert elapsed < attempts * (timeout + BACKOFF * 2**attempts) + 1.0
    calls = s.calls()
    assert len(calls) == attempts
    assert {c["idempotency_key"] for c in calls} == {s.key}
    s.assert_still_pending()


@pytest.mark.parametrize("status", [400, 401, 404, 409, 422])
def test_a_non_retryable_answer_fails_at_once(scene: MakeScene, status: int) -> None:
    s = scene([{"status": status}])
    problem(s.approve(), 502, "BILLING_UNAVAILABLE")
    assert len(s.calls()) == 1
    s.assert_still_pending()


@pytest.mark.parametrize(
    "answer",
    [{"unexpected": True}, {"id": ""}, {"id": None}, "not an object"],
    ids=["no-id", "empty-id", "null-id", "not-an-object"],
)
def test_a_success_without_an_account_id_is_502(scene: MakeScene, answer: Any) -> None:
    s = scene([{"status": 201, "body": answer}])
    problem(s.approve(), 502, "BILLING_UNAVAILABLE")
    assert len(s.calls()) == 1
    s.assert_still_pending()


# ---------------------------------------------------------------------------------- concurrency


def test_concurrent_approvals_call_billing_once(scene: MakeScene, apps: Apps) -> None:
    s = scene([{"delay": 0.5}])
    assert s.server is not None
    # A second app (its own connection pool), as a second server process would be.
    clients = [s.client, apps(s.server.url, instance="second")]
    statuses: list[int] = []
    barrier = threading.Barrier(len(clients))

    def approve(client: TestClient) -> None:
        barrier.wait()
        statuses.append(s.approve(client).status_code)

    threads = [threading.Thread(target=approve, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [200, 409]
    assert len(s.calls()) == 1
    assert len(s.accounts()) == 1
    assert len(s.approval_events()) == 1


# ------------------------------------------------------------------- hostile or broken answers
# Garbled and truncated answers are retried like dropped connections; the timeout is a real
# deadline per attempt; a redirect is refused, so our token never travels to another host.


@pytest.mark.parametrize(
    "garbled",
    [{"raw": "HELLO WORLD\r\n\r\n"}, {"status": 201, "truncate": True}],
    ids=["bad-status-line", "truncated-body"],
)
def test_a_garbled_answer_is_retried_like_a_dropped_connection(
    scene: MakeScene, garbled: dict[str, Any]
) -> None:
    s = scene([garbled])
    response = s.approve()
    assert response.status_code == 200, response.text
    assert len(s.calls()) == 2
    [account] = s.accounts()
    assert response.json()["billing_account_id"] == account["id"]


def test_a_trickling_answer_is_cut_off_at_the_timeout(scene: MakeScene) -> None:
    timeout = 0.3
    s = scene(
        [{"drip": 0.2, "drip_bytes": 10}],
        default={"drip": 0.2, "drip_bytes": 10},
        billing_timeout_seconds=str(timeout),
        billing_max_attempts="1",
    )
    response, elapsed = s.timed_approve()
    assert elapsed < timeout + 1.0, f"approval took {elapsed:.1f} s"
    problem(response, 502, "BILLING_UNAVAILABLE")


def test_a_redirect_does_not_carry_the_token_elsewhere(scene: MakeScene) -> None:
    with running_billing_server() as elsewhere:
        s = scene(
            [{"status": 302, "location": elsewhere.url + "/accounts"}],
            billing_api_token="billing-token-0123456789",
        )
        response = s.approve()
        leaked = elsewhere.requests()
    assert leaked == [], leaked
    problem(response, 502, "BILLING_UNAVAILABLE")


# ------------------------------------------------- no lock across the call (issue 13, item 3)
# Approval claims the provider in a short transaction, calls billing with no transaction open,
# then applies the result: a slow billing service holds no row lock and no other request.


def events(s: Scene, action: str) -> list[dict[str, Any]]:
    response = s.client.get(
        "/api/v1/admin/audit-events", params={"action": action, "limit": 100}, headers=s.admin
    )
    assert response.status_code == 200, response.text
    return [e for e in response.json()["items"] if e["target_id"] == s.id]


def row_lock_is_free(database_url: str, provider_id: str) -> bool:
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            connection.execute(text("SET LOCAL lock_timeout = '100ms'"))
            connection.execute(
                text("SELECT id FROM providers WHERE id = :id FOR UPDATE NOWAIT"),
                {"id": provider_id},
            )
        return True
    except Exception:  # LockNotAvailable
        return False
    finally:
        engine.dispose()


def test_a_slow_billing_call_holds_no_lock_and_blocks_no_request(
    scene: MakeScene, clean_db: str
) -> None:
    s = scene(default={"delay": 3}, billing_timeout_seconds="10", billing_max_attempts="1")
    outcome: list[Any] = []
    approving = threading.Thread(target=lambda: outcome.append(s.approve()))
    approving.start()
    try:
        deadline = time.monotonic() + 10
        while not s.calls():  # billing has the request: the approval is between its steps
            assert time.monotonic() < deadline, "billing never called"
            time.sleep(0.02)
        started = time.monotonic()
        assert row_lock_is_free(clean_db, s.id)
        assert s.record()["status"] == "pending"
        second = s.approve()
        problem(second, 409, "APPROVAL_IN_PROGRESS")
        assert second.headers["retry-after"] == "5"
        reject = s.client.post(
            f"/api/v1/admin/providers/{s.id}/reject",
            json={"rejection_reason": "changed our mind"},
            headers=s.admin,
        )
        problem(reject, 409, "APPROVAL_IN_PROGRESS")
        assert time.monotonic() - started < 1.5, "a request waited for the billing call"
    finally:
        approving.join(timeout=30)
    [response] = outcome
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "approved"
    assert len(s.calls()) == 1
    assert [e["action"] for e in events(s, "provider.approval_started")] == [
        "provider.approval_started"
    ]
    assert len(s.approval_events()) == 1
    assert s.record()["billing_account_id"] == s.accounts()[0]["id"]


def test_a_failed_billing_call_releases_the_claim_and_is_audited(scene: MakeScene) -> None:
    s = scene(url=unused_url())
    problem(s.approve(), 502, "BILLING_UNAVAILABLE")
    s.assert_still_pending()
    assert len(events(s, "provider.approval_started")) == 1
    [failed] = events(s, "provider.approval_failed")
    assert "could not open an account" in failed["details"]["error"]
    # Released: a rejection is not refused as "in progress".
    reject = s.client.post(
        f"/api/v1/admin/providers/{s.id}/reject",
        json={"rejection_reason": "no billing"},
        headers=s.admin,
    )
    assert reject.status_code == 200, reject.text


def interrupt_approval(s: Scene, database_url: str) -> None:
    """What a crash between the steps leaves: a claim older than approval_timeout_seconds."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            connection.execute(
                text(
                    "UPDATE providers SET approval_started_at = now() - interval '1 hour' "
                    "WHERE id = :id"
                ),
                {"id": s.id},
            )
    finally:
        engine.dispose()


def run_maintenance(database_url: str, billing_url: str) -> dict[str, int]:
    from provider_registry import maintenance
    from provider_registry.kit import db

    settings = load_settings(
        config_file=None,
        environ=settings_env(database_url, **DEFAULTS, billing_url=billing_url),
    )
    database = db.Database(db.make_engine(settings.database))
    try:
        return maintenance.run(database, settings)
    finally:
        database.dispose()


def test_maintenance_completes_an_interrupted_approval(scene: MakeScene, clean_db: str) -> None:
    s = scene()
    assert s.server is not None
    interrupt_approval(s, clean_db)
    summary = run_maintenance(clean_db, s.server.url)
    assert (summary["approvals_completed"], summary["approvals_undone"]) == (1, 0)
    record = s.record()
    assert record["status"] == "approved"
    [account] = s.accounts()
    assert record["billing_account_id"] == account["id"]
    [approved] = s.approval_events()
    assert approved["actor_kind"] == "system"
    # Idempotent: a second run finds nothing to do.
    again = run_maintenance(clean_db, s.server.url)
    assert (again["approvals_completed"], again["approvals_undone"]) == (0, 0)


def test_maintenance_undoes_an_interrupted_approval_billing_refuses(
    scene: MakeScene, clean_db: str
) -> None:
    s = scene()
    interrupt_approval(s, clean_db)
    summary = run_maintenance(clean_db, unused_url())
    assert (summary["approvals_completed"], summary["approvals_undone"]) == (0, 1)
    s.assert_still_pending()
    [failed] = events(s, "provider.approval_failed")
    assert failed["actor_kind"] == "system"
    # The claim is gone: the provider can be approved again at once.
    assert s.approve().status_code == 200
