"""The service catalog: creation, visibility by status and caller, ownership, lifecycle, search."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.catalog.service import semver_key
from tests.conftest import MakeClient, problem
from tests.identity.helpers import create_key, signed_in
from tests.providers.factories import admin_session, provider_session, register_provider

pytestmark = pytest.mark.integration

SERVICES = "/api/v1/services"


def service_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "acme-chat",
        "version": "1.0.0",
        "description": "Fast chat completions for customer support bots",
        "category": "text-generation",
        "tags": ["chat", "support"],
        "capabilities": [
            {
                "name": "chat_completion",
                "description": "Chat",
                "parameters": {"type": "object", "properties": {}},
            }
        ],
        "endpoint": {
            "url": "https://api.acme.example/v1/chat",
            "protocol": "rest",
            "authentication": "api-key",
        },
        "pricing": {
            "model": "per-token",
            "currency": "USD",
            "rates": [
                {
                    "tier": "standard",
                    "unit": "1k tokens",
                    "rate": "0.03",
                    "input_rate": "0.03",
                    "output_rate": "0.06",
                }
            ],
        },
        "sla": {"availability": 99.9, "max_latency": 2000, "support_level": "premium"},
        "compliance": {
            "level": "internal",
            "certifications": ["SOC2"],
            "data_residency": ["US", "EU"],
        },
    }
    body.update(overrides)
    return body


class World:
    """An admin, two approved providers and a pending one, with their sessions."""

    def __init__(self, client: TestClient, database_url: str) -> None:
        self.client = client
        self.admin = admin_session(client, database_url)
        self.owner = self._provider(approve=True)
        self.other = self._provider(approve=True)
        self.pending = self._provider(approve=False)

    def _provider(self, approve: bool) -> dict[str, str]:
        registered = register_provider(self.client)
        if approve:
            response = self.client.post(
                f"/api/v1/admin/providers/{registered['provider']['id']}/approve",
                headers=self.admin,
            )
            assert response.status_code == 200
        return provider_session(self.client, registered)

    def create(self, **overrides: Any) -> dict[str, Any]:
        response = self.client.post(SERVICES, headers=self.owner, json=service_body(**overrides))
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    def act(self, service_id: str, action: str, who: dict[str, str], **kwargs: Any) -> Any:
        return self.client.post(f"{SERVICES}/{service_id}/{action}", headers=who, **kwargs)

    def published(self, **overrides: Any) -> dict[str, Any]:
        created = self.create(**overrides)
        response = self.act(created["id"], "publish", self.owner)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def test_create_starts_pending_and_status_is_not_client_settable(world: World) -> None:
    created = world.create()
    assert created["status"] == "pending_approval"
    assert created["published_at"] is None
    assert created["pricing"]["rates"][0]["rate"] == "0.03"
    bad = world.client.post(
        SERVICES, headers=world.owner, json=service_body(version="2.0.0", status="active")
    )
    assert problem(bad, 400)["errors"][0]["code"] == "UNKNOWN_FIELD"


def test_who_may_create(world: World, client: TestClient) -> None:
    problem(client.post(SERVICES, json=service_body()), 401)
    problem(
        client.post(SERVICES, headers=world.pending, json=service_body()),
        403,
        "PROVIDER_NOT_APPROVED",
    )
    _, account = signed_in(client, role="provider")
    problem(client.post(SERVICES, headers=account, json=service_body()), 403, "FORBIDDEN")
    # A provider key needs services:write.
    read_only = client.post(
        "/api/v1/provider/api-keys",
        headers=world.owner,
        json={"name": "ro", "scopes": ["services:read"]},
    ).json()["key"]
    problem(client.post(SERVICES, headers={"X-API-Key": read_only}, json=service_body()), 403)
    writer = client.post(
        "/api/v1/provider/api-keys",
        headers=world.owner,
        json={"name": "rw", "scopes": ["services:write"]},
    ).json()["key"]
    assert (
        client.post(
            SERVICES, headers={"X-API-Key": writer}, json=service_body(version="0.9.0")
        ).status_code
        == 201
    )


def test_same_provider_name_and_version_is_409(world: World) -> None:
    world.create()
    problem(
        world.client.post(SERVICES, headers=world.owner, json=service_body()),
        409,
        "SERVICE_VERSION_TAKEN",
    )
    # Another provider may use the same name and version.
    assert world.client.post(SERVICES, headers=world.other, json=service_body()).status_code == 201


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"version": "1.0"}, "version"),
        ({"version": "01.0.0"}, "version"),
        ({"name": "Acme Chat"}, "name"),
        ({"category": "astrology"}, "category"),
        (
            {"pricing": {"model": "per-token", "rates": [{"unit": "x", "rate": 0.03}]}},
            "pricing.rates.0.rate",
        ),
        ({"sla": {"availability": 120}}, "sla.availability"),
        ({"endpoint": {"url": "ftp://x.example", "protocol": "rest"}}, "endpoint.url"),
    ],
)
def test_validation(world: World, overrides: dict[str, Any], field: str) -> None:
    body = problem(
        world.client.post(SERVICES, headers=world.owner, json=service_body(**overrides)), 400
    )
    assert field in {e["field"] for e in body["errors"]}


def test_visibility_by_status_and_caller(world: World, client: TestClient) -> None:
    created = world.create()
    url = f"{SERVICES}/{created['id']}"
    _, consumer = signed_in(client)

    def seen_by() -> dict[str, int]:
        return {
            "anonymous": client.get(url).status_code,
            "consumer": client.get(url, headers=consumer).status_code,
            "owner": client.get(url, headers=world.owner).status_code,
            "other": client.get(url, headers=world.other).status_code,
            "admin": client.get(url, headers=world.admin).status_code,
        }

    hidden = {"anonymous": 404, "consumer": 404, "owner": 200, "other": 404, "admin": 200}
    public = {"anonymous": 200, "consumer": 200, "owner": 200, "other": 200, "admin": 200}
    assert seen_by() == hidden  # pending_approval
    assert world.act(created["id"], "publish", world.owner).status_code == 200
    assert seen_by() == public  # active
    assert world.act(created["id"], "deprecate", world.owner).status_code == 200
    assert seen_by() == public  # deprecated
    assert (
        world.act(created["id"], "suspend", world.admin, json={"reason": "policy"}).status_code
        == 200
    )
    assert seen_by() == hidden  # suspended
    assert world.act(created["id"], "retire", world.owner).status_code == 200
    assert seen_by() == hidden  # retired
    assert client.delete(url, headers=world.owner).status_code == 204
    assert set(seen_by().values()) == {404}  # deleted: gone for everyone
    problem(client.get(url, headers={"Authorization": "Bearer nope"}), 401)


def test_every_write_by_another_provider_is_refused(world: World, client: TestClient) -> None:
    pending = world.create()
    active = world.published(version="2.0.0")
    for service, status in ((pending, 404), (active, 403)):
        url = f"{SERVICES}/{service['id']}"
        assert (
            client.patch(url, headers=world.other, json={"description": "mine now"}).status_code
            == status
        )
        assert client.delete(url, headers=world.other).status_code == status
        for action in ("publish", "deprecate", "retire"):
            assert world.act(service["id"], action, world.other).status_code == status
    assert client.get(f"{SERVICES}/{active['id']}").json()["description"] == (
        "Fast chat completions for customer support bots"
    )


def test_lifecycle_edges(world: World) -> None:
    created = world.create()
    sid = created["id"]
    assert (
        problem(world.act(sid, "deprecate", world.owner), 409, "SERVICE_INVALID_TRANSITION")[
            "current_status"
        ]
        == "pending_approval"
    )
    # Only admins suspend; only owners deprecate.
    problem(world.act(sid, "suspend", world.owner, json={"reason": "x"}), 403)
    published = world.act(sid, "publish", world.owner).json()
    assert published["status"] == "active"
    assert published["published_at"] is not None
    problem(world.act(sid, "publish", world.owner), 409)
    problem(world.act(sid, "deprecate", world.admin), 403)
    assert world.act(sid, "deprecate", world.owner).json()["status"] == "deprecated"
    problem(world.act(sid, "deprecate", world.owner), 409)
    suspended = world.act(sid, "suspend", world.admin, json={"reason": "abuse"}).json()
    assert suspended["suspension_reason"] == "abuse"
    problem(world.act(sid, "publish", world.owner), 409)
    assert world.act(sid, "retire", world.admin).json()["status"] == "retired"
    problem(world.act(sid, "retire", world.owner), 409)
    problem(world.act(sid, "suspend", world.admin, json={"reason": "x"}), 409)

    other = world.create(version="3.0.0")
    assert world.act(other["id"], "publish", world.admin).json()["status"] == "active"

    actions = [
        e["action"]
        for e in world.client.get(
            f"/api/v1/admin/audit-events?target_id={sid}", headers=world.admin
        ).json()["items"]
    ]
    assert actions == [
        "service.retired",
        "service.suspended",
        "service.deprecated",
        "service.published",
        "service.created",
    ]


def test_publish_needs_a_still_approved_provider_and_the_scope(
    world: World, client: TestClient
) -> None:
    created = world.create()
    key = client.post(
        "/api/v1/provider/api-keys",
        headers=world.owner,
        json={"name": "w", "scopes": ["services:write"]},
    ).json()["key"]
    problem(world.act(created["id"], "publish", {"X-API-Key": key}), 403, "FORBIDDEN")


def test_update_with_if_match(world: World, client: TestClient) -> None:
    created = world.published()
    url = f"{SERVICES}/{created['id']}"
    etag = client.get(url).headers["etag"]
    changed = client.patch(
        url,
        headers={**world.owner, "If-Match": etag},
        json={"description": "Now with streaming", "tags": ["chat", "stream"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["tags"] == ["chat", "stream"]
    problem(
        client.patch(url, headers={**world.owner, "If-Match": etag}, json={"description": "stale"}),
        412,
        "PRECONDITION_FAILED",
    )
    problem(client.patch(url, headers=world.owner, json={"version": "9.9.9"}), 400)
    problem(client.patch(url, headers=world.owner, json={"status": "retired"}), 400)
    assert (
        client.patch(url, headers=world.admin, json={"category": "summarization"}).status_code
        == 200
    )
    listed = client.get(f"{SERVICES}?query=streaming").json()["items"]
    assert [s["id"] for s in listed] == [created["id"]]


def test_concurrent_publishes_have_one_winner(make_client: MakeClient, database_url: str) -> None:
    client = make_client()
    world = World(client, database_url)
    created = world.create()
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(world.act(created["id"], "publish", world.owner).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 409, 409, 409, 409, 409]


def test_search_filters_and_sorting(world: World, client: TestClient) -> None:
    embed = world.published(
        name="vector-embed",
        version="1.0.0",
        category="embeddings",
        description="Dense vector embeddings for semantic search",
        tags=["vectors", "search"],
        pricing={"model": "per-request", "rates": []},
        sla={"availability": 99.5, "max_latency": 300},
        compliance={"level": "public"},
    )
    chat = world.published(name="acme-chat", version="1.0.0")
    translate = world.published(
        name="babel",
        version="0.1.0",
        category="translation",
        description="Translation between forty languages",
        tags=["translation"],
        sla={"availability": 98.0},
    )
    world.create(name="secret-draft", description="Embeddings draft not yet public")

    def ids(query: str) -> list[str]:
        response = client.get(f"{SERVICES}?{query}")
        assert response.status_code == 200, response.text
        return [s["id"] for s in response.json()["items"]]

    assert ids("") == [translate["id"], chat["id"], embed["id"]]
    assert ids("query=embeddings") == [embed["id"]]  # stemmed, and drafts are never public
    assert ids("query=semantic%20vector%20search") == [embed["id"]]
    assert ids("category=translation") == [translate["id"]]
    assert ids("tags=vectors&tags=search") == [embed["id"]]
    assert ids("tags=vectors&tags=chat") == []
    assert ids("min_availability=99") == [chat["id"], embed["id"]]
    assert ids("max_latency=500") == [embed["id"]]
    assert ids("pricing_model=per-request") == [embed["id"]]
    assert ids("compliance_level=internal") == [translate["id"], chat["id"]]
    assert ids("sort_by=name&sort_order=asc") == [chat["id"], translate["id"], embed["id"]]
    assert ids("sort_by=published_at&sort_order=asc") == [embed["id"], chat["id"], translate["id"]]
    owner_id = chat["provider"]["id"]
    assert set(ids(f"provider_id={owner_id}")) == {embed["id"], chat["id"], translate["id"]}

    walked, cursor = [], None
    while True:
        page = client.get(
            f"{SERVICES}?sort_by=name&limit=1" + (f"&cursor={cursor}" if cursor else "")
        ).json()
        walked += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert walked == [embed["id"], translate["id"], chat["id"]]
    first = client.get(f"{SERVICES}?sort_by=name&limit=1").json()
    body = problem(client.get(f"{SERVICES}?sort_by=created_at&cursor={first['next_cursor']}"), 400)
    assert body["errors"][0]["code"] == "INVALID_CURSOR"
    problem(client.get(f"{SERVICES}?sort_by=relevance"), 400)


def test_versions_newest_semver_first_and_my_services(world: World, client: TestClient) -> None:
    for version in ("1.2.0", "1.10.0", "1.10.0-rc.1", "0.9.0", "2.0.0-alpha"):
        world.published(version=version)
    world.create(version="3.0.0")  # not public
    response = client.get(f"{SERVICES}/acme-chat/versions")
    assert [s["version"] for s in response.json()["items"]] == [
        "2.0.0-alpha",
        "1.10.0",
        "1.10.0-rc.1",
        "1.2.0",
        "0.9.0",
    ]
    mine = client.get("/api/v1/provider/services?limit=100", headers=world.owner).json()["items"]
    assert len(mine) == 6
    drafts = client.get("/api/v1/provider/services?status=pending_approval", headers=world.owner)
    assert [s["version"] for s in drafts.json()["items"]] == ["3.0.0"]
    assert client.get("/api/v1/provider/services", headers=world.other).json()["items"] == []
    problem(client.get("/api/v1/provider/services", headers=world.admin), 403)


def test_semver_precedence() -> None:
    ordered = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
        "1.0.1",
        "1.10.0",
    ]
    shuffled = ordered[5:] + ordered[:5]
    assert sorted(shuffled, key=semver_key) == ordered


def test_admin_keys_need_the_lifecycle_scope(world: World, client: TestClient) -> None:
    created = world.create()
    key = create_key(client, world.admin, ["services:read"])["key"]
    problem(world.act(created["id"], "publish", {"X-API-Key": key}), 403)


def test_relevance_pages_walk_ties_without_gaps_or_repeats(
    world: World, client: TestClient
) -> None:
    same = [
        world.published(
            name=f"twin-{i}", description="Identical maritime forecasting text", tags=["maritime"]
        )["id"]
        for i in range(4)
    ]
    walked, cursor = [], None
    for _ in range(10):
        page = client.get(
            f"{SERVICES}?query=maritime&limit=1" + (f"&cursor={cursor}" if cursor else "")
        ).json()
        walked += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert sorted(walked) == sorted(same)
    assert len(walked) == len(set(walked))
