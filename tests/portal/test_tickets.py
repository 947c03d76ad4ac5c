"""Support tickets: opening them, who sees and may change them (the full visibility matrix),
comments, status and priority changes with If-Match, the closed state, lists and their pages."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient

from tests.conftest import problem
from tests.identity.helpers import create_key
from tests.portal.world import ProviderActor, Tenant, World, db_session
from tests.support.concurrency import run_concurrently

pytestmark = pytest.mark.integration

TICKETS = "/api/v1/tickets"
COUNTS = {
    "tickets": "SELECT count(*) FROM tickets",
    "ticket_comments": "SELECT count(*) FROM ticket_comments",
}


def ticket_body(deployment_id: str, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "deployment_id": deployment_id,
        "subject": "Deployment stuck in pending",
        "description": "It has been pending for two hours.\nPlease have a look.",
        "category": "technical",
    }
    body.update(overrides)
    return body


@dataclass
class Scene:
    """A deployment ``owner`` (a member) created in an organization (admin, member, viewer) on
    ``provider``; an unrelated tenant and provider; a platform admin."""

    world: World
    owner: Tenant
    org_admin: Tenant
    org_member: Tenant
    org_viewer: Tenant
    stranger: Tenant
    provider: ProviderActor
    other_provider: ProviderActor
    organization_id: str
    deployment_id: str

    @property
    def client(self) -> TestClient:
        return self.world.client

    def headers(self, who: str) -> dict[str, str]:
        if who == "anonymous":
            return {}
        if who == "platform_admin":
            return self.world.admin
        actor = getattr(self, who)
        headers: dict[str, str] = actor.headers
        return headers

    def open(self, who: str = "owner", **overrides: Any) -> dict[str, Any]:
        response = self.client.post(
            TICKETS, headers=self.headers(who), json=ticket_body(self.deployment_id, **overrides)
        )
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created

    def patch(self, ticket_id: str, who: str, body: dict[str, Any], **headers: str) -> Any:
        return self.client.patch(
            f"{TICKETS}/{ticket_id}", headers={**self.headers(who), **headers}, json=body
        )

    def comment(self, ticket_id: str, who: str, body: str = "Any news?") -> Any:
        return self.client.post(
            f"{TICKETS}/{ticket_id}/comments", headers=self.headers(who), json={"body": body}
        )

    def count(self, table: str) -> int:
        with db_session(self.world.database_url) as session:
            return int(session.execute(text(COUNTS[table])).scalar_one())


@pytest.fixture
def scene(client: TestClient, database_url: str) -> Scene:
    world = World(client, database_url)
    org_admin, org_member, org_viewer = world.tenant(), world.tenant(), world.tenant()
    organization_id = world.insert_organization(
        org_admin, {"member": org_member, "viewer": org_viewer}
    )
    owner = world.tenant()
    world.add_member(organization_id, owner, "member")
    provider = world.provider()
    return Scene(
        world=world,
        owner=owner,
        org_admin=org_admin,
        org_member=org_member,
        org_viewer=org_viewer,
        stranger=world.tenant(),
        provider=provider,
        other_provider=world.provider(),
        organization_id=organization_id,
        deployment_id=world.insert_deployment(owner, provider, organization_id=organization_id),
    )


EVERYONE = (
    "owner",
    "org_admin",
    "org_member",
    "org_viewer",
    "platform_admin",
    "provider",
    "stranger",
    "other_provider",
    "anonymous",
)


# ------------------------------------------------------------------------------------ opening


def test_open_read_comment_and_close_flow(scene: Scene) -> None:
    response = scene.client.post(
        TICKETS, headers=scene.owner.headers, json=ticket_body(scene.deployment_id)
    )
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["status"] == "open"
    assert created["priority"] == "medium"
    assert created["deployment_id"] == scene.deployment_id
    assert created["provider_id"] == scene.provider.id
    assert created["opened_by"] == scene.owner.id
    assert created["description"] == "It has been pending for two hours.\nPlease have a look."
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"{TICKETS}/{created['id']}"

    url = response.headers["location"]
    read = scene.client.get(url, headers=scene.owner.headers)
    assert read.status_code == 200
    assert read.headers["etag"] == '"1"'
    assert read.json() == {**created, "comments": [], "comments_next_cursor": None}

    first = scene.comment(created["id"], "provider", "We are looking into it.")
    assert first.status_code == 201, first.text
    assert first.json()["author_kind"] == "provider"
    assert first.json()["author_id"] == scene.provider.id
    second = scene.comment(created["id"], "owner", "Thanks!")
    assert second.status_code == 201
    assert second.json()["author_kind"] == "account"
    assert second.json()["author_id"] == scene.owner.id

    in_progress = scene.patch(created["id"], "provider", {"status": "in_progress"})
    assert in_progress.status_code == 200, in_progress.text
    assert in_progress.json()["status"] == "in_progress"
    assert in_progress.headers["etag"] == '"2"'

    detail = scene.client.get(url, headers=scene.owner.headers).json()
    assert [c["body"] for c in detail["comments"]] == ["We are looking into it.", "Thanks!"]
    assert detail["comments"][0] == first.json()
    assert detail["status"] == "in_progress"
    assert detail["updated_at"] >= detail["created_at"]

    closed = scene.patch(created["id"], "platform_admin", {"status": "closed"})
    assert closed.status_code == 200
    assert closed.json()["status"] == "closed"
    problem(scene.comment(created["id"], "owner"), 409, "TICKET_CLOSED")
    problem(scene.comment(created["id"], "provider"), 409, "TICKET_CLOSED")
    problem(scene.patch(created["id"], "provider", {"status": "open"}), 409, "TICKET_CLOSED")
    problem(scene.patch(created["id"], "owner", {"priority": "high"}), 409, "TICKET_CLOSED")
    assert scene.count("ticket_comments") == 2


def test_priority_and_category_are_stored(scene: Scene) -> None:
    created = scene.open(priority="critical", category="security", subject="Ünïcødé 🚀")
    assert (created["priority"], created["category"]) == ("critical", "security")
    assert created["subject"] == "Ünïcødé 🚀"
    assert scene.open(subject="s" * 200, description="d" * 10000)["subject"] == "s" * 200


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"subject": ""}, "subject", "INVALID_SUBJECT"),
        ({"subject": "s" * 201}, "subject", "INVALID_SUBJECT"),
        ({"subject": "two\nlines"}, "subject", "INVALID_SUBJECT"),
        ({"subject": "  "}, "subject", "INVALID_SUBJECT"),
        ({"description": ""}, "description", "TOO_SHORT"),
        ({"description": "d" * 10001}, "description", "TOO_LONG"),
        ({"category": "astrology"}, "category", "INVALID_VALUE"),
        ({"priority": "urgent"}, "priority", "INVALID_VALUE"),
        ({"deployment_id": "not-a-uuid"}, "deployment_id", "INVALID_FORMAT"),
        ({"status": "closed"}, "status", "UNKNOWN_FIELD"),
        ({"provider_id": str(uuid.uuid4())}, "provider_id", "UNKNOWN_FIELD"),
    ],
)
def test_open_validation(scene: Scene, overrides: dict[str, Any], field: str, code: str) -> None:
    body = {**ticket_body(scene.deployment_id), **overrides}
    errors = problem(scene.client.post(TICKETS, headers=scene.owner.headers, json=body), 400)[
        "errors"
    ]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}
    assert scene.count("tickets") == 0


@pytest.mark.parametrize("missing", ["deployment_id", "subject", "description", "category"])
def test_open_requires_fields(scene: Scene, missing: str) -> None:
    body = ticket_body(scene.deployment_id)
    del body[missing]
    errors = problem(scene.client.post(TICKETS, headers=scene.owner.headers, json=body), 400)[
        "errors"
    ]
    assert (missing, "REQUIRED") in {(e["field"], e["code"]) for e in errors}


def test_who_may_open_a_ticket(scene: Scene) -> None:
    expected = {
        "owner": 201,
        "org_admin": 201,
        "org_member": 201,
        "org_viewer": 403,
        "platform_admin": 403,
        "provider": 403,
        "stranger": 422,
        "other_provider": 403,
        "anonymous": 401,
    }
    actual = {
        who: scene.client.post(
            TICKETS, headers=scene.headers(who), json=ticket_body(scene.deployment_id)
        ).status_code
        for who in EVERYONE
    }
    assert actual == expected
    assert scene.count("tickets") == 3

    body = problem(
        scene.client.post(
            TICKETS, headers=scene.stranger.headers, json=ticket_body(scene.deployment_id)
        ),
        422,
        "DEPLOYMENT_NOT_AVAILABLE",
    )
    assert body["errors"][0]["field"] == "deployment_id"
    problem(
        scene.client.post(
            TICKETS, headers=scene.owner.headers, json=ticket_body(str(uuid.uuid4()))
        ),
        422,
        "DEPLOYMENT_NOT_AVAILABLE",
    )
    problem(
        scene.client.post(
            TICKETS, headers=scene.org_viewer.headers, json=ticket_body(scene.deployment_id)
        ),
        403,
        "FORBIDDEN",
    )
    assert scene.count("tickets") == 3


def test_tickets_may_be_opened_on_a_closed_deployment(scene: Scene) -> None:
    closed = scene.world.insert_deployment(scene.owner, scene.provider, state="closed")
    response = scene.client.post(
        TICKETS, headers=scene.owner.headers, json=ticket_body(closed, category="billing")
    )
    assert response.status_code == 201, response.text


# --------------------------------------------------------------------------------- visibility


def test_visibility_matrix(scene: Scene) -> None:
    ticket = scene.open()
    url = f"{TICKETS}/{ticket['id']}"
    readers = {"owner", "org_admin", "org_member", "org_viewer", "platform_admin", "provider"}
    for who in EVERYONE:
        response = scene.client.get(url, headers=scene.headers(who))
        listed = scene.client.get(TICKETS, headers=scene.headers(who))
        if who == "anonymous":
            problem(response, 401)
            problem(listed, 401)
        elif who in readers:
            assert response.status_code == 200, (who, response.text)
            assert response.json()["id"] == ticket["id"]
            assert [t["id"] for t in listed.json()["items"]] == [ticket["id"]], who
        else:
            problem(response, 404, "TICKET_NOT_FOUND")
            assert listed.status_code == 200
            assert listed.json()["items"] == [], who
    problem(
        scene.client.get(f"{TICKETS}/{uuid.uuid4()}", headers=scene.world.admin),
        404,
        "TICKET_NOT_FOUND",
    )
    problem(scene.client.get(f"{TICKETS}/nope", headers=scene.owner.headers), 400)


def test_leaving_the_organization_hides_its_tickets(scene: Scene) -> None:
    ticket = scene.open("org_member")
    url = f"{TICKETS}/{ticket['id']}"
    assert scene.client.get(url, headers=scene.org_member.headers).status_code == 200
    left = scene.client.delete(
        f"/api/v1/organizations/{scene.organization_id}/members/{scene.org_member.id}",
        headers=scene.org_member.headers,
    )
    assert left.status_code == 204
    problem(scene.client.get(url, headers=scene.org_member.headers), 404, "TICKET_NOT_FOUND")
    assert scene.client.get(TICKETS, headers=scene.org_member.headers).json()["items"] == []


def test_comment_matrix(scene: Scene) -> None:
    ticket = scene.open()
    expected = {
        "owner": 201,
        "org_admin": 201,
        "org_member": 201,
        "org_viewer": 403,
        "platform_admin": 201,
        "provider": 201,
        "stranger": 404,
        "other_provider": 404,
        "anonymous": 401,
    }
    actual = {who: scene.comment(ticket["id"], who, f"from {who}").status_code for who in EVERYONE}
    assert actual == expected
    problem(scene.comment(ticket["id"], "org_viewer"), 403, "FORBIDDEN")
    problem(scene.comment(ticket["id"], "stranger"), 404, "TICKET_NOT_FOUND")
    problem(scene.comment(str(uuid.uuid4()), "owner"), 404, "TICKET_NOT_FOUND")
    comments = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers).json()[
        "comments"
    ]
    assert [c["body"] for c in comments] == [
        f"from {who}" for who in EVERYONE if expected[who] == 201
    ]
    # Commenting leaves the ticket (and its ETag) alone.
    again = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers)
    assert again.headers["etag"] == '"1"'


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"body": ""}, "body", "TOO_SHORT"),
        ({"body": "b" * 10001}, "body", "TOO_LONG"),
        ({}, "body", "REQUIRED"),
        ({"body": "x", "author_id": "me"}, "author_id", "UNKNOWN_FIELD"),
    ],
)
def test_comment_validation(scene: Scene, body: dict[str, Any], field: str, code: str) -> None:
    ticket = scene.open()
    response = scene.client.post(
        f"{TICKETS}/{ticket['id']}/comments", headers=scene.owner.headers, json=body
    )
    errors = problem(response, 400)["errors"]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}
    assert scene.count("ticket_comments") == 0


# ----------------------------------------------------------------------------------- changing


def test_who_may_change_status(scene: Scene) -> None:
    ticket = scene.open()
    expected = {
        "owner": 403,
        "org_admin": 403,
        "org_member": 403,
        "org_viewer": 403,
        "platform_admin": 200,
        "provider": 200,
        "stranger": 404,
        "other_provider": 404,
        "anonymous": 401,
    }
    actual = {
        who: scene.patch(ticket["id"], who, {"status": "waiting_customer"}).status_code
        for who in EVERYONE
    }
    assert actual == expected
    for who in ("owner", "org_admin", "org_member", "org_viewer"):
        problem(
            scene.patch(ticket["id"], who, {"status": "resolved", "priority": "high"}),
            403,
            "TICKET_STATUS_CHANGE_NOT_ALLOWED",
        )
    problem(scene.patch(ticket["id"], "stranger", {"status": "open"}), 404, "TICKET_NOT_FOUND")
    current = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers)
    assert current.json()["status"] == "waiting_customer"
    assert current.json()["priority"] == "medium"
    assert current.headers["etag"] == '"3"'  # two successful changes


def test_who_may_change_priority(scene: Scene) -> None:
    ticket = scene.open()
    expected = {
        "owner": 200,
        "org_admin": 200,
        "org_member": 200,
        "org_viewer": 403,
        "platform_admin": 200,
        "provider": 200,
        "stranger": 404,
        "other_provider": 404,
        "anonymous": 401,
    }
    priorities = ["low", "medium", "high", "critical"]
    actual = {
        who: scene.patch(ticket["id"], who, {"priority": priorities[i % 4]}).status_code
        for i, who in enumerate(EVERYONE)
    }
    assert actual == expected
    problem(scene.patch(ticket["id"], "org_viewer", {"priority": "low"}), 403, "FORBIDDEN")
    final = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers).json()
    assert final["priority"] == priorities[EVERYONE.index("provider") % 4]
    assert final["status"] == "open"


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({}, "", "TOO_FEW_FIELDS"),
        ({"status": "reopened"}, "status", "INVALID_VALUE"),
        ({"priority": "urgent"}, "priority", "INVALID_VALUE"),
        ({"subject": "new"}, "subject", "UNKNOWN_FIELD"),
        ({"status": None}, "status", "INVALID_TYPE"),
    ],
)
def test_update_validation(scene: Scene, body: dict[str, Any], field: str, code: str) -> None:
    ticket = scene.open()
    errors = problem(scene.patch(ticket["id"], "provider", body), 400)["errors"]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}
    again = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers)
    assert again.headers["etag"] == '"1"'


def test_if_match(scene: Scene) -> None:
    ticket = scene.open()
    tid = ticket["id"]
    problem(
        scene.patch(tid, "provider", {"status": "in_progress"}, **{"If-Match": '"7"'}),
        412,
        "PRECONDITION_FAILED",
    )
    ok = scene.patch(tid, "provider", {"status": "in_progress"}, **{"If-Match": '"1"'})
    assert ok.status_code == 200, ok.text
    assert ok.headers["etag"] == '"2"'
    problem(scene.patch(tid, "owner", {"priority": "high"}, **{"If-Match": '"1"'}), 412)
    weak = scene.patch(tid, "owner", {"priority": "high"}, **{"If-Match": 'W/"2"'})
    assert weak.status_code == 200
    assert scene.patch(tid, "owner", {"priority": "low"}, **{"If-Match": "*"}).status_code == 200
    # A stale ETag on a closed ticket says "read again" first; then the ticket says closed.
    assert scene.patch(tid, "provider", {"status": "closed"}).status_code == 200
    problem(scene.patch(tid, "provider", {"status": "open"}, **{"If-Match": '"2"'}), 412)
    problem(
        scene.patch(tid, "provider", {"status": "open"}, **{"If-Match": '"5"'}),
        409,
        "TICKET_CLOSED",
    )


def test_concurrent_changes_with_one_etag_have_one_winner(scene: Scene) -> None:
    ticket = scene.open()

    def attempt(status: str) -> Callable[[], int]:
        return lambda: int(
            scene.patch(
                ticket["id"], "provider", {"status": status}, **{"If-Match": '"1"'}
            ).status_code
        )

    statuses = run_concurrently(
        [attempt(s) for s in ("in_progress", "waiting_customer", "resolved", "closed")]
    )
    assert sorted(statuses) == [200, 412, 412, 412], statuses
    current = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers)
    assert current.headers["etag"] == '"2"'


def test_concurrent_closes_without_if_match_leave_it_closed_once(scene: Scene) -> None:
    ticket = scene.open()

    def attempt() -> int:
        return int(scene.patch(ticket["id"], "provider", {"status": "closed"}).status_code)

    statuses = run_concurrently([attempt] * 4)
    assert sorted(statuses) == [200, 409, 409, 409], statuses
    current = scene.client.get(f"{TICKETS}/{ticket['id']}", headers=scene.owner.headers)
    assert current.json()["status"] == "closed"
    assert current.headers["etag"] == '"2"'


# -------------------------------------------------------------------------------------- lists


def test_list_filters_and_pages_without_repeats(scene: Scene) -> None:
    other_deployment = scene.world.insert_deployment(scene.owner, scene.provider)
    opened = [scene.open()["id"] for _ in range(3)]
    opened.append(
        scene.client.post(
            TICKETS, headers=scene.owner.headers, json=ticket_body(other_deployment)
        ).json()["id"]
    )
    opened.append(scene.open()["id"])
    assert scene.patch(opened[1], "provider", {"status": "resolved"}).status_code == 200
    newest_first = list(reversed(opened))

    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        query = "?limit=2" + (f"&cursor={cursor}" if cursor else "")
        response = scene.client.get(TICKETS + query, headers=scene.owner.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= 2
        seen += [t["id"] for t in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3
    assert seen == newest_first

    def listed(query: str, who: str = "owner") -> list[str]:
        response = scene.client.get(f"{TICKETS}?{query}", headers=scene.headers(who))
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert listed("status=resolved") == [opened[1]]
    assert listed("status=open") == [i for i in newest_first if i != opened[1]]
    assert listed(f"deployment_id={other_deployment}") == [opened[3]]
    assert listed(f"deployment_id={other_deployment}&status=resolved") == []
    assert listed(f"deployment_id={uuid.uuid4()}") == []
    # The other deployment is not in the organization: its members do not see that ticket.
    assert listed("", "org_viewer") == [i for i in newest_first if i != opened[3]]
    assert listed("", "provider") == newest_first
    assert listed("", "platform_admin") == newest_first
    assert listed("", "other_provider") == []
    assert listed("", "stranger") == []


def test_provider_sees_only_tickets_on_its_deployments(scene: Scene) -> None:
    mine = scene.open()["id"]
    elsewhere = scene.world.insert_deployment(scene.owner, scene.other_provider)
    theirs = scene.client.post(
        TICKETS, headers=scene.owner.headers, json=ticket_body(elsewhere)
    ).json()
    assert theirs["provider_id"] == scene.other_provider.id
    provider_ids = [
        t["id"] for t in scene.client.get(TICKETS, headers=scene.provider.headers).json()["items"]
    ]
    other_ids = [
        t["id"]
        for t in scene.client.get(TICKETS, headers=scene.other_provider.headers).json()["items"]
    ]
    assert provider_ids == [mine]
    assert other_ids == [theirs["id"]]
    problem(
        scene.client.get(f"{TICKETS}/{theirs['id']}", headers=scene.provider.headers),
        404,
        "TICKET_NOT_FOUND",
    )


@pytest.mark.parametrize(
    ("query", "field", "code"),
    [
        ("cursor=garbage", "cursor", "INVALID_CURSOR"),
        ("cursor=WyJ4IiwieSJd", "cursor", "INVALID_CURSOR"),
        ("status=pending", "status", "INVALID_VALUE"),
        ("deployment_id=nope", "deployment_id", "INVALID_FORMAT"),
        ("limit=0", "limit", "TOO_SMALL"),
        ("limit=101", "limit", "TOO_LARGE"),
        ("sort=asc", "sort", "UNKNOWN_PARAMETER"),
    ],
)
def test_list_bad_parameters_are_400(scene: Scene, query: str, field: str, code: str) -> None:
    errors = problem(scene.client.get(f"{TICKETS}?{query}", headers=scene.owner.headers), 400)[
        "errors"
    ]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}


def test_text_the_database_cannot_store_is_400(scene: Scene) -> None:
    headers = {**scene.owner.headers, "Content-Type": "application/json"}
    deployment = scene.deployment_id.encode()
    raw = (
        b'{"deployment_id": "%s", "subject": "a\\ud800", "description": "d", "category": "general"}'
    )
    problem(scene.client.post(TICKETS, headers=headers, content=raw % deployment), 400)
    ticket = scene.open()
    comment = scene.client.post(
        f"{TICKETS}/{ticket['id']}/comments", headers=headers, content=b'{"body": "\\ud83d"}'
    )
    problem(comment, 400)
    assert scene.count("tickets") == 1
    assert scene.count("ticket_comments") == 0


def test_scopes_of_an_api_key_are_enforced(scene: Scene) -> None:
    ticket = scene.open()
    reader = create_key(scene.client, scene.owner.headers, ["tickets:read"])
    key = {"X-API-Key": reader["key"]}
    listed = scene.client.get(TICKETS, headers=key)
    assert [t["id"] for t in listed.json()["items"]] == [ticket["id"]]
    problem(scene.client.post(TICKETS, headers=key, json=ticket_body(scene.deployment_id)), 403)
    problem(
        scene.client.post(f"{TICKETS}/{ticket['id']}/comments", headers=key, json={"body": "x"}),
        403,
    )
    problem(
        scene.client.patch(f"{TICKETS}/{ticket['id']}", headers=key, json={"priority": "low"}), 403
    )
    assert scene.count("tickets") == 1


def test_comments_racing_a_close_are_201_or_409_never_500(scene: Scene) -> None:
    ticket = scene.open()
    comments = [
        (lambda i=i: int(scene.comment(ticket["id"], "owner", f"comment {i}").status_code))
        for i in range(5)
    ]
    close = [lambda: int(scene.patch(ticket["id"], "provider", {"status": "closed"}).status_code)]
    statuses = run_concurrently(comments + close)
    assert statuses.count(200) == 1, statuses
    assert set(statuses) <= {200, 201, 409}, statuses
    assert scene.count("ticket_comments") == statuses.count(201)
    problem(scene.comment(ticket["id"], "owner"), 409, "TICKET_CLOSED")
