"""A deployment's logs, metrics and shell sessions: the provider writes, tenants read, and shell
tokens open the provider's shell and nothing else."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from starlette.testclient import TestClient

from tests.conftest import TEST_JWT_SECRET, problem
from tests.portal.world import ProviderActor, Tenant, World
from tests.providers.factories import provider_session, register_provider

pytestmark = pytest.mark.integration

SHELL_URL = "wss://shell.acme.example:7443/attach"


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def logs_url(deployment_id: str, **query: Any) -> str:
    suffix = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/api/v1/deployments/{deployment_id}/logs" + (f"?{suffix}" if suffix else "")


def ingest(world: World, provider: ProviderActor, deployment_id: str, lines: list[Any]) -> Any:
    return world.client.post(
        f"/api/v1/provider/deployments/{deployment_id}/logs",
        headers=provider.headers,
        json={"lines": lines},
    )


def at(minutes: int) -> str:
    base = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    return (base + timedelta(minutes=minutes)).isoformat().replace("+00:00", "Z")


# Logs -----------------------------------------------------------------------------------------


def test_logs_tail_since_and_timestamps(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    batch = [{"line": f"line {i}", "timestamp": at(i), "service": "web"} for i in range(10)]
    response = ingest(world, provider, deployment, batch)
    assert response.status_code == 202, response.text
    assert response.json() == {"accepted": 10}

    body = world.client.get(logs_url(deployment), headers=owner.headers).json()
    assert body["deployment_id"] == deployment
    assert body["lines"] == [f"line {i}" for i in range(10)]

    tail = world.client.get(logs_url(deployment, tail=3), headers=owner.headers).json()
    assert tail["lines"] == ["line 7", "line 8", "line 9"]

    since = world.client.get(
        logs_url(deployment, since=at(5).replace(":", "%3A"), tail=2), headers=owner.headers
    ).json()
    assert since["lines"] == ["line 8", "line 9"]
    only_after = world.client.get(
        logs_url(deployment, since=at(7).replace(":", "%3A")), headers=owner.headers
    ).json()
    assert only_after["lines"] == ["line 8", "line 9"]

    stamped = world.client.get(
        logs_url(deployment, tail=1, timestamps="true"), headers=owner.headers
    ).json()
    assert stamped["lines"] == ["2026-11-01T12:09:00Z line 9"]

    # A line without a time is stamped on arrival, so it is the newest.
    assert ingest(world, provider, deployment, [{"line": "now"}]).status_code == 202
    newest = world.client.get(logs_url(deployment, tail=1), headers=owner.headers).json()
    assert newest["lines"] == ["now"]


def test_log_bounds(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    for query in ({"tail": 0}, {"tail": 10001}, {"since": "yesterday"}, {"timestamps": "maybe"}):
        problem(world.client.get(logs_url(deployment, **query), headers=owner.headers), 400)
    problem(ingest(world, provider, deployment, []), 400)
    problem(ingest(world, provider, deployment, [{"line": "x"}] * 1001), 400)
    problem(ingest(world, provider, deployment, [{"line": ""}]), 400)
    problem(ingest(world, provider, deployment, [{"line": "x" * 10001}]), 400)
    problem(ingest(world, provider, deployment, [{"line": "x", "level": "info"}]), 400)
    problem(ingest(world, provider, deployment, [{"line": "x", "timestamp": "soon"}]), 400)
    # Nothing of a refused batch is kept.
    assert world.client.get(logs_url(deployment), headers=owner.headers).json()["lines"] == []
    assert ingest(world, provider, deployment, [{"line": "x"}] * 1000).status_code == 202


def test_logs_by_deployment_state_and_caller(world: World) -> None:
    owner, provider, other_provider = world.tenant(), world.provider(), world.provider()
    pending = world.insert_deployment(owner, provider, state="pending")
    closed = world.insert_deployment(owner, provider, state="closed")
    assert ingest(world, provider, pending, [{"line": "pulling image"}]).status_code == 202
    problem(ingest(world, provider, closed, [{"line": "late"}]), 409, "DEPLOYMENT_CLOSED")
    problem(ingest(world, other_provider, pending, [{"line": "x"}]), 404, "DEPLOYMENT_NOT_FOUND")
    problem(world.client.get(logs_url(pending), headers=world.tenant().headers), 404)
    problem(world.client.get(logs_url(pending), headers=provider.headers), 403)
    problem(world.client.get(logs_url(str(uuid.uuid4())), headers=owner.headers), 404)
    assert world.client.get(logs_url(pending), headers=world.admin).json()["lines"] == [
        "pulling image"
    ]


# Metrics --------------------------------------------------------------------------------------


def metrics(world: World, who: dict[str, str], deployment_id: str) -> Any:
    return world.client.get(f"/api/v1/deployments/{deployment_id}/metrics", headers=who)


def report(world: World, provider: ProviderActor, deployment_id: str, body: Any) -> Any:
    return world.client.post(
        f"/api/v1/provider/deployments/{deployment_id}/metrics", headers=provider.headers, json=body
    )


def test_metrics_report_and_read(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider, cpu="2", memory="4", storage="20", gpu=1)
    before = metrics(world, owner.headers, deployment).json()
    assert before == {
        "deployment_id": deployment,
        "cpu": {"usage": 0, "limit": 2},
        "memory": {"usage": 0, "limit": 4},
        "storage": {"usage": 0, "limit": 20},
        "gpu": {"usage": 0, "limit": 1},
        "reported_at": None,
    }
    reported = report(world, provider, deployment, {"cpu": 1.25, "memory": 3.5, "storage": 7})
    assert reported.status_code == 200, reported.text
    after = metrics(world, owner.headers, deployment).json()
    assert after["cpu"] == {"usage": 1.25, "limit": 2}
    assert after["memory"] == {"usage": 3.5, "limit": 4}
    assert after["storage"] == {"usage": 7, "limit": 20}
    assert after["gpu"] == {"usage": 0, "limit": 1}
    assert after["reported_at"] is not None
    assert reported.json() == after

    again = report(world, provider, deployment, {"cpu": 0.5, "memory": 1, "storage": 7, "gpu": 1})
    assert again.json()["cpu"]["usage"] == 0.5
    assert again.json()["gpu"]["usage"] == 1


def test_metrics_rules(world: World) -> None:
    owner, provider, other = world.tenant(), world.provider(), world.provider()
    active = world.insert_deployment(owner, provider)
    pending = world.insert_deployment(owner, provider, state="pending")
    good = {"cpu": 1, "memory": 1, "storage": 1}
    problem(report(world, provider, pending, good), 409, "DEPLOYMENT_NOT_ACTIVE")
    problem(report(world, other, active, good), 404, "DEPLOYMENT_NOT_FOUND")
    problem(report(world, provider, active, {"cpu": -1, "memory": 1, "storage": 1}), 400)
    problem(report(world, provider, active, {"cpu": 1, "memory": 1}), 400)
    problem(report(world, provider, active, {**good, "disk": 1}), 400)
    problem(report(world, provider, active, {**good, "cpu": "1"}), 400)
    problem(metrics(world, world.tenant().headers, active), 404)
    problem(metrics(world, provider.headers, active), 403)


def test_concurrent_metric_reports_leave_one_row(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    statuses: list[int] = []
    barrier = threading.Barrier(6)

    def send(cpu: float) -> None:
        barrier.wait()
        body = {"cpu": cpu, "memory": 1, "storage": 1}
        statuses.append(report(world, provider, deployment, body).status_code)

    threads = [threading.Thread(target=send, args=(i / 10,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 6
    usage = metrics(world, owner.headers, deployment).json()["cpu"]["usage"]
    assert usage in {i / 10 for i in range(6)}


# Shell sessions -------------------------------------------------------------------------------


def shell_provider(world: World) -> ProviderActor:
    endpoints = [
        {
            "type": "api",
            "url": "https://api.acme.example:8443",
            "protocol": "https",
            "secure": True,
        },
        {"type": "shell", "url": SHELL_URL, "protocol": "wss", "secure": True},
    ]
    registered = register_provider(world.client, **{"endpoints": endpoints})
    provider_id = registered["provider"]["id"]
    approved = world.client.post(
        f"/api/v1/admin/providers/{provider_id}/approve", headers=world.admin
    )
    assert approved.status_code == 200, approved.text
    return ProviderActor(provider_id, provider_session(world.client, registered), registered)


def open_shell(world: World, who: Tenant | dict[str, str], deployment_id: str, **body: Any) -> Any:
    headers = who.headers if isinstance(who, Tenant) else who
    return world.client.post(
        f"/api/v1/deployments/{deployment_id}/shell-sessions", headers=headers, json=body
    )


def verify(world: World, provider: ProviderActor, token: str) -> dict[str, Any]:
    response = world.client.post(
        "/api/v1/provider/shell-sessions/verify", headers=provider.headers, json={"token": token}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_shell_session_token_is_scoped_to_the_deployment_and_its_provider(world: World) -> None:
    owner, provider = world.tenant(), shell_provider(world)
    deployment = world.insert_deployment(owner, provider)
    response = open_shell(world, owner, deployment, service="web")
    assert response.status_code == 201, response.text
    session = response.json()
    assert session["token_type"] == "shell"
    assert session["deployment_id"] == deployment
    assert session["provider_id"] == provider.id
    assert session["service"] == "web"
    assert session["shell_url"] == SHELL_URL

    header = jwt.get_unverified_header(session["token"])
    assert header["typ"] == "shell+jwt"
    claims = jwt.decode(
        session["token"], TEST_JWT_SECRET, algorithms=["HS256"], audience=f"provider:{provider.id}"
    )
    assert claims["sub"] == owner.id
    assert claims["deployment_id"] == deployment
    assert claims["service"] == "web"
    assert claims["token_use"] == "shell"
    assert claims["exp"] - claims["iat"] == 300
    expires = datetime.fromisoformat(session["expires_at"].replace("Z", "+00:00"))
    assert abs(expires.timestamp() - claims["exp"]) < 1

    verdict = verify(world, provider, session["token"])
    assert verdict == {
        "valid": True,
        "deployment_id": deployment,
        "account_id": owner.id,
        "service": "web",
        "expires_at": verdict["expires_at"],
    }
    # Never a credential for this API.
    me = world.client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {session['token']}"}
    )
    problem(me, 401)


def test_shell_session_rules(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    viewer, member = world.tenant(), world.tenant()
    organization = world.insert_organization(owner, {"viewer": viewer, "member": member})
    deployment = world.insert_deployment(owner, provider, organization_id=organization)
    pending = world.insert_deployment(owner, provider, state="pending")

    no_shell = open_shell(world, owner, deployment)
    assert no_shell.status_code == 201
    assert no_shell.json()["shell_url"] is None  # the default provider registered no shell
    assert no_shell.json()["service"] is None
    assert open_shell(world, member, deployment).status_code == 201
    problem(open_shell(world, viewer, deployment), 403)
    problem(open_shell(world, world.admin, deployment), 403)
    problem(open_shell(world, world.tenant(), deployment), 404, "DEPLOYMENT_NOT_FOUND")
    problem(open_shell(world, provider.headers, deployment), 403)
    problem(open_shell(world, owner, pending), 409, "DEPLOYMENT_NOT_ACTIVE")
    problem(open_shell(world, owner, deployment, service=""), 400)
    problem(open_shell(world, owner, deployment, command="sh"), 400)
    # No body at all is an ordinary request.
    bare = world.client.post(
        f"/api/v1/deployments/{deployment}/shell-sessions", headers=owner.headers
    )
    assert bare.status_code == 201, bare.text


def test_verify_refuses_what_the_shell_must_not_accept(world: World, make_client: Any) -> None:
    owner, provider, other = world.tenant(), world.provider(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    token = open_shell(world, owner, deployment).json()["token"]

    assert verify(world, other, token) == {"valid": False, "reason": "wrong_provider"}
    assert verify(world, provider, "not.a.token") == {"valid": False, "reason": "invalid"}
    access_token = owner.headers["Authorization"].removeprefix("Bearer ")
    assert verify(world, provider, access_token) == {"valid": False, "reason": "invalid"}

    now = int(time.time())
    expired = jwt.encode(
        {
            "iss": "provider-registry",
            "aud": f"provider:{provider.id}",
            "sub": owner.id,
            "jti": str(uuid.uuid4()),
            "iat": now - 600,
            "nbf": now - 600,
            "exp": now - 300,
            "token_use": "shell",
            "deployment_id": deployment,
            "service": None,
        },
        TEST_JWT_SECRET,
        algorithm="HS256",
        headers={"typ": "shell+jwt"},
    )
    assert verify(world, provider, expired) == {"valid": False, "reason": "expired"}
    forged = jwt.encode(
        jwt.decode(token, options={"verify_signature": False}),
        "another secret of at least thirty-two bytes!",
        algorithm="HS256",
        headers={"typ": "shell+jwt"},
    )
    assert verify(world, provider, forged) == {"valid": False, "reason": "invalid"}

    closed = world.client.post(f"/api/v1/deployments/{deployment}/close", headers=owner.headers)
    assert closed.status_code == 200
    assert verify(world, provider, token) == {"valid": False, "reason": "deployment_not_active"}

    problem(
        world.client.post(
            "/api/v1/provider/shell-sessions/verify", headers=owner.headers, json={"token": token}
        ),
        403,
    )
    problem(
        world.client.post(
            "/api/v1/provider/shell-sessions/verify", headers=provider.headers, json={}
        ),
        400,
    )


def test_shell_token_lifetime_follows_the_setting(make_client: Any, database_url: str) -> None:
    client = make_client(portal_shell_token_ttl_seconds="45")
    world = World(client, database_url)
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    token = open_shell(world, owner, deployment).json()["token"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 45


def test_times_that_rfc_3339_allows_but_we_cannot_store_are_400(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    lower = [{"line": "lower-case", "timestamp": "2026-11-01t12:00:00z"}]
    assert ingest(world, provider, deployment, lower).status_code == 202
    stamped = world.client.get(
        logs_url(deployment, timestamps="true", since="2026-11-01t11:00:00z"),
        headers=owner.headers,
    ).json()
    assert stamped["lines"] == ["2026-11-01T12:00:00Z lower-case"]
    for edge in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"):
        body = problem(ingest(world, provider, deployment, [{"line": "x", "timestamp": edge}]), 400)
        assert body["errors"][0]["field"] == "lines.0.timestamp"
        since = edge.replace(":", "%3A").replace("+", "%2B")
        problem(world.client.get(logs_url(deployment, since=since), headers=owner.headers), 400)


def test_a_shell_session_body_that_is_not_json_is_400(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    deployment = world.insert_deployment(owner, provider)
    url = f"/api/v1/deployments/{deployment}/shell-sessions"
    for headers in ({}, {"Content-Type": "application/json"}):
        response = world.client.post(
            url, headers={**owner.headers, **headers}, content=b"{not json"
        )
        assert 400 <= response.status_code < 500, response.text
        problem(response, response.status_code)


def test_verify_answers_access_revoked_once_the_tenant_loses_the_deployment(
    world: World,
) -> None:
    admin, member, provider = world.tenant(), world.tenant(), world.provider()
    organization = world.insert_organization(admin, {"member": member})
    deployment = world.insert_deployment(admin, provider, organization_id=organization)
    token = open_shell(world, member, deployment).json()["token"]
    assert verify(world, provider, token)["valid"] is True
    removed = world.client.delete(
        f"/api/v1/organizations/{organization}/members/{member.id}", headers=admin.headers
    )
    assert removed.status_code == 204, removed.text
    assert verify(world, provider, token) == {"valid": False, "reason": "access_revoked"}


def test_an_expired_access_token_is_invalid_not_expired(world: World) -> None:
    owner, provider = world.tenant(), world.provider()
    now = int(time.time())
    expired_access = jwt.encode(
        {
            "iss": "provider-registry",
            "aud": f"provider:{provider.id}",
            "sub": owner.id,
            "jti": str(uuid.uuid4()),
            "iat": now - 600,
            "nbf": now - 600,
            "exp": now - 300,
            "token_use": "access",
        },
        TEST_JWT_SECRET,
        algorithm="HS256",
        headers={"typ": "at+jwt"},
    )
    assert verify(world, provider, expired_access) == {"valid": False, "reason": "invalid"}
