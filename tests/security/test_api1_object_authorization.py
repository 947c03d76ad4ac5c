"""OWASP API1 (broken object level authorization): access that should end when membership ends,
and organization invitations that reveal nothing about who has an account."""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import problem
from tests.identity.helpers import login, register
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
        f"/api/v1/deployments/{deployment}/shell-sessions", headers=who.headers, json={}
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


# Item 12: membership is an invitation the invitee accepts ----------------------------------------

ORGS = "/api/v1/organizations"


def _invite(world: World, organization: str, admin: Tenant, **body: Any) -> Any:
    return world.client.post(f"{ORGS}/{organization}/members", headers=admin.headers, json=body)


def _members(world: World, organization: str, admin: Tenant) -> set[str]:
    page = world.client.get(f"{ORGS}/{organization}/members", headers=admin.headers).json()
    return {item["member_id"] for item in page["items"]}


def _shape(response: Any) -> tuple[int, dict[str, Any]]:
    """The answer with what necessarily differs between two invitations blanked out."""
    body = dict(response.json())
    for varying in ("id", "created_at", "email", "account_id"):
        body[varying] = type(body[varying]).__name__
    return response.status_code, body


def test_inviting_reveals_nothing_about_who_has_an_account(world: World) -> None:
    admin, existing = world.tenant(), world.tenant()
    organization = world.insert_organization(admin)

    by_known_email = _invite(world, organization, admin, email=existing.email, role="member")
    by_unknown_email = _invite(
        world,
        organization,
        admin,
        email=f"nobody-{uuid.uuid4().hex[:8]}@example.com",
        role="member",
    )
    assert by_known_email.status_code == 202, by_known_email.text
    assert _shape(by_known_email) == _shape(by_unknown_email)
    assert by_known_email.headers.keys() == by_unknown_email.headers.keys()
    answer = by_known_email.json()
    assert answer["status"] == "pending"
    assert answer["email"] == existing.email.lower()
    assert answer["account_id"] is None
    assert existing.id not in json.dumps(answer)
    assert "wallet" not in json.dumps(answer)

    by_known_id = _invite(world, organization, admin, account_id=world.tenant().id, role="viewer")
    by_unknown_id = _invite(world, organization, admin, account_id=str(uuid.uuid4()), role="viewer")
    assert by_known_id.status_code == 202, by_known_id.text
    assert _shape(by_known_id) == _shape(by_unknown_id)
    # Nobody joined without consent.
    assert _members(world, organization, admin) == {admin.id}


def test_the_invitee_accepts_or_declines_and_nobody_else_can(world: World) -> None:
    admin, alice, bob, mallory = world.tenant(), world.tenant(), world.tenant(), world.tenant()
    organization = world.insert_organization(admin)
    to_alice = _invite(world, organization, admin, email=alice.email.upper(), role="member").json()
    to_bob = _invite(world, organization, admin, account_id=bob.id, role="viewer").json()
    # Inviting again while pending answers the same invitation.
    again = _invite(world, organization, admin, email=alice.email, role="member")
    assert again.status_code == 202
    assert again.json()["id"] == to_alice["id"]

    mine = world.client.get("/api/v1/invitations", headers=alice.headers).json()["items"]
    assert [item["id"] for item in mine] == [to_alice["id"]]
    assert mine[0]["organization_name"] == "Acme"
    assert world.client.get("/api/v1/invitations", headers=mallory.headers).json()["items"] == []
    pending = world.client.get(f"{ORGS}/{organization}/invitations", headers=admin.headers)
    assert {item["id"] for item in pending.json()["items"]} == {to_alice["id"], to_bob["id"]}

    for invitation in (to_alice, to_bob):
        for action in ("accept", "decline"):
            url = f"/api/v1/invitations/{invitation['id']}/{action}"
            for intruder in (mallory, admin):
                problem(
                    world.client.post(url, headers=intruder.headers), 404, "INVITATION_NOT_FOUND"
                )
    assert _members(world, organization, admin) == {admin.id}

    accepted = world.client.post(
        f"/api/v1/invitations/{to_alice['id']}/accept", headers=alice.headers
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["role"] == "member"
    problem(
        world.client.post(f"/api/v1/invitations/{to_alice['id']}/decline", headers=alice.headers),
        409,
        "INVITATION_NOT_PENDING",
    )
    declined = world.client.post(f"/api/v1/invitations/{to_bob['id']}/decline", headers=bob.headers)
    assert declined.status_code == 200, declined.text
    assert declined.json()["status"] == "declined"
    assert _members(world, organization, admin) == {admin.id, alice.id}
    problem(_invite(world, organization, admin, email=alice.email, role="admin"), 409)


def test_an_invitation_to_an_email_waits_for_its_account(world: World) -> None:
    admin = world.tenant()
    organization = world.insert_organization(admin)
    email = f"later-{uuid.uuid4().hex[:8]}@example.com"
    invitation = _invite(world, organization, admin, email=email, role="viewer").json()
    account = register(world.client, email=email)
    headers = {"Authorization": f"Bearer {login(world.client, email)['access_token']}"}
    joined = world.client.post(f"/api/v1/invitations/{invitation['id']}/accept", headers=headers)
    assert joined.status_code == 200, joined.text
    assert _members(world, organization, admin) == {admin.id, account["id"]}


def test_concurrent_answers_to_one_invitation_have_one_winner(world: World) -> None:
    admin, alice = world.tenant(), world.tenant()
    organization = world.insert_organization(admin)
    invitation = _invite(world, organization, admin, account_id=alice.id, role="member").json()
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def answer(action: str) -> None:
        barrier.wait()
        url = f"/api/v1/invitations/{invitation['id']}/{action}"
        statuses.append(world.client.post(url, headers=alice.headers).status_code)

    threads = [
        threading.Thread(target=answer, args=(action,))
        for action in ("accept", "accept", "decline", "accept")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 409, 409, 409], statuses
    assert len(_members(world, organization, admin)) in (1, 2)
