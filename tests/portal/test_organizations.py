"""Organizations and members: creation, visibility, member management, the last-admin rule and
the races around it (real threads against the real app and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from provider_registry.accounts.models import Account
from provider_registry.tenancy.models import OrganizationMember
from tests.conftest import problem
from tests.identity.helpers import login, register
from tests.portal.world import Tenant, World, db_session
from tests.support.concurrency import run_concurrently

pytestmark = pytest.mark.integration

ORGS = "/api/v1/organizations"


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def create_org(world: World, who: Tenant, **body: Any) -> dict[str, Any]:
    response = world.client.post(ORGS, headers=who.headers, json={"name": "Acme", **body})
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def invite(world: World, org_id: str, who: Tenant, **body: Any) -> Any:
    return world.client.post(f"{ORGS}/{org_id}/members", headers=who.headers, json=body)


def add(world: World, org_id: str, who: Tenant, **body: Any) -> Any:
    """Invite, and when the invitee is one of the world's tenants, accept on their behalf (the
    answer is the invitation's)."""
    response = invite(world, org_id, who, **body)
    invitee = world.tenants.get(str(body.get("account_id") or body.get("email") or "").lower())
    if response.status_code == 202 and invitee is not None:
        accepted = world.client.post(
            f"/api/v1/invitations/{response.json()['id']}/accept", headers=invitee.headers
        )
        assert accepted.status_code == 200, accepted.text
    return response


def remove(world: World, org_id: str, who: Tenant | dict[str, str], member_id: str) -> Any:
    headers = who.headers if isinstance(who, Tenant) else who
    return world.client.delete(f"{ORGS}/{org_id}/members/{member_id}", headers=headers)


def memberships(world: World, org_id: str) -> dict[str, str]:
    """{account_id: role} straight from the database."""
    with db_session(world.database_url) as session:
        rows = session.execute(
            text("SELECT account_id, role FROM organization_members WHERE organization_id = :o"),
            {"o": org_id},
        ).all()
    return {str(account_id): role for account_id, role in rows}


def admin_id(world: World) -> str:
    me = world.client.get("/api/v1/auth/me", headers=world.admin)
    assert me.status_code == 200, me.text
    return str(me.json()["id"])


def platform_viewer(world: World) -> dict[str, str]:
    """A session of an account with the platform role viewer (nobody registers as one)."""
    account = register(world.client)
    with db_session(world.database_url) as session:
        session.execute(
            text("UPDATE accounts SET role = 'viewer' WHERE id = :id"), {"id": account["id"]}
        )
    return {"Authorization": f"Bearer {login(world.client, account['email'])['access_token']}"}


def removal(world: World, org_id: str, who: Tenant, member_id: str) -> Callable[[], int]:
    return lambda: int(remove(world, org_id, who, member_id).status_code)


# ----------------------------------------------------------------------------------- creation


def test_create_read_and_list_flow(world: World) -> None:
    alice = world.tenant()
    response = world.client.post(
        ORGS, headers=alice.headers, json={"name": "Acme Research", "description": "GPU work"}
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["name"] == "Acme Research"
    assert created["description"] == "GPU work"
    assert created["role"] == "admin"
    assert response.headers["location"] == f"{ORGS}/{created['id']}"
    assert memberships(world, created["id"]) == {alice.id: "admin"}

    read = world.client.get(response.headers["location"], headers=alice.headers)
    assert read.status_code == 200
    assert read.json() == created

    bare = create_org(world, alice, name="Bare")
    assert bare["description"] is None

    listed = world.client.get(ORGS, headers=alice.headers).json()
    assert [o["id"] for o in listed["items"]] == [bare["id"], created["id"]]
    assert listed["next_cursor"] is None

    members = world.client.get(f"{ORGS}/{created['id']}/members", headers=alice.headers).json()
    assert members["next_cursor"] is None
    [member] = members["items"]
    assert member["member_id"] == alice.id
    assert member["email"] == alice.email
    assert member["wallet_address"] is None
    assert member["role"] == "admin"
    assert member["joined_at"]


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({}, "name", "REQUIRED"),
        # The name's own code (x-error-code) stands for every rule it breaks.
        ({"name": ""}, "name", "INVALID_NAME"),
        ({"name": "x" * 101}, "name", "INVALID_NAME"),
        ({"name": "Acme\nCorp"}, "name", "INVALID_NAME"),
        ({"name": "Acme\x7f"}, "name", "INVALID_NAME"),
        ({"name": "   "}, "name", "INVALID_NAME"),
        ({"name": 7}, "name", "INVALID_NAME"),
        ({"name": "Acme", "description": "d" * 1001}, "description", "TOO_LONG"),
        ({"name": "Acme", "role": "admin"}, "role", "UNKNOWN_FIELD"),
        ({"name": "Acme", "id": str(uuid.uuid4())}, "id", "UNKNOWN_FIELD"),
    ],
)
def test_create_validation(world: World, body: dict[str, Any], field: str, code: str) -> None:
    alice = world.tenant()
    errors = problem(world.client.post(ORGS, headers=alice.headers, json=body), 400)["errors"]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}
    assert world.client.get(ORGS, headers=alice.headers).json()["items"] == []


def test_unicode_names_and_limits_are_accepted(world: World) -> None:
    alice = world.tenant()
    assert create_org(world, alice, name="Ünïcødé 研究所 🚀")["name"] == "Ünïcødé 研究所 🚀"
    assert create_org(world, alice, name="x" * 100, description="d" * 1000)["name"] == "x" * 100


def test_only_accounts_with_the_scopes_may_call(world: World) -> None:
    problem(world.client.post(ORGS, json={"name": "Acme"}), 401)
    problem(world.client.get(ORGS), 401)
    provider = world.provider(approve=False)
    problem(world.client.post(ORGS, headers=provider.headers, json={"name": "Acme"}), 403)
    problem(world.client.get(ORGS, headers=provider.headers), 403)
    # A platform viewer has organizations:read but not organizations:write.
    viewer = platform_viewer(world)
    problem(world.client.post(ORGS, headers=viewer, json={"name": "Acme"}), 403)
    assert world.client.get(ORGS, headers=viewer).status_code == 200


# --------------------------------------------------------------------------------- visibility


def test_list_shows_my_organizations_with_my_role_and_pages_without_repeats(
    world: World,
) -> None:
    alice, bob = world.tenant(), world.tenant()
    mine = [create_org(world, alice, name=f"Alice {i}")["id"] for i in range(3)]
    theirs = [create_org(world, bob, name=f"Bob {i}")["id"] for i in range(3)]
    assert add(world, theirs[0], bob, account_id=alice.id, role="viewer").status_code == 202
    assert add(world, theirs[1], bob, email=alice.email, role="member").status_code == 202

    seen: list[dict[str, Any]] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        response = world.client.get(ORGS + query, headers=alice.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        seen += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    ids = [o["id"] for o in seen]
    assert len(ids) == len(set(ids)) == 5
    assert ids == [theirs[1], theirs[0], *reversed(mine)]  # newest organization first
    roles = {o["id"]: o["role"] for o in seen}
    assert roles == {
        **dict.fromkeys(mine, "admin"),
        theirs[0]: "viewer",
        theirs[1]: "member",
    }
    assert theirs[2] not in roles


@pytest.mark.parametrize("cursor", ["garbage", "bm90LWpzb24", "WyJ4IiwieSJd"])
def test_bad_cursor_is_400(world: World, cursor: str) -> None:
    alice = world.tenant()
    org = create_org(world, alice)
    for url in (ORGS, f"{ORGS}/{org['id']}/members"):
        body = problem(world.client.get(f"{url}?cursor={cursor}", headers=alice.headers), 400)
        assert body["errors"][0]["code"] == "INVALID_CURSOR"


def test_limit_bounds(world: World) -> None:
    alice = world.tenant()
    for limit in ("0", "101", "x"):
        problem(world.client.get(f"{ORGS}?limit={limit}", headers=alice.headers), 400)


def test_who_sees_an_organization_and_its_members(world: World) -> None:
    admin, member, viewer, outsider = (world.tenant() for _ in range(4))
    org_id = world.insert_organization(admin, {"member": member, "viewer": viewer})
    url = f"{ORGS}/{org_id}"

    for tenant, role in ((admin, "admin"), (member, "member"), (viewer, "viewer")):
        response = world.client.get(url, headers=tenant.headers)
        assert response.status_code == 200, response.text
        assert response.json()["role"] == role
        members = world.client.get(f"{url}/members", headers=tenant.headers)
        assert members.status_code == 200
        assert {m["member_id"]: m["role"] for m in members.json()["items"]} == {
            admin.id: "admin",
            member.id: "member",
            viewer.id: "viewer",
        }

    platform = world.client.get(url, headers=world.admin)
    assert platform.status_code == 200
    assert platform.json()["role"] is None
    assert world.client.get(f"{url}/members", headers=world.admin).status_code == 200

    problem(world.client.get(url, headers=outsider.headers), 404, "ORGANIZATION_NOT_FOUND")
    problem(
        world.client.get(f"{url}/members", headers=outsider.headers), 404, "ORGANIZATION_NOT_FOUND"
    )
    unknown = f"{ORGS}/{uuid.uuid4()}"
    problem(world.client.get(unknown, headers=admin.headers), 404, "ORGANIZATION_NOT_FOUND")
    problem(world.client.get(unknown, headers=world.admin), 404, "ORGANIZATION_NOT_FOUND")
    problem(world.client.get(f"{ORGS}/not-a-uuid", headers=admin.headers), 400)
    problem(world.client.get(url), 401)


def test_members_page_without_repeats(world: World) -> None:
    admin = world.tenant()
    org_id = create_org(world, admin)["id"]
    others = [world.tenant() for _ in range(4)]
    for other in others:
        assert add(world, org_id, admin, account_id=other.id, role="member").status_code == 202
    seen: list[str] = []
    cursor: str | None = None
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        page = world.client.get(f"{ORGS}/{org_id}/members{query}", headers=admin.headers).json()
        seen += [m["member_id"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [o.id for o in reversed(others)] + [admin.id]  # newest member first


# ------------------------------------------------------------------------------ adding members


def test_admin_adds_members_by_id_or_email(world: World) -> None:
    admin, bob, carol = world.tenant(), world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]

    by_id = add(world, org_id, admin, account_id=bob.id, role="member")
    assert by_id.status_code == 202, by_id.text
    assert by_id.json()["account_id"] == bob.id
    assert by_id.json()["email"] is None
    by_email = add(world, org_id, admin, email=carol.email.upper(), role="admin")
    assert by_email.status_code == 202, by_email.text
    assert by_email.json()["email"] == carol.email.lower()
    assert by_email.json()["role"] == "admin"

    assert memberships(world, org_id) == {admin.id: "admin", bob.id: "member", carol.id: "admin"}
    members = world.client.get(f"{ORGS}/{org_id}/members", headers=admin.headers).json()
    bob_row = next(m for m in members["items"] if m["member_id"] == bob.id)
    assert bob_row == {
        "member_id": bob.id,
        "email": bob.email,
        "wallet_address": None,
        "role": "member",
        "joined_at": bob_row["joined_at"],
    }
    # The new admin may add members too; the new member now sees the organization.
    dave = world.tenant()
    assert add(world, org_id, carol, account_id=dave.id, role="viewer").status_code == 202
    assert world.client.get(f"{ORGS}/{org_id}", headers=bob.headers).json()["role"] == "member"


def test_wallet_account_member_has_no_email(world: World) -> None:
    admin = world.tenant()
    org_id = create_org(world, admin)["id"]
    wallet = Account(
        wallet_address="cosmos1" + uuid.uuid4().hex[:32],
        first_name="",
        last_name="",
        role="consumer",
    )
    with db_session(world.database_url) as session:
        session.add(wallet)
    response = add(world, org_id, admin, account_id=str(wallet.id), role="viewer")
    assert response.status_code == 202, response.text
    assert "wallet_address" not in response.json()  # the invitation names only the id sent
    with db_session(world.database_url) as session:  # accepted (wallet sign-in is tested apart)
        session.add(
            OrganizationMember(
                organization_id=uuid.UUID(org_id), account_id=wallet.id, role="viewer"
            )
        )
    members = world.client.get(f"{ORGS}/{org_id}/members", headers=admin.headers).json()
    row = next(m for m in members["items"] if m["member_id"] == str(wallet.id))
    assert row["email"] is None
    assert row["wallet_address"] == wallet.wallet_address


def test_who_may_add_members(world: World) -> None:
    admin, member, viewer, outsider, newcomer = (world.tenant() for _ in range(5))
    org_id = world.insert_organization(admin, {"member": member, "viewer": viewer})
    body = {"account_id": newcomer.id, "role": "member"}
    problem(add(world, org_id, member, **body), 403, "ORGANIZATION_ADMIN_REQUIRED")
    problem(add(world, org_id, viewer, **body), 403, "ORGANIZATION_ADMIN_REQUIRED")
    problem(add(world, org_id, outsider, **body), 404, "ORGANIZATION_NOT_FOUND")
    problem(
        world.client.post(f"{ORGS}/{org_id}/members", headers=world.admin, json=body),
        403,
        "ORGANIZATION_ADMIN_REQUIRED",
    )
    problem(add(world, str(uuid.uuid4()), admin, **body), 404, "ORGANIZATION_NOT_FOUND")
    problem(world.client.post(f"{ORGS}/{org_id}/members", json=body), 401)
    assert newcomer.id not in memberships(world, org_id)


@pytest.mark.parametrize(
    ("body", "fields", "code"),
    [
        ({"role": "member"}, {"account_id", "email"}, "EXACTLY_ONE_MEMBER_IDENTIFIER"),
        (
            {"account_id": "ID", "email": "x@example.com", "role": "member"},
            {"account_id", "email"},
            "EXACTLY_ONE_MEMBER_IDENTIFIER",
        ),
        ({"account_id": "ID", "role": "owner"}, {"role"}, "INVALID_VALUE"),
        ({"account_id": "ID"}, {"role"}, "REQUIRED"),
        ({"account_id": "nope", "role": "member"}, {"account_id"}, "INVALID_FORMAT"),
        ({"email": "not-an-email", "role": "member"}, {"email"}, "INVALID_EMAIL"),
        ({"account_id": "ID", "role": "member", "added_by": "ID"}, {"added_by"}, "UNKNOWN_FIELD"),
    ],
)
def test_add_member_validation(
    world: World, body: dict[str, Any], fields: set[str], code: str
) -> None:
    admin, bob = world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]
    body = {k: (bob.id if v == "ID" else v) for k, v in body.items()}
    errors = problem(add(world, org_id, admin, **body), 400, "VALIDATION_ERROR")["errors"]
    assert {(f, code) for f in fields} <= {(e["field"], e["code"]) for e in errors}
    assert memberships(world, org_id) == {admin.id: "admin"}


def test_schema_and_identifier_errors_are_reported_together(world: World) -> None:
    admin = world.tenant()
    org_id = create_org(world, admin)["id"]
    errors = problem(add(world, org_id, admin, role="boss"), 400)["errors"]
    assert {(e["field"], e["code"]) for e in errors} >= {
        ("role", "INVALID_VALUE"),
        ("account_id", "EXACTLY_ONE_MEMBER_IDENTIFIER"),
    }


def test_unknown_or_disabled_accounts_get_an_invitation_like_any_other(world: World) -> None:
    admin, disabled = world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]
    with db_session(world.database_url) as session:
        session.execute(
            text("UPDATE accounts SET status = 'disabled' WHERE id = :id"), {"id": disabled.id}
        )
    for body in (
        {"account_id": str(uuid.uuid4())},
        {"email": "nobody@example.com"},
        {"account_id": disabled.id},
    ):
        response = invite(world, org_id, admin, role="member", **body)
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "pending"
    assert memberships(world, org_id) == {admin.id: "admin"}


def test_adding_a_member_twice_is_409(world: World) -> None:
    admin, bob = world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]
    assert add(world, org_id, admin, account_id=bob.id, role="viewer").status_code == 202
    problem(
        invite(world, org_id, admin, email=bob.email, role="admin"),
        409,
        "ORGANIZATION_MEMBER_EXISTS",
    )
    problem(
        invite(world, org_id, admin, account_id=admin.id, role="member"),
        409,
        "ORGANIZATION_MEMBER_EXISTS",
    )
    assert memberships(world, org_id) == {admin.id: "admin", bob.id: "viewer"}


def test_concurrent_invitations_of_one_account_make_one_invitation(world: World) -> None:
    admin, bob = world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]
    answers: list[str] = []

    def attempt() -> int:
        response = invite(world, org_id, admin, account_id=bob.id, role="member")
        answers.append(response.json().get("id", ""))
        return int(response.status_code)

    statuses = run_concurrently([attempt] * 6)
    assert statuses == [202] * 6, statuses
    assert len(set(answers)) == 1
    accepted = world.client.post(f"/api/v1/invitations/{answers[0]}/accept", headers=bob.headers)
    assert accepted.status_code == 200, accepted.text
    assert memberships(world, org_id) == {admin.id: "admin", bob.id: "member"}


# ---------------------------------------------------------------------------- removing members


def test_admin_removes_members_and_they_lose_access(world: World) -> None:
    admin, member, viewer = world.tenant(), world.tenant(), world.tenant()
    org_id = world.insert_organization(admin, {"member": member, "viewer": viewer})
    response = remove(world, org_id, admin, member.id)
    assert response.status_code == 204, response.text
    assert response.content == b""
    problem(
        world.client.get(f"{ORGS}/{org_id}", headers=member.headers), 404, "ORGANIZATION_NOT_FOUND"
    )
    assert world.client.get(ORGS, headers=member.headers).json()["items"] == []
    assert memberships(world, org_id) == {admin.id: "admin", viewer.id: "viewer"}
    problem(remove(world, org_id, admin, member.id), 404, "ORGANIZATION_MEMBER_NOT_FOUND")
    problem(remove(world, org_id, admin, str(uuid.uuid4())), 404, "ORGANIZATION_MEMBER_NOT_FOUND")


def test_members_may_leave_but_not_remove_others(world: World) -> None:
    admin, member, viewer, outsider = (world.tenant() for _ in range(4))
    org_id = world.insert_organization(admin, {"member": member, "viewer": viewer})
    problem(remove(world, org_id, member, viewer.id), 403, "ORGANIZATION_ADMIN_REQUIRED")
    problem(remove(world, org_id, viewer, admin.id), 403, "ORGANIZATION_ADMIN_REQUIRED")
    problem(remove(world, org_id, outsider, member.id), 404, "ORGANIZATION_NOT_FOUND")
    problem(remove(world, org_id, outsider, outsider.id), 404, "ORGANIZATION_NOT_FOUND")
    problem(remove(world, org_id, world.admin, member.id), 403, "ORGANIZATION_ADMIN_REQUIRED")
    problem(
        remove(world, org_id, world.admin, admin_id(world)), 404, "ORGANIZATION_MEMBER_NOT_FOUND"
    )
    problem(remove(world, str(uuid.uuid4()), admin, member.id), 404, "ORGANIZATION_NOT_FOUND")
    problem(remove(world, org_id, {}, member.id), 401)
    assert len(memberships(world, org_id)) == 3

    assert remove(world, org_id, viewer, viewer.id).status_code == 204
    assert remove(world, org_id, member, member.id).status_code == 204
    assert memberships(world, org_id) == {admin.id: "admin"}


def test_the_last_admin_cannot_leave_or_be_removed(world: World) -> None:
    admin, second = world.tenant(), world.tenant()
    org_id = create_org(world, admin)["id"]
    problem(remove(world, org_id, admin, admin.id), 409, "ORGANIZATION_LAST_ADMIN")
    assert add(world, org_id, admin, account_id=second.id, role="admin").status_code == 202
    assert remove(world, org_id, second, admin.id).status_code == 204
    problem(remove(world, org_id, second, second.id), 409, "ORGANIZATION_LAST_ADMIN")
    assert memberships(world, org_id) == {second.id: "admin"}


def test_two_admins_leaving_at_once_leave_one_admin(world: World) -> None:
    for _ in range(3):
        first, second = world.tenant(), world.tenant()
        org_id = world.insert_organization(first, {"admin": second})
        statuses = run_concurrently(
            [
                removal(world, org_id, first, first.id),
                removal(world, org_id, second, second.id),
            ]
        )
        assert sorted(statuses) == [204, 409], statuses
        assert list(memberships(world, org_id).values()) == ["admin"]


def test_two_admins_removing_each_other_at_once_leave_one_admin(world: World) -> None:
    for _ in range(3):
        first, second = world.tenant(), world.tenant()
        org_id = world.insert_organization(first, {"admin": second})
        statuses = run_concurrently(
            [
                removal(world, org_id, first, second.id),
                removal(world, org_id, second, first.id),
            ]
        )
        # The loser is no longer a member by the time its lock is granted.
        assert sorted(statuses) == [204, 404], statuses
        assert list(memberships(world, org_id).values()) == ["admin"]


def test_text_the_database_cannot_store_is_400(world: World) -> None:
    alice = world.tenant()
    headers = {**alice.headers, "Content-Type": "application/json"}
    for raw in (b'{"name": "a\\ud800b"}', b'{"name": "Acme", "description": "\\udfff"}'):
        problem(world.client.post(ORGS, headers=headers, content=raw), 400)
    assert world.client.get(ORGS, headers=alice.headers).json()["items"] == []
