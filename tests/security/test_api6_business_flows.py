"""OWASP API6 (unrestricted access to sensitive business flows): prices agreed at acceptance, and
what a suspended provider may still do."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import update
from sqlmodel import select
from starlette.testclient import TestClient

from provider_registry.app import HTTP_METHODS
from provider_registry.config import Settings
from provider_registry.deployments.models import Deployment, DeploymentAction
from provider_registry.identity.access import AccessRule
from provider_registry.identity.scopes import scopes_for_role
from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.invoicing.service import invoices, usage
from provider_registry.kit import db
from provider_registry.kit.timeutil import utcnow
from provider_registry.tickets.models import Ticket
from tests.catalog.test_catalog import service_body
from tests.conftest import MakeClient, MakeSettings, problem
from tests.portal.test_bola_matrix import _fingerprint
from tests.portal.world import PRICES, ProviderActor, Tenant, World, db_session
from tests.providers.factories import provider_session, register_provider

pytestmark = pytest.mark.integration


@pytest.fixture
def world(client: TestClient, database_url: str) -> World:
    return World(client, database_url)


def _deploy(world: World, tenant: Tenant, provider: ProviderActor) -> str:
    created = world.client.post(
        "/api/v1/deployments",
        headers=tenant.headers,
        json={
            "name": "web",
            "provider_id": provider.id,
            "resources": {"cpu": 2, "memory": 4, "storage": 10},
        },
    )
    assert created.status_code == 201, created.text
    deployment: str = created.json()["id"]
    return deployment


def _accept(world: World, provider: ProviderActor, deployment: str) -> dict[str, Any]:
    accepted = world.client.post(
        f"/api/v1/provider/deployments/{deployment}/accept", headers=provider.headers, json={}
    )
    assert accepted.status_code == 200, accepted.text
    body: dict[str, Any] = accepted.json()
    return body


def _reprice(world: World, provider: ProviderActor, factor: int) -> None:
    prices = {
        "currency": PRICES["currency"],
        "prices": [
            {**price, "price": str(Decimal(price["price"]) * factor)} for price in PRICES["prices"]
        ],
    }
    response = world.client.put("/api/v1/provider/pricing", headers=provider.headers, json=prices)
    assert response.status_code == 200, response.text


# Item 7: prices are fixed when a deployment is accepted ----------------------------------------


def test_repricing_after_acceptance_changes_neither_usage_nor_the_invoice(
    world: World, make_settings: MakeSettings
) -> None:
    tenant, provider = world.tenant(), world.provider()
    deployment = _deploy(world, tenant, provider)
    accepted = _accept(world, provider, deployment)
    assert accepted["pricing"] == PRICES  # the agreed prices travel with the deployment

    # It ran from the start of last month until a minute ago.
    now = utcnow()
    end = usage.month_start(now)
    start = usage.month_start(end - timedelta(days=1))
    with db_session(world.database_url) as session:
        session.execute(
            update(Deployment)
            .where(Deployment.id == deployment)  # type: ignore[arg-type]
            .values(accepted_at=start, closed_at=now - timedelta(minutes=1), state="closed")
        )
    before = world.client.get("/api/v1/usage", headers=tenant.headers).json()

    _reprice(world, provider, 100)

    after = world.client.get("/api/v1/usage", headers=tenant.headers).json()
    assert after["totals"] == before["totals"]
    assert (
        world.client.get(f"/api/v1/deployments/{deployment}", headers=tenant.headers).json()[
            "pricing"
        ]
        == PRICES
    )

    settings: Settings = make_settings()
    database = db.Database(db.make_engine(settings.database))
    try:
        period = invoices.parse_period(f"{start:%Y-%m}", now)
        summary = invoices.generate(database.sessions, period, due_days=30)
    finally:
        database.dispose()
    assert summary["created"] == 1
    hours = Decimal((end - start).total_seconds()) / 3600
    # 2 vCPU x 0.04 + 4 GiB x 0.005 + 10 GiB x 0.0001 per hour, at the agreed prices.
    expected = usage.money(hours * (Decimal("0.08") + Decimal("0.02") + Decimal("0.001")))
    with db_session(world.database_url) as session:
        invoice = session.exec(select(Invoice)).one()
        line = session.exec(select(InvoiceLine)).one()
    assert invoice.total == expected
    assert line.amount == expected


def test_prices_published_after_acceptance_are_not_billed(world: World) -> None:
    tenant = world.tenant()
    registered = register_provider(world.client)
    provider_id = registered["provider"]["id"]
    approved = world.client.post(
        f"/api/v1/admin/providers/{provider_id}/approve", headers=world.admin
    )
    assert approved.status_code == 200, approved.text
    provider = ProviderActor(provider_id, provider_session(world.client, registered), registered)
    deployment = _deploy(world, tenant, provider)
    assert "pricing" not in _accept(world, provider, deployment)  # accepted with no prices
    _reprice(world, provider, 1)
    report = world.client.get("/api/v1/usage", headers=tenant.headers).json()
    line = next(item for item in report["items"] if item["deployment_id"] == deployment)
    assert line["currency"] is None
    assert Decimal(line["cost"]) == 0


# Item 5: suspension means something ----------------------------------------------------------

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.yaml"

# The rule set: a suspended provider may sign in, read its own data, revoke its keys and wind down
# the deployments running on it (status, logs, metrics, pending actions and their
# acknowledgements); nothing else.
SUSPENDED_MAY = {
    "get_current_principal",
    "get_provider_profile",
    "list_provider_api_keys",
    "revoke_provider_api_key",
    "list_provider_services",
    "list_provider_deployments",
    "report_deployment_status",
    "ingest_deployment_logs",
    "report_deployment_metrics",
    "list_provider_deployment_actions",
    "ack_deployment_action",
    "list_tickets",
    "get_ticket",
    "list_ticket_comments",
}


def _provider_operations() -> list[tuple[str, str, str, list[str]]]:
    """Every operation whose x-access admits a provider principal, with its provider_status."""
    spec = yaml.safe_load(BUNDLE.read_text())
    provider_scopes = scopes_for_role("provider")
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or "operationId" not in operation:
                continue
            if operation["operationId"].endswith("_legacy"):
                # A deprecated alias: its target's handler and x-access (tests/contract/
                # test_naming.py), so the target's case covers it.
                continue
            rule = operation.get("x-access", {})
            if rule.get("public"):
                continue
            if rule.get("kinds") and "provider" not in rule["kinds"]:
                continue
            if rule.get("roles") and "provider" not in rule["roles"]:
                continue
            if not set(rule.get("scopes", ())) <= provider_scopes:
                continue
            found.append(
                (operation["operationId"], method.upper(), path, rule.get("provider_status"))
            )
    return sorted(found)


PROVIDER_OPERATIONS = _provider_operations()


def test_every_provider_operation_declares_the_statuses_it_admits() -> None:
    undeclared = sorted(op for op, _, _, status in PROVIDER_OPERATIONS if status is None)
    assert not undeclared, f"declare x-access provider_status on {undeclared}"
    admitted = {op for op, _, _, status in PROVIDER_OPERATIONS if "suspended" in (status or [])}
    assert admitted == SUSPENDED_MAY


@dataclass
class Side:
    """One provider and its things: an active and a pending deployment, a pending action on the
    active one, a ticket, a published service, a spare API key and a tenant's shell token."""

    actor: ProviderActor
    deployment: str = ""
    pending: str = ""
    action: str = ""
    ticket: str = ""
    service: str = ""
    key: str = ""
    shell_token: str = ""


class SuspensionWorld(World):
    def __init__(self, client: TestClient, database_url: str) -> None:
        super().__init__(client, database_url)
        self.tenant_t = self.tenant()
        self.sides = {"approved": self._side("a"), "suspended": self._side("s")}
        suspended = self.client.post(
            f"/api/v1/admin/providers/{self.sides['suspended'].actor.id}/suspend",
            headers=self.admin,
            json={"reason": "Repeated SLA violations observed"},
        )
        assert suspended.status_code == 200, suspended.text
        # Suspension ends the provider's sessions (its token epoch moves on): it signs in again.
        actor = self.sides["suspended"].actor
        actor.headers = provider_session(self.client, actor.registered)

    def _side(self, tag: str) -> Side:
        side = Side(self.provider())
        side.deployment = self.insert_deployment(self.tenant_t, side.actor)
        side.pending = self.insert_deployment(self.tenant_t, side.actor, state="pending")
        deployment = uuid.UUID(side.deployment)
        action = DeploymentAction(
            deployment_id=deployment, action="stop", requested_by=uuid.UUID(self.tenant_t.id)
        )
        ticket = Ticket(
            deployment_id=deployment,
            provider_id=uuid.UUID(side.actor.id),
            opened_by=uuid.UUID(self.tenant_t.id),
            subject="Slow disk",
            description="IO wait is high",
            category="technical",
            priority="medium",
        )
        with db_session(self.database_url) as session:
            session.add_all([action, ticket])
        side.action, side.ticket = str(action.id), str(ticket.id)
        created = self.client.post(
            "/api/v1/services",
            headers=side.actor.headers,
            json=service_body(name=f"svc-{tag}-{uuid.uuid4().hex[:6]}"),
        )
        assert created.status_code == 201, created.text
        side.service = created.json()["id"]
        published = self.client.post(f"/api/v1/services/{side.service}/publish", headers=self.admin)
        assert published.status_code == 200, published.text
        key = self.client.post(
            "/api/v1/provider/api-keys",
            headers=side.actor.headers,
            json={"name": "spare", "scopes": ["services:read"]},
        )
        assert key.status_code == 201, key.text
        side.key = key.json()["api_key"]["id"]
        shell = self.client.post(
            f"/api/v1/deployments/{side.deployment}/shell-sessions",
            headers=self.tenant_t.headers,
            json={},
        )
        assert shell.status_code == 201, shell.text
        side.shell_token = shell.json()["token"]
        return side

    def call(self, who: str, operation_id: str, method: str, path: str) -> Any:
        side = self.sides[who]
        url = path.format(
            deployment_id=side.pending if operation_id == "accept_deployment" else side.deployment,
            action_id=side.action,
            ticket_id=side.ticket,
            service_id=side.service,
            key_id=side.key,
        )
        bodies: dict[str, Any] = {
            "update_provider_profile": {"organization": "Renamed Ltd"},
            "replace_provider_pricing": PRICES,
            "replace_provider_capacity": CAPACITY,
            "create_provider_api_key": {"name": "another", "scopes": ["services:read"]},
            "create_service": service_body(name=f"new-{uuid.uuid4().hex[:8]}"),
            "update_service": {"description": "Updated description of the service"},
            "ingest_deployment_logs": {"lines": [{"line": "draining"}]},
            "report_deployment_metrics": {"cpu": 0.5, "memory": 1.0, "storage": 2.0},
            "verify_shell_session": {"token": side.shell_token},
            "accept_deployment": {},
            "report_deployment_status": {
                "state": "closed",
                "replicas": {"ready": 0, "total": 1},
                "services": [],
            },
            "ack_deployment_action": {"result": "succeeded"},
            "update_ticket": {"status": "in_progress"},
            "create_ticket_comment": {"body": "Looking into it"},
        }
        kwargs: dict[str, Any] = {"headers": side.actor.headers}
        if operation_id in bodies:
            kwargs["json"] = bodies[operation_id]
        if operation_id in (
            "update_provider_profile",
            "replace_provider_pricing",
            "replace_provider_capacity",
        ):
            kwargs["headers"] = {**side.actor.headers, "If-Match": self._provider_etag(side)}
        return self.client.request(method, url, **kwargs)

    def _provider_etag(self, side: Side) -> str:
        response = self.client.get("/api/v1/provider/profile", headers=side.actor.headers)
        etag: str = response.headers["ETag"]
        return etag


CAPACITY = {
    "gpu_model": "NVIDIA A100",
    "gpu_count": 8,
    "gpu_memory_gb": 80,
    "cpu_cores": 128,
    "memory_gb": 1024,
    "storage_gb": 20000,
    "region": "us-west-2",
}


@pytest.mark.parametrize(
    ("operation_id", "method", "path"),
    [op[:3] for op in PROVIDER_OPERATIONS],
    ids=[op[0] for op in PROVIDER_OPERATIONS],
)
def test_what_a_suspended_provider_may_do(
    operation_id: str, method: str, path: str, make_client: MakeClient, clean_db: str
) -> None:
    world = SuspensionWorld(make_client(), clean_db)
    before = _fingerprint(clean_db)
    response = world.call("suspended", operation_id, method, path)
    if operation_id in SUSPENDED_MAY:
        assert 200 <= response.status_code < 300, response.text
    else:
        body = problem(response, 403, "PROVIDER_SUSPENDED")
        assert body["current_status"] == "suspended"
        changed = sorted(t for t, digest in _fingerprint(clean_db).items() if before[t] != digest)
        assert not changed, f"a refused request changed {changed}"
    # The same request from an approved provider is let through.
    contrast = world.call("approved", operation_id, method, path)
    assert 200 <= contrast.status_code < 300 or contrast.status_code == 409, contrast.text


def test_pending_providers_may_read_and_edit_their_profile_only(world: World) -> None:
    registered = register_provider(world.client)
    headers = provider_session(world.client, registered)
    assert world.client.get("/api/v1/provider/profile", headers=headers).status_code == 200
    assert world.client.get("/api/v1/provider/services", headers=headers).status_code == 200
    for method, url in (
        ("GET", "/api/v1/provider/deployments"),
        ("GET", "/api/v1/tickets"),
        ("POST", "/api/v1/services"),
    ):
        kwargs: dict[str, Any] = {"headers": headers}
        if method == "POST":
            kwargs["json"] = service_body()
        body = problem(world.client.request(method, url, **kwargs), 403, "PROVIDER_NOT_APPROVED")
        assert body["current_status"] == "pending"


def _public_view(world: World, provider_id: str, service_id: str, name: str) -> dict[str, Any]:
    client = world.client
    listed = client.get("/api/v1/services", params={"provider_id": provider_id}).json()["items"]
    query = {"query": "chat completions", "limit": 100}
    searched = client.get("/api/v1/services", params=query).json()["items"]
    directory = client.get("/api/v1/providers", params={"limit": 100}).json()["items"]
    return {
        "listed": [item["id"] for item in listed],
        "searched": service_id in {item["id"] for item in searched},
        "service": client.get(f"/api/v1/services/{service_id}").status_code,
        "versions": [item["id"] for item in client.get(f"/api/v1/services/{name}/versions")
                     .json()["items"]],
        "directory": provider_id in {item["id"] for item in directory},
        "entry": client.get(f"/api/v1/providers/{provider_id}").status_code,
        "pricing": client.get(f"/api/v1/providers/{provider_id}/pricing").status_code,
    }  # fmt: skip


def test_a_suspended_providers_services_and_entry_leave_public_listings(world: World) -> None:
    provider = world.provider()
    name = f"svc-{uuid.uuid4().hex[:8]}"
    created = world.client.post(
        "/api/v1/services", headers=provider.headers, json=service_body(name=name)
    )
    assert created.status_code == 201, created.text
    service_id = created.json()["id"]
    published = world.client.post(f"/api/v1/services/{service_id}/publish", headers=world.admin)
    assert published.status_code == 200, published.text
    shown = {
        "listed": [service_id],
        "searched": True,
        "service": 200,
        "versions": [service_id],
        "directory": True,
        "entry": 200,
        "pricing": 200,
    }
    assert _public_view(world, provider.id, service_id, name) == shown

    review = f"/api/v1/admin/providers/{provider.id}"
    suspended = world.client.post(
        f"{review}/suspend", headers=world.admin, json={"reason": "Repeated SLA violations"}
    )
    assert suspended.status_code == 200, suspended.text
    hidden = {
        "listed": [],
        "searched": False,
        "service": 404,
        "versions": [],
        "directory": False,
        "entry": 404,
        "pricing": 404,
    }
    assert _public_view(world, provider.id, service_id, name) == hidden
    # A tenant cannot place new work on it either.
    tenant = world.tenant()
    refused = world.client.post(
        "/api/v1/deployments",
        headers=tenant.headers,
        json={
            "name": "web",
            "provider_id": provider.id,
            "resources": {"cpu": 1, "memory": 1, "storage": 1},
        },
    )
    assert refused.status_code == 422, refused.text
    # The provider itself still reads its own service (signed in again: suspension ended its
    # sessions).
    provider.headers = provider_session(world.client, provider.registered)
    own = world.client.get(f"/api/v1/services/{service_id}", headers=provider.headers)
    assert own.status_code == 200, own.text

    reinstated = world.client.post(f"{review}/reinstate", headers=world.admin)
    assert reinstated.status_code == 200, reinstated.text
    assert _public_view(world, provider.id, service_id, name) == shown


def test_a_provider_status_rule_names_known_statuses_only() -> None:
    assert AccessRule.from_spec({"kinds": ["provider"]}).provider_status == {"approved"}
    with pytest.raises(ValueError, match="provider_status"):
        AccessRule.from_spec({"provider_status": ["suspendd"]})
    with pytest.raises(ValueError, match="provider_status"):
        AccessRule.from_spec({"provider_status": []})
