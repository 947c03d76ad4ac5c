"""OWASP API1 (broken object level authorization): access that should end when membership ends,
and organization invitations that reveal nothing about who has an account."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import problem
from tests.portal.world import Tenant, World

pytestmark = pytest.mark.integration


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def _remove(world: World, organization: str, admin: Tenant, member: Tenant) -> None:
    response = world.client.delete(
        f"/api/v1/organizations/{organization}/members/{member.id}", headers=admin.headers
    )
    assert response.status_code == 204, response.text


def _shell(world: World, who: Tenant, deployment: str) -> Any:
    return world.client.post(
        f"/api/v1/deployments/{deployment}/shell/session", headers=who.headers, json={}
    )


# Item 6: leaving an organization ends access ----------------------------------------------------


def test_removed_member_loses_the_deployments_they_created_in_the_organization(
    world: World,
) -> None:
    admin, creator = world.tenant(), world.tenant()
    provider = world.provider()
    organization = world.insert_organization(admin, {"member": creator})
    created = world.client.post(
        "/api/v1/deployments",
        headers=creator.headers,
        json={
            "name": "web",
            "provider_id": provider.id,
            "organization_id": organization,
            "resources": {"cpu": 1, "memory": 1, "storage": 1},
        },
    )
    assert created.status_code == 201, created.text
    deployment = created.json()["id"]
    accepted = world.client.post(
        f"/api/v1/provider/deployments/{deployment}/accept", headers=provider.headers, json={}
    )
    assert accepted.status_code == 200, accepted.text
    token = _shell(world, creator, deployment).json()["token"]

    _remove(world, organization, admin, creator)

    base = f"/api/v1/deployments/{deployment}"
    problem(world.client.get(base, headers=creator.headers), 404, "DEPLOYMENT_NOT_FOUND")
    problem(
        world.client.post(f"{base}/actions", headers=creator.headers, json={"action": "stop"}),
        404,
        "DEPLOYMENT_NOT_FOUND",
    )
    problem(world.client.post(f"{base}/close", headers=creator.headers), 404)
    problem(_shell(world, creator, deployment), 404, "DEPLOYMENT_NOT_FOUND")
    listed = world.client.get("/api/v1/deployments", headers=creator.headers).json()["items"]
    assert deployment not in {item["id"] for item in listed}
    tickets = world.client.post(
        "/api/v1/tickets",
        headers=creator.headers,
        json={
            "deployment_id": deployment,
            "subject": "Still mine?",
            "description": "Trying after removal",
            "category": "technical",
            "priority": "low",
        },
    )
    assert tickets.status_code in (404, 422), tickets.text
    # The shell token issued while a member no longer opens the shell.
    verdict = world.client.post(
        "/api/v1/provider/shell-sessions/verify", headers=provider.headers, json={"token": token}
    ).json()
    assert verdict == {"valid": False, "reason": "access_revoked"}
    # The organization keeps it: its admin still reads and closes it, and it still is theirs.
    still = world.client.get(base, headers=admin.headers)
    assert still.status_code == 200, still.text
    assert still.json()["organization_id"] == organization
    assert world.client.post(f"{base}/close", headers=admin.headers).status_code == 200


def test_a_personal_deployment_stays_its_owners(world: World) -> None:
    owner = world.tenant()
    deployment = world.insert_deployment(owner, world.provider())
    response = world.client.get(f"/api/v1/deployments/{deployment}", headers=owner.headers)
    assert response.status_code == 200, response.text
