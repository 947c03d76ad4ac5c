"""Deployments as tenants see them: the whole lease flow, validation, placement rules,
visibility, lists and the close race."""

from __future__ import annotations

import base64
import threading
import uuid
from typing import Any

import pytest
from sqlalchemy import func
from sqlmodel import select
from starlette.testclient import TestClient

from provider_registry.deployments.models import Deployment, DeploymentAction
from tests.conftest import MakeClient, problem
from tests.identity.helpers import create_key
from tests.portal.world import ProviderActor, Tenant, World, db_session

pytestmark = pytest.mark.integration

DEPLOYMENTS = "/api/v1/deployments"
PROVIDER_DEPLOYMENTS = "/api/v1/provider/deployments"
RESOURCES = {"cpu": 2, "memory": 4, "storage": 20}


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def body(provider: ProviderActor, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"provider_id": provider.id, "name": "web", "resources": RESOURCES}
    data.update(overrides)
    return data


def create(world: World, tenant: Tenant, provider: ProviderActor, **overrides: Any) -> Any:
    return world.client.post(DEPLOYMENTS, headers=tenant.headers, json=body(provider, **overrides))


def created(
    world: World, tenant: Tenant, provider: ProviderActor, **overrides: Any
) -> dict[str, Any]:
    response = create(world, tenant, provider, **overrides)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def count_rows(world: World, model: Any = Deployment) -> int:
    with db_session(world.database_url) as session:
        return int(session.exec(select(func.count()).select_from(model)).one())


def publish_service(
    world: World, provider: ProviderActor, name: str = "svc", publish: bool = True
) -> str:
    service = {
        "name": name,
        "version": "1.0.0",
        "description": "A service to deploy",
        "category": "text-generation",
        "endpoint": {"url": "https://api.acme.example/v1", "protocol": "rest"},
        "pricing": {"model": "free", "rates": []},
    }
    response = world.client.post("/api/v1/services", headers=provider.headers, json=service)
    assert response.status_code == 201, response.text
    service_id: str = response.json()["id"]
    if publish:
        published = world.client.post(
            f"/api/v1/services/{service_id}/publish", headers=provider.headers
        )
        assert published.status_code == 200, published.text
    return service_id


# ------------------------------------------------------------------------------------ the flow


def test_the_whole_lease_flow(world: World) -> None:
    client = world.client
    tenant, provider = world.tenant(), world.provider()

    response = create(world, tenant, provider, name="inference", resources={**RESOURCES, "gpu": 1})
    assert response.status_code == 201, response.text
    deployment = response.json()
    deployment_id = deployment["id"]
    assert response.headers["location"] == f"{DEPLOYMENTS}/{deployment_id}"
    assert deployment["state"] == "pending"
    assert deployment["owner_account_id"] == tenant.id
    assert deployment["provider_id"] == provider.id
    assert deployment["organization_id"] is None
    assert deployment["service_id"] is None
    assert deployment["lease_id"] is None
    assert deployment["accepted_at"] is None
    assert deployment["closed_at"] is None
    assert deployment["resources"] == {"cpu": 2, "memory": 4, "storage": 20, "gpu": 1}

    # The provider sees it and accepts it.
    listed = client.get(PROVIDER_DEPLOYMENTS, headers=provider.headers).json()
    assert [d["id"] for d in listed["items"]] == [deployment_id]
    accepted = client.post(
        f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/accept",
        headers=provider.headers,
        json={"lease_id": "lease-42"},
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["state"] == "active"
    assert accepted.json()["lease_id"] == "lease-42"
    assert accepted.json()["accepted_at"] is not None

    # Before any report: one replica expected, none ready.
    status = client.get(f"{DEPLOYMENTS}/{deployment_id}/status", headers=tenant.headers).json()
    assert status["replicas"] == {"ready": 0, "total": 1}
    assert status["services"] == []

    report = {
        "replicas": {"ready": 2, "total": 2},
        "services": [{"name": "web", "state": "running", "replicas": 2}],
    }
    reported = client.put(
        f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/status", headers=provider.headers, json=report
    )
    assert reported.status_code == 200, reported.text
    status = client.get(f"{DEPLOYMENTS}/{deployment_id}/status", headers=tenant.headers).json()
    assert status == {
        "deployment_id": deployment_id,
        "lease_id": "lease-42",
        "state": "active",
        "replicas": {"ready": 2, "total": 2},
        "services": [{"name": "web", "state": "running", "replicas": 2}],
        "updated_at": status["updated_at"],
    }

    # The tenant asks for a restart; the provider picks it up and acknowledges it.
    requested = client.post(
        f"{DEPLOYMENTS}/{deployment_id}/actions", headers=tenant.headers, json={"action": "restart"}
    )
    assert requested.status_code == 202, requested.text
    action = requested.json()
    assert action["action"] == "restart"
    assert action["status"] == "pending"
    assert action["message"] is None
    assert action["acknowledged_at"] is None
    assert action["deployment_id"] == deployment_id
    pending = client.get(
        f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/actions", headers=provider.headers
    ).json()
    assert [a["id"] for a in pending["items"]] == [action["id"]]
    acked = client.post(
        f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/actions/{action['id']}/ack",
        headers=provider.headers,
        json={"result": "succeeded", "message": "restarted in 3 s"},
    )
    assert acked.status_code == 200, acked.text
    assert acked.json()["status"] == "succeeded"
    assert acked.json()["message"] == "restarted in 3 s"
    assert acked.json()["acknowledged_at"] is not None
    assert client.get(
        f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/actions", headers=provider.headers
    ).json() == {"items": [], "next_cursor": None}

    # The tenant closes it.
    closed = client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=tenant.headers)
    assert closed.status_code == 200, closed.text
    assert closed.json()["state"] == "closed"
    assert closed.json()["closed_at"] is not None
    assert closed.json()["lease_id"] == "lease-42"
    assert (
        client.get(f"{DEPLOYMENTS}/{deployment_id}", headers=tenant.headers).json() == closed.json()
    )
    problem(
        client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=tenant.headers),
        409,
        "DEPLOYMENT_CLOSED",
    )
    with db_session(world.database_url) as session:
        row = session.get(Deployment, uuid.UUID(deployment_id))
        assert row is not None
        assert row.state == "closed"
        assert row.closed_at is not None


# ------------------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"name": ""}, "name", "INVALID_NAME"),
        ({"name": "x" * 101}, "name", "INVALID_NAME"),
        ({"name": "web\napp"}, "name", "INVALID_NAME"),
        ({"name": "tab\there"}, "name", "INVALID_NAME"),
        ({"name": "del\u007f"}, "name", "INVALID_NAME"),
        ({"name": "   "}, "name", "INVALID_NAME"),
        ({"name": 7}, "name", "INVALID_NAME"),
        ({"provider_id": "not-a-uuid"}, "provider_id", "INVALID_FORMAT"),
        ({"service_id": "nope"}, "service_id", "INVALID_FORMAT"),
        ({"organization_id": "nope"}, "organization_id", "INVALID_FORMAT"),
        ({"resources": {**RESOURCES, "cpu": 0}}, "resources.cpu", "TOO_SMALL"),
        ({"resources": {**RESOURCES, "cpu": -1}}, "resources.cpu", "TOO_SMALL"),
        ({"resources": {**RESOURCES, "cpu": 1024.5}}, "resources.cpu", "TOO_LARGE"),
        ({"resources": {**RESOURCES, "cpu": "2"}}, "resources.cpu", "INVALID_TYPE"),
        ({"resources": {**RESOURCES, "cpu": 0.0001}}, "resources.cpu", "TOO_MANY_DECIMALS"),
        ({"resources": {**RESOURCES, "memory": 0}}, "resources.memory", "TOO_SMALL"),
        ({"resources": {**RESOURCES, "memory": 16385}}, "resources.memory", "TOO_LARGE"),
        ({"resources": {**RESOURCES, "memory": 1.2345}}, "resources.memory", "TOO_MANY_DECIMALS"),
        ({"resources": {**RESOURCES, "storage": -0.5}}, "resources.storage", "TOO_SMALL"),
        ({"resources": {**RESOURCES, "storage": 1048577}}, "resources.storage", "TOO_LARGE"),
        ({"resources": {**RESOURCES, "storage": 1e-05}}, "resources.storage", "TOO_MANY_DECIMALS"),
        ({"resources": {**RESOURCES, "gpu": -1}}, "resources.gpu", "TOO_SMALL"),
        ({"resources": {**RESOURCES, "gpu": 65}}, "resources.gpu", "TOO_LARGE"),
        ({"resources": {**RESOURCES, "gpu": 1.5}}, "resources.gpu", "INVALID_TYPE"),
        ({"resources": {"cpu": 1, "memory": 1}}, "resources.storage", "REQUIRED"),
        ({"resources": {**RESOURCES, "disk": 1}}, "resources.disk", "UNKNOWN_FIELD"),
        ({"state": "active"}, "state", "UNKNOWN_FIELD"),
        ({"owner_account_id": str(uuid.uuid4())}, "owner_account_id", "UNKNOWN_FIELD"),
    ],
)
def test_every_field_rule(world: World, overrides: dict[str, Any], field: str, code: str) -> None:
    tenant, provider = world.tenant(), world.provider()
    errors = problem(create(world, tenant, provider, **overrides), 400, "VALIDATION_ERROR")[
        "errors"
    ]
    assert {"field": field, "code": code} in [
        {"field": e["field"], "code": e["code"]} for e in errors
    ], errors
    assert count_rows(world) == 0


def test_required_fields_and_all_errors_at_once(world: World) -> None:
    tenant = world.tenant()
    errors = problem(
        world.client.post(DEPLOYMENTS, headers=tenant.headers, json={}), 400, "VALIDATION_ERROR"
    )["errors"]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("provider_id", "REQUIRED"),
        ("name", "REQUIRED"),
        ("resources", "REQUIRED"),
    }
    # Schema errors and the decimal-places rule are reported together.
    errors = problem(
        world.client.post(
            DEPLOYMENTS,
            headers=tenant.headers,
            json={
                "provider_id": str(uuid.uuid4()),
                "name": "",
                "resources": {"cpu": 0.0001, "memory": 99999, "storage": 1},
            },
        ),
        400,
    )["errors"]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("name", "INVALID_NAME"),
        ("resources.memory", "TOO_LARGE"),
        ("resources.cpu", "TOO_MANY_DECIMALS"),
    }
    problem(
        world.client.post(DEPLOYMENTS, headers=tenant.headers, content=b"{"), 400, "MALFORMED_BODY"
    )


def test_three_decimal_places_and_bounds_are_accepted(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    edge = created(
        world,
        tenant,
        provider,
        name="  edge case  ",
        resources={"cpu": 0.125, "memory": 16384, "storage": 0, "gpu": 64},
    )
    assert edge["resources"] == {"cpu": 0.125, "memory": 16384, "storage": 0, "gpu": 64}
    assert edge["name"] == "edge case"
    tiny = created(world, tenant, provider, resources={"cpu": 0.001, "memory": 0.5, "storage": 1.5})
    assert tiny["resources"] == {"cpu": 0.001, "memory": 0.5, "storage": 1.5, "gpu": 0}
    with db_session(world.database_url) as session:
        row = session.get(Deployment, uuid.UUID(tiny["id"]))
        assert row is not None
        assert str(row.cpu) == "0.001"
        assert str(row.storage) == "1.500"


# ------------------------------------------------------------------------- placement rules


def test_provider_must_exist_and_be_approved(world: World) -> None:
    tenant = world.tenant()
    pending = world.provider(approve=False)
    suspended = world.provider()
    response = world.client.post(
        f"/api/v1/admin/providers/{suspended.id}/suspend",
        headers=world.admin,
        json={"reason": "abuse"},
    )
    assert response.status_code == 200, response.text
    unknown = ProviderActor(id=str(uuid.uuid4()), headers={}, registered={})
    details = set()
    for provider in (unknown, pending, suspended):
        body_ = problem(create(world, tenant, provider), 422, "PROVIDER_NOT_AVAILABLE")
        assert body_["errors"] == [
            {
                "field": "provider_id",
                "message": "is not an approved provider",
                "code": "PROVIDER_NOT_AVAILABLE",
            }
        ]
        details.add(body_["detail"])
    assert len(details) == 1  # the same answer whatever the reason
    assert count_rows(world) == 0


def test_service_must_be_an_active_service_of_the_provider(world: World) -> None:
    tenant, provider, other = world.tenant(), world.provider(), world.provider()
    active = publish_service(world, provider, "active-svc")
    unpublished = publish_service(world, provider, "draft-svc", publish=False)
    elsewhere = publish_service(world, other, "other-svc")
    for service_id in (unpublished, elsewhere, str(uuid.uuid4())):
        errors = problem(
            create(world, tenant, provider, service_id=service_id), 422, "SERVICE_NOT_AVAILABLE"
        )["errors"]
        assert errors[0]["field"] == "service_id"
    assert count_rows(world) == 0
    assert created(world, tenant, provider, service_id=active)["service_id"] == active


def test_organization_needs_admin_or_member_role(world: World) -> None:
    owner, member, viewer, stranger = (world.tenant() for _ in range(4))
    provider = world.provider()
    organization = world.insert_organization(owner, {"member": member, "viewer": viewer})
    for tenant, organization_id in (
        (viewer, organization),
        (stranger, organization),
        (owner, str(uuid.uuid4())),
    ):
        errors = problem(
            create(world, tenant, provider, organization_id=organization_id),
            422,
            "ORGANIZATION_NOT_AVAILABLE",
        )["errors"]
        assert errors[0]["field"] == "organization_id"
    assert count_rows(world) == 0
    by_admin = created(world, owner, provider, organization_id=organization)
    by_member = created(world, member, provider, organization_id=organization)
    assert by_admin["organization_id"] == by_member["organization_id"] == organization
    assert by_member["owner_account_id"] == member.id
    # Every member, viewers included, sees both.
    for tenant in (owner, member, viewer):
        listed = world.client.get(DEPLOYMENTS, headers=tenant.headers).json()["items"]
        assert {d["id"] for d in listed} == {by_admin["id"], by_member["id"]}
    assert world.client.get(DEPLOYMENTS, headers=stranger.headers).json()["items"] == []


def test_declared_capacity_is_a_ceiling(world: World) -> None:
    tenant, provider, unbounded = world.tenant(), world.provider(), world.provider()
    capacity = {
        "cpu_cores": 8,
        "memory_gb": 32,
        "storage_gb": 100,
        "gpu_count": 1,
        "region": "eu-west-1",
    }
    response = world.client.put(
        "/api/v1/provider/capacity", headers=provider.headers, json=capacity
    )
    assert response.status_code == 200, response.text

    too_big = {"cpu": 8.5, "memory": 32, "storage": 101, "gpu": 2}
    errors = problem(
        create(world, tenant, provider, resources=too_big), 422, "INSUFFICIENT_CAPACITY"
    )["errors"]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("resources.cpu", "INSUFFICIENT_CAPACITY"),
        ("resources.storage", "INSUFFICIENT_CAPACITY"),
        ("resources.gpu", "INSUFFICIENT_CAPACITY"),
    }
    assert count_rows(world) == 0
    exact = {"cpu": 8, "memory": 32, "storage": 100, "gpu": 1}
    assert created(world, tenant, provider, resources=exact)["resources"] == exact
    # A provider that declared nothing takes anything within the API's bounds.
    assert created(world, tenant, unbounded, resources=too_big)["state"] == "pending"


# ------------------------------------------------------------------------------ visibility


def _every_id_operation(
    client: TestClient, deployment_id: str, headers: dict[str, str]
) -> list[Any]:
    base = f"{DEPLOYMENTS}/{deployment_id}"
    return [
        client.get(base, headers=headers),
        client.get(f"{base}/status", headers=headers),
        client.post(f"{base}/actions", headers=headers, json={"action": "stop"}),
        client.post(f"{base}/close", headers=headers),
    ]


def test_other_tenants_get_404_on_every_operation(world: World) -> None:
    owner, other, provider = world.tenant(), world.tenant(), world.provider()
    deployment_id = world.insert_deployment(owner, provider)
    for response in _every_id_operation(world.client, deployment_id, other.headers):
        problem(response, 404, "DEPLOYMENT_NOT_FOUND")
    # Exactly what a deployment that does not exist gets.
    for response in _every_id_operation(world.client, str(uuid.uuid4()), other.headers):
        problem(response, 404, "DEPLOYMENT_NOT_FOUND")
    problem(world.client.get(f"{DEPLOYMENTS}/not-a-uuid", headers=other.headers), 400)
    assert world.client.get(DEPLOYMENTS, headers=other.headers).json()["items"] == []
    assert count_rows(world, DeploymentAction) == 0


def test_organization_roles(world: World) -> None:
    owner, admin, member, viewer = (world.tenant() for _ in range(4))
    provider = world.provider()
    organization = world.insert_organization(admin, {"member": member, "viewer": viewer})
    deployment_id = world.insert_deployment(owner, provider, organization_id=organization)
    # The deployment is the organization's: its creator, no longer a member, has no access.
    base = f"{DEPLOYMENTS}/{deployment_id}"
    problem(world.client.get(base, headers=owner.headers), 404, "DEPLOYMENT_NOT_FOUND")
    for tenant in (admin, member, viewer):
        assert world.client.get(base, headers=tenant.headers).status_code == 200
        assert world.client.get(f"{base}/status", headers=tenant.headers).status_code == 200
    # Viewers read, but may not act.
    problem(
        world.client.post(f"{base}/actions", headers=viewer.headers, json={"action": "stop"}),
        403,
        "FORBIDDEN",
    )
    problem(world.client.post(f"{base}/close", headers=viewer.headers), 403, "FORBIDDEN")
    for tenant in (admin, member):
        response = world.client.post(
            f"{base}/actions", headers=tenant.headers, json={"action": "start"}
        )
        assert response.status_code == 202, response.text
    assert count_rows(world, DeploymentAction) == 2
    assert world.client.post(f"{base}/close", headers=member.headers).status_code == 200


def test_platform_admins_read_everything_but_change_nothing(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    base = f"{DEPLOYMENTS}/{deployment_id}"
    assert world.client.get(base, headers=world.admin).status_code == 200
    assert world.client.get(f"{base}/status", headers=world.admin).status_code == 200
    listed = world.client.get(DEPLOYMENTS, headers=world.admin).json()["items"]
    assert deployment_id in {d["id"] for d in listed}
    problem(
        world.client.post(f"{base}/actions", headers=world.admin, json={"action": "stop"}),
        403,
        "FORBIDDEN",
    )
    problem(world.client.post(f"{base}/close", headers=world.admin), 403, "FORBIDDEN")
    with db_session(world.database_url) as session:
        row = session.get(Deployment, uuid.UUID(deployment_id))
        assert row is not None
        assert row.state == "active"


def test_providers_cannot_use_tenant_operations(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    problem(world.client.get(DEPLOYMENTS, headers=provider.headers), 403, "FORBIDDEN")
    problem(world.client.post(DEPLOYMENTS, headers=provider.headers, json=body(provider)), 403)
    for response in _every_id_operation(world.client, deployment_id, provider.headers):
        problem(response, 403, "FORBIDDEN")


def test_unauthenticated_callers_get_401(world: World) -> None:
    provider = world.provider()
    problem(world.client.get(DEPLOYMENTS), 401)
    problem(world.client.post(DEPLOYMENTS, json=body(provider)), 401)


def test_a_read_only_key_cannot_write(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    key = create_key(world.client, tenant.headers, ["deployments:read"])["key"]
    headers = {"X-API-Key": key}
    assert world.client.get(f"{DEPLOYMENTS}/{deployment_id}", headers=headers).status_code == 200
    assert len(world.client.get(DEPLOYMENTS, headers=headers).json()["items"]) == 1
    problem(world.client.post(DEPLOYMENTS, headers=headers, json=body(provider)), 403, "FORBIDDEN")
    problem(world.client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=headers), 403)
    writer = create_key(world.client, tenant.headers, ["deployments:read", "deployments:write"])
    response = world.client.post(
        f"{DEPLOYMENTS}/{deployment_id}/close", headers={"X-API-Key": writer["key"]}
    )
    assert response.status_code == 200, response.text


# ------------------------------------------------------------------------ lists and paging


def test_list_filters_and_keyset_pages(world: World) -> None:
    tenant, other, provider = world.tenant(), world.tenant(), world.provider()
    organization = world.insert_organization(tenant)
    states = ["pending", "active", "closed", "active", "pending", "active", "closed"]
    ids = [
        world.insert_deployment(tenant, provider, state=s, name=f"d{i}")
        for i, s in enumerate(states)
    ]
    in_org = world.insert_deployment(other, provider, organization_id=organization)
    world.insert_deployment(other, provider)  # not visible to tenant
    newest_first = [in_org, *reversed(ids)]

    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = "limit=3" + (f"&cursor={cursor}" if cursor else "")
        response = world.client.get(f"{DEPLOYMENTS}?{query}", headers=tenant.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 3
        seen += [d["id"] for d in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == newest_first  # no repeats, nothing missed, newest first
    assert pages == 3

    def listed(query: str) -> list[str]:
        response = world.client.get(f"{DEPLOYMENTS}?{query}", headers=tenant.headers)
        assert response.status_code == 200, response.text
        return [d["id"] for d in response.json()["items"]]

    assert listed("status=active") == [in_org] + [
        i for i, s in reversed(list(zip(ids, states, strict=True))) if s == "active"
    ]
    assert listed("status=closed") == [
        i for i, s in reversed(list(zip(ids, states, strict=True))) if s == "closed"
    ]
    assert listed(f"organization_id={organization}") == [in_org]
    assert listed(f"organization_id={uuid.uuid4()}") == []
    assert listed("limit=100") == newest_first

    for bad in (
        "cursor=not-a-cursor",
        "cursor=eyJhIjoxfQ",
        "status=running",
        "limit=0",
        "limit=101",
    ):
        problem(world.client.get(f"{DEPLOYMENTS}?{bad}", headers=tenant.headers), 400)
    # Forged cursors: not base64 JSON, a number where a time belongs, a time without a zone.
    for forged in (
        b"nope",
        b"[1, 2]",
        b'["2026-01-01T00:00:00", "%s"]' % str(uuid.uuid4()).encode(),
    ):
        cursor = base64.urlsafe_b64encode(forged).decode().rstrip("=")
        errors = problem(
            world.client.get(f"{DEPLOYMENTS}?cursor={cursor}", headers=tenant.headers), 400
        )["errors"]
        assert errors[0]["code"] == "INVALID_CURSOR"
    problem(world.client.get(f"{DEPLOYMENTS}?sort=name", headers=tenant.headers), 400)


# ------------------------------------------------------------------------ actions and close


def test_actions_need_an_active_deployment(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    for state in ("pending", "closed"):
        deployment_id = world.insert_deployment(tenant, provider, state=state)
        body_ = problem(
            world.client.post(
                f"{DEPLOYMENTS}/{deployment_id}/actions",
                headers=tenant.headers,
                json={"action": "start"},
            ),
            409,
            "DEPLOYMENT_NOT_ACTIVE",
        )
        assert body_["current_state"] == state
    active = world.insert_deployment(tenant, provider)
    for bad in ({"action": "reboot"}, {}, {"action": "stop", "force": True}):
        problem(
            world.client.post(f"{DEPLOYMENTS}/{active}/actions", headers=tenant.headers, json=bad),
            400,
            "VALIDATION_ERROR",
        )
    assert count_rows(world, DeploymentAction) == 0


def test_a_pending_deployment_can_be_closed_and_then_not_accepted(world: World) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment_id = created(world, tenant, provider)["id"]
    closed = world.client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=tenant.headers)
    assert closed.status_code == 200
    assert closed.json()["state"] == "closed"
    assert closed.json()["accepted_at"] is None
    problem(
        world.client.post(
            f"{PROVIDER_DEPLOYMENTS}/{deployment_id}/accept", headers=provider.headers
        ),
        409,
        "DEPLOYMENT_NOT_PENDING",
    )


def test_concurrent_closes_have_exactly_one_winner(
    make_client: MakeClient, database_url: str
) -> None:
    client = make_client()
    world = World(client, database_url)
    tenant, provider = world.tenant(), world.provider()
    deployment_id = world.insert_deployment(tenant, provider)
    barrier = threading.Barrier(8)
    responses: list[Any] = []

    def attempt() -> None:
        barrier.wait()
        responses.append(
            client.post(f"{DEPLOYMENTS}/{deployment_id}/close", headers=tenant.headers)
        )

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * 7, statuses
    for response in responses:
        if response.status_code == 409:
            problem(response, 409, "DEPLOYMENT_CLOSED")
    with db_session(database_url) as session:
        row = session.get(Deployment, uuid.UUID(deployment_id))
        assert row is not None
        assert row.state == "closed"
        assert row.version == 2  # one UPDATE took effect
    closed_at = [r.json()["closed_at"] for r in responses if r.status_code == 200]
    assert closed_at[0] is not None
