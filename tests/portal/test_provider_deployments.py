"""Deployments as their provider sees them: its list, accepting, status reports, actions and
acknowledgements, who may do what, and the accept race."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.deployments.models import Deployment, DeploymentAction
from tests.conftest import MakeClient, problem
from tests.portal.world import ProviderActor, Tenant, World, db_session
from tests.providers.factories import provider_session

pytestmark = pytest.mark.integration

DEPLOYMENTS = "/api/v1/deployments"
PROVIDER = "/api/v1/provider/deployments"
REPORT = {
    "replicas": {"ready": 1, "total": 2},
    "services": [
        {"name": "web", "state": "running", "replicas": 1},
        {"name": "worker", "state": "starting", "replicas": 0},
    ],
}


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def deployment_row(world: World, deployment_id: str) -> Deployment:
    with db_session(world.database_url) as session:
        row = session.get(Deployment, uuid.UUID(deployment_id))
        assert row is not None
        return row


def request_action(world: World, tenant: Tenant, deployment_id: str, action: str) -> str:
    response = world.client.post(
        f"{DEPLOYMENTS}/{deployment_id}/actions", headers=tenant.headers, json={"action": action}
    )
    assert response.status_code == 202, response.text
    action_id: str = response.json()["id"]
    return action_id


def accept(world: World, provider: ProviderActor, deployment_id: str, **kwargs: Any) -> Any:
    return world.client.post(
        f"{PROVIDER}/{deployment_id}/accept", headers=provider.headers, **kwargs
    )


def report(world: World, provider: ProviderActor, deployment_id: str, body: dict[str, Any]) -> Any:
    return world.client.put(
        f"{PROVIDER}/{deployment_id}/status", headers=provider.headers, json=body
    )


def suspend(world: World, provider: ProviderActor) -> None:
    response = world.client.post(
        f"/api/v1/admin/providers/{provider.id}/suspend", headers=world.admin, json={"reason": "x"}
    )
    assert response.status_code == 200, response.text
    # Suspension ends the provider's sessions at once; it signs in again, suspended.
    provider.headers.update(provider_session(world.client, provider.registered))


# ------------------------------------------------------------------------------------ listing


def test_a_provider_lists_only_its_own_deployments(world: World) -> None:
    tenant, provider, other = world.tenant(), world.provider(), world.provider()
    states = ["pending", "active", "closed", "pending", "active"]
    mine = [world.insert_deployment(tenant, provider, state=s) for s in states]
    world.insert_deployment(tenant, other)
    newest_first = list(reversed(mine))

    seen: list[str] = []
    cursor: str | None = None
    while True:
        query = "limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = world.client.get(f"{PROVIDER}?{query}", headers=provider.headers).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == newest_first

    pending = world.client.get(f"{PROVIDER}?status=pending", headers=provider.headers).json()
    assert [d["id"] for d in pending["items"]] == [mine[3], mine[0]]
    assert pending["next_cursor"] is None
    errors = problem(world.client.get(f"{PROVIDER}?cursor=garbage", headers=provider.headers), 400)[
        "errors"
    ]
    assert errors[0]["code"] == "INVALID_CURSOR"
    problem(world.client.get(f"{PROVIDER}?status=running", headers=provider.headers), 400)

    # A suspended provider still sees what runs on it.
    suspend(world, provider)
    assert len(world.client.get(PROVIDER, headers=provider.headers).json()["items"]) == 5


def test_accounts_cannot_use_provider_operations(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    problem(world.client.get(PROVIDER, headers=tenant.headers), 403, "FORBIDDEN")
    problem(world.client.get(PROVIDER, headers=world.admin), 403, "FORBIDDEN")
    problem(world.client.post(f"{PROVIDER}/{deployment_id}/accept", headers=tenant.headers), 403)
    problem(
        world.client.put(f"{PROVIDER}/{deployment_id}/status", headers=tenant.headers, json=REPORT),
        403,
    )
    problem(world.client.get(f"{PROVIDER}/{deployment_id}/actions", headers=tenant.headers), 403)
    problem(world.client.get(PROVIDER), 401)
    assert deployment_row(world, deployment_id).state == "pending"


def test_another_provider_gets_404_on_every_operation(world: World) -> None:
    tenant, provider, other = world.tenant(), world.provider(), world.provider()
    pending = world.insert_deployment(tenant, provider, state="pending")
    active = world.insert_deployment(tenant, provider)
    action_id = request_action(world, tenant, active, "stop")
    responses = [
        accept(world, other, pending),
        report(world, other, active, REPORT),
        world.client.get(f"{PROVIDER}/{active}/actions", headers=other.headers),
        world.client.post(
            f"{PROVIDER}/{active}/actions/{action_id}/ack",
            headers=other.headers,
            json={"result": "succeeded"},
        ),
        accept(world, other, str(uuid.uuid4())),
    ]
    for response in responses:
        problem(response, 404, "DEPLOYMENT_NOT_FOUND")
    assert world.client.get(PROVIDER, headers=other.headers).json()["items"] == []
    assert deployment_row(world, pending).state == "pending"


# ------------------------------------------------------------------------------------ accept


def test_accept_generates_a_lease_id_and_expects_one_replica(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    accepted = accept(world, provider, deployment_id)
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert body["state"] == "active"
    assert body["lease_id"].startswith("lease-")
    assert body["accepted_at"] is not None
    row = deployment_row(world, deployment_id)
    assert (row.state, row.replicas_ready, row.replicas_total) == ("active", 0, 1)
    assert row.lease_id == body["lease_id"]
    # Again: it is no longer pending.
    conflict = problem(accept(world, provider, deployment_id), 409, "DEPLOYMENT_NOT_PENDING")
    assert conflict["current_state"] == "active"
    closed = world.insert_deployment(tenant, provider, state="closed")
    problem(accept(world, provider, closed, json={}), 409, "DEPLOYMENT_NOT_PENDING")


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"lease_id": ""}, "lease_id", "INVALID_LEASE_ID"),
        ({"lease_id": "has space"}, "lease_id", "INVALID_LEASE_ID"),
        ({"lease_id": "x" * 101}, "lease_id", "INVALID_LEASE_ID"),
        ({"lease_id": 12}, "lease_id", "INVALID_LEASE_ID"),
        ({"state": "active"}, "state", "UNKNOWN_FIELD"),
    ],
)
def test_accept_body_is_validated(
    world: World, body: dict[str, Any], field: str, code: str
) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    errors = problem(accept(world, provider, deployment_id, json=body), 400, "VALIDATION_ERROR")[
        "errors"
    ]
    assert [(e["field"], e["code"]) for e in errors] == [(field, code)]
    assert deployment_row(world, deployment_id).state == "pending"


def test_a_given_lease_id_is_kept(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    accepted = accept(world, provider, deployment_id, json={"lease_id": "dseq:1234.gseq-1_o"})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["lease_id"] == "dseq:1234.gseq-1_o"


def test_a_suspended_provider_cannot_accept(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    suspend(world, provider)
    body = problem(accept(world, provider, deployment_id), 403, "PROVIDER_SUSPENDED")
    assert body["current_status"] == "suspended"
    assert deployment_row(world, deployment_id).state == "pending"


def test_a_read_only_provider_key_cannot_accept(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    created = world.client.post(
        "/api/v1/provider/api-keys",
        headers=provider.headers,
        json={"name": "reader", "scopes": ["deployments:read"]},
    )
    assert created.status_code == 201, created.text
    headers = {"X-API-Key": created.json()["key"]}
    assert len(world.client.get(PROVIDER, headers=headers).json()["items"]) == 1
    problem(
        world.client.post(f"{PROVIDER}/{deployment_id}/accept", headers=headers), 403, "FORBIDDEN"
    )
    # A provider key with the write scope works like the provider's token.
    full = world.client.post(
        "/api/v1/provider/api-keys",
        headers=provider.headers,
        json={"name": "writer", "scopes": ["deployments:read", "deployments:write"]},
    ).json()["key"]
    response = world.client.post(f"{PROVIDER}/{deployment_id}/accept", headers={"X-API-Key": full})
    assert response.status_code == 200, response.text


def test_concurrent_accepts_have_exactly_one_winner(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client()
    world = World(client, database_url)
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider, state="pending")
    barrier = threading.Barrier(8)
    responses: list[Any] = []

    def attempt(n: int) -> None:
        barrier.wait()
        responses.append(
            client.post(
                f"{PROVIDER}/{deployment_id}/accept",
                headers=provider.headers,
                json={"lease_id": f"lease-{n}"},
            )
        )

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [r for r in responses if r.status_code == 200]
    assert len(winners) == 1, [r.status_code for r in responses]
    for response in responses:
        if response.status_code != 200:
            problem(response, 409, "DEPLOYMENT_NOT_PENDING")
    row = deployment_row(world, deployment_id)
    assert row.lease_id == winners[0].json()["lease_id"]
    assert row.version == 2


# ------------------------------------------------------------------------------ status reports


def test_status_reports_replace_the_last_one(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    reported = report(world, provider, deployment_id, REPORT)
    assert reported.status_code == 200, reported.text
    assert reported.json()["replicas"] == {"ready": 1, "total": 2}
    assert reported.json()["services"] == REPORT["services"]
    assert reported.json()["state"] == "active"
    # Services may be left out: none reported.
    again = report(world, provider, deployment_id, {"replicas": {"ready": 3, "total": 3}})
    assert again.status_code == 200, again.text
    status = world.client.get(
        f"{DEPLOYMENTS}/{deployment_id}/status", headers=tenant.headers
    ).json()
    assert status["replicas"] == {"ready": 3, "total": 3}
    assert status["services"] == []
    assert status["updated_at"] >= reported.json()["updated_at"]


def test_a_closed_report_ends_the_lease(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    closed = report(
        world, provider, deployment_id, {"replicas": {"ready": 0, "total": 0}, "state": "closed"}
    )
    assert closed.status_code == 200, closed.text
    assert closed.json()["state"] == "closed"
    row = deployment_row(world, deployment_id)
    assert row.state == "closed"
    assert row.closed_at is not None
    problem(report(world, provider, deployment_id, REPORT), 409, "DEPLOYMENT_CLOSED")
    problem(
        world.client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=tenant.headers),
        409,
        "DEPLOYMENT_CLOSED",
    )


def test_reports_need_an_active_deployment(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    pending = world.insert_deployment(tenant, provider, state="pending")
    closed = world.insert_deployment(tenant, provider, state="closed")
    problem(report(world, provider, pending, REPORT), 409, "DEPLOYMENT_NOT_ACTIVE")
    problem(report(world, provider, closed, REPORT), 409, "DEPLOYMENT_CLOSED")
    assert deployment_row(world, pending).services == []


def test_contradictory_reports_are_422(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    errors = problem(
        report(world, provider, deployment_id, {"replicas": {"ready": 3, "total": 2}}),
        422,
        "DEPLOYMENT_INVALID_STATUS_REPORT",
    )["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("replicas.ready", "REPLICAS_READY_EXCEEDS_TOTAL")
    ]
    twice = {
        "replicas": {"ready": 1, "total": 1},
        "services": [
            {"name": "web", "state": "running", "replicas": 1},
            {"name": "web", "state": "failed", "replicas": 0},
        ],
    }
    errors = problem(report(world, provider, deployment_id, twice), 422)["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("services.1.name", "DUPLICATE_SERVICE")]
    row = deployment_row(world, deployment_id)
    assert (row.replicas_ready, row.replicas_total, row.services) == (1, 1, [])


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({}, "replicas", "REQUIRED"),
        ({"replicas": {"ready": 1}}, "replicas.total", "REQUIRED"),
        ({"replicas": {"ready": -1, "total": 1}}, "replicas.ready", "TOO_SMALL"),
        ({"replicas": {"ready": 1, "total": 10001}}, "replicas.total", "TOO_LARGE"),
        ({"replicas": {"ready": 1.5, "total": 2}}, "replicas.ready", "INVALID_TYPE"),
        ({"replicas": {"ready": 1, "total": 1}, "state": "active"}, "state", "INVALID_VALUE"),
        ({"replicas": {"ready": 1, "total": 1}, "extra": 1}, "extra", "UNKNOWN_FIELD"),
        (
            {
                "replicas": {"ready": 1, "total": 1},
                "services": [{"name": "web", "state": "running"}],
            },
            "services.0.replicas",
            "REQUIRED",
        ),
        (
            {
                "replicas": {"ready": 1, "total": 1},
                "services": [{"name": "-bad", "state": "running", "replicas": 1}],
            },
            "services.0.name",
            "INVALID_SERVICE_NAME",
        ),
        (
            {
                "replicas": {"ready": 1, "total": 1},
                "services": [{"name": "web", "state": "Running!", "replicas": 1}],
            },
            "services.0.state",
            "INVALID_SERVICE_STATE",
        ),
        (
            {
                "replicas": {"ready": 1, "total": 1},
                "services": [
                    {"name": f"s{i}", "state": "running", "replicas": 1} for i in range(51)
                ],
            },
            "services",
            "TOO_MANY_ITEMS",
        ),
    ],
)
def test_every_report_field_rule(world: World, body: dict[str, Any], field: str, code: str) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    errors = problem(report(world, provider, deployment_id, body), 400, "VALIDATION_ERROR")[
        "errors"
    ]
    assert (field, code) in [(e["field"], e["code"]) for e in errors], errors


# ------------------------------------------------------------------------------------ actions


def test_pending_actions_oldest_first_and_acknowledgement(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    first = request_action(world, tenant, deployment_id, "stop")
    second = request_action(world, tenant, deployment_id, "start")
    third = request_action(world, tenant, deployment_id, "restart")
    listed = world.client.get(
        f"{PROVIDER}/{deployment_id}/actions", headers=provider.headers
    ).json()
    assert [(a["id"], a["action"]) for a in listed["items"]] == [
        (first, "stop"),
        (second, "start"),
        (third, "restart"),
    ]
    assert all(a["status"] == "pending" for a in listed["items"])
    assert listed["next_cursor"] is None

    base = f"{PROVIDER}/{deployment_id}/actions"
    # Keyset pages, oldest first; a cursor survives an acknowledgement on an earlier page.
    page = world.client.get(f"{base}?limit=2", headers=provider.headers).json()
    assert [a["id"] for a in page["items"]] == [first, second]
    assert page["next_cursor"]
    ack = world.client.post(
        f"{base}/{first}/ack", headers=provider.headers, json={"result": "succeeded"}
    )
    assert ack.status_code == 200, ack.text
    assert ack.json()["message"] is None
    rest = world.client.get(
        f"{base}?limit=2&cursor={page['next_cursor']}", headers=provider.headers
    ).json()
    assert [a["id"] for a in rest["items"]] == [third]
    assert rest["next_cursor"] is None
    problem(
        world.client.get(f"{base}?cursor=bm90LWEtY3Vyc29y", headers=provider.headers),
        400,
        "VALIDATION_ERROR",
    )
    problem(world.client.get(f"{base}?limit=101", headers=provider.headers), 400)
    failed = world.client.post(
        f"{base}/{second}/ack", headers=provider.headers, json={"result": "failed", "message": "no"}
    )
    assert failed.status_code == 200, failed.text
    assert failed.json()["status"] == "failed"
    assert failed.json()["message"] == "no"
    listed = world.client.get(base, headers=provider.headers).json()
    assert [a["id"] for a in listed["items"]] == [third]

    again = problem(
        world.client.post(
            f"{base}/{first}/ack", headers=provider.headers, json={"result": "failed"}
        ),
        409,
        "DEPLOYMENT_ACTION_ALREADY_ACKNOWLEDGED",
    )
    assert again["current_status"] == "succeeded"
    with db_session(world.database_url) as session:
        row = session.get(DeploymentAction, uuid.UUID(first))
        assert row is not None
        assert row.status == "succeeded"
        assert row.acknowledged_at is not None
        assert str(row.requested_by) == tenant.id


def test_acknowledging_someone_elses_action_is_404(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    one = world.insert_deployment(tenant, provider)
    two = world.insert_deployment(tenant, provider)
    action_id = request_action(world, tenant, one, "restart")
    for deployment_id, target in ((two, action_id), (one, str(uuid.uuid4()))):
        problem(
            world.client.post(
                f"{PROVIDER}/{deployment_id}/actions/{target}/ack",
                headers=provider.headers,
                json={"result": "succeeded"},
            ),
            404,
            "DEPLOYMENT_ACTION_NOT_FOUND",
        )
    problem(
        world.client.post(
            f"{PROVIDER}/{one}/actions/not-a-uuid/ack",
            headers=provider.headers,
            json={"result": "succeeded"},
        ),
        400,
    )


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({}, "result", "REQUIRED"),
        ({"result": "pending"}, "result", "INVALID_VALUE"),
        ({"result": "succeeded", "message": "x" * 1001}, "message", "TOO_LONG"),
        ({"result": "succeeded", "status": "failed"}, "status", "UNKNOWN_FIELD"),
    ],
)
def test_acknowledgements_are_validated(
    world: World, body: dict[str, Any], field: str, code: str
) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    action_id = request_action(world, tenant, deployment_id, "stop")
    errors = problem(
        world.client.post(
            f"{PROVIDER}/{deployment_id}/actions/{action_id}/ack",
            headers=provider.headers,
            json=body,
        ),
        400,
        "VALIDATION_ERROR",
    )["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(field, code)]
    with db_session(world.database_url) as session:
        row = session.get(DeploymentAction, uuid.UUID(action_id))
        assert row is not None
        assert row.status == "pending"


def test_concurrent_acknowledgements_have_exactly_one_winner(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client()
    world = World(client, database_url)
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    action_id = request_action(world, tenant, deployment_id, "restart")
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def attempt(result: str) -> None:
        barrier.wait()
        statuses.append(
            client.post(
                f"{PROVIDER}/{deployment_id}/actions/{action_id}/ack",
                headers=provider.headers,
                json={"result": result},
            ).status_code
        )

    threads = [
        threading.Thread(target=attempt, args=("succeeded" if n % 2 else "failed",))
        for n in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [409] * 5, statuses
