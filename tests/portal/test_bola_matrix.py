"""The object-level authorization matrix: every operation whose path names an object (`{...}`),
taken from the served spec, called by every kind of caller, with the answer each must get.

An operation that is not in EXPECTED fails the test, so a new `{id}` operation cannot ship without
its row. Reads share one world; each write gets a world of its own for the callers who must be
refused (and those refusals must change nothing in the database), then one world per caller who
may do it, so no caller's success hides another's answer.

Answers: A = allowed (2xx; or 409 when the object's state forbids the change, which means the
caller was let through to the state check), F = 403, H = 404 (exactly as for a missing object),
U = 401.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.app import HTTP_METHODS
from provider_registry.deployments.models import DeploymentAction
from provider_registry.invoicing.models import Invoice
from provider_registry.tickets.models import Ticket
from tests.conftest import MakeClient
from tests.identity.helpers import create_key
from tests.portal.world import Tenant, World, db_session

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.yaml"

pytestmark = pytest.mark.integration

ACTORS = (
    "other_tenant",
    "removed_member",
    "other_provider",
    "anonymous",
    "provider",
    "org_viewer",
    "org_member",
    "owner",
    "org_admin",
    "platform_admin",
)
A, F, H, U = "A", "F", "H", "U"


def row(**answers: str) -> dict[str, str]:
    assert set(answers) == set(ACTORS), set(ACTORS) ^ set(answers)
    return answers


# Deployments: the organization's admins and members (``owner`` is one) read and write; viewers
# and platform admins read; provider principals are refused by kind; everyone else: 404, also
# the member who created the deployment inside the organization and was then removed.
TENANT_READ = row(
    owner=A, org_admin=A, org_member=A, org_viewer=A, platform_admin=A,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
TENANT_WRITE = row(
    owner=A, org_admin=A, org_member=A, org_viewer=F, platform_admin=F,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
# The provider API: the provider the deployment runs on; another provider gets 404.
PROVIDER_SIDE = row(
    provider=A, other_provider=H,
    owner=F, org_admin=F, org_member=F, org_viewer=F, platform_admin=F, other_tenant=F,
    removed_member=F,
    anonymous=U,
)  # fmt: skip
TICKET_READ = row(
    owner=A, org_admin=A, org_member=A, org_viewer=A, platform_admin=A, provider=A,
    other_provider=H, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
TICKET_COMMENT = row(
    owner=A, org_admin=A, org_member=A, org_viewer=F, platform_admin=A, provider=A,
    other_provider=H, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
# PATCH {status}: only the deployment's provider or a platform admin.
TICKET_STATUS = row(
    provider=A, platform_admin=A, owner=F, org_admin=F, org_member=F, org_viewer=F,
    other_provider=H, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
ORG_READ = row(
    owner=A, org_admin=A, org_member=A, org_viewer=A, platform_admin=A,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
ORG_ADD_MEMBER = row(
    org_admin=A, owner=F, org_member=F, org_viewer=F, platform_admin=F,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
# An invitation addressed to other_tenant: only they may answer it; for everyone else it does not
# exist (accounts: 404; provider principals are refused by kind).
INVITEE = row(
    other_tenant=A, owner=H, org_admin=H, org_member=H, org_viewer=H, platform_admin=H,
    removed_member=H, provider=F, other_provider=F, anonymous=U,
)  # fmt: skip
# DELETE the viewer's membership: org admins, or the viewer leaving.
ORG_REMOVE_MEMBER = row(
    org_admin=A, org_viewer=A, owner=F, org_member=F, platform_admin=F,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
# An invoice billed to the organization: its admins and platform admins.
INVOICE_READ = row(
    org_admin=A, platform_admin=A, owner=H, org_member=H, org_viewer=H,
    provider=F, other_provider=F, other_tenant=H, removed_member=H, anonymous=U,
)  # fmt: skip
ADMIN_ONLY = row(
    platform_admin=A, owner=F, org_admin=F, org_member=F, org_viewer=F,
    provider=F, other_provider=F, other_tenant=F, removed_member=F, anonymous=U,
)  # fmt: skip
# The owner's own credentials (API keys, HMAC keys): another account's are "not found".
OWN_ACCOUNT_KEY = row(
    owner=A, org_admin=H, org_member=H, org_viewer=H, platform_admin=H, other_tenant=H,
    removed_member=H, provider=F, other_provider=F, anonymous=U,
)  # fmt: skip
OWN_PROVIDER_KEY = row(
    provider=A, other_provider=H,
    owner=F, org_admin=F, org_member=F, org_viewer=F, platform_admin=F, other_tenant=F,
    removed_member=F,
    anonymous=U,
)  # fmt: skip
PUBLIC = row(
    owner=A, org_admin=A, org_member=A, org_viewer=A, platform_admin=A, provider=A,
    other_provider=A, other_tenant=A, removed_member=A, anonymous=A,
)  # fmt: skip
# Catalog writes: the publishing provider or a platform admin; another provider sees the active
# service but may not change it; tenant accounts lack the catalog scopes.
SERVICE_WRITE = row(
    provider=A, platform_admin=A, other_provider=F,
    owner=F, org_admin=F, org_member=F, org_viewer=F, other_tenant=F, removed_member=F, anonymous=U,
)  # fmt: skip
# Deprecation is the publishing provider's alone (an operation for provider principals).
SERVICE_DEPRECATE = row(
    provider=A, other_provider=F,
    owner=F, org_admin=F, org_member=F, org_viewer=F, platform_admin=F, other_tenant=F,
    removed_member=F,
    anonymous=U,
)  # fmt: skip

EXPECTED: dict[str, dict[str, str]] = {
    # deployments (tenant)
    "get_deployment": TENANT_READ,
    "get_deployment_status": TENANT_READ,
    "get_deployment_logs": TENANT_READ,
    "get_deployment_metrics": TENANT_READ,
    "create_deployment_action": TENANT_WRITE,
    "close_deployment": TENANT_WRITE,
    "create_shell_session": TENANT_WRITE,
    # deployments (provider)
    "accept_deployment": PROVIDER_SIDE,
    "report_deployment_status": PROVIDER_SIDE,
    "ingest_deployment_logs": PROVIDER_SIDE,
    "report_deployment_metrics": PROVIDER_SIDE,
    "list_provider_deployment_actions": PROVIDER_SIDE,
    "ack_deployment_action": PROVIDER_SIDE,
    # organizations
    "get_organization": ORG_READ,
    "list_organization_members": ORG_READ,
    "invite_organization_member": ORG_ADD_MEMBER,
    "list_organization_invitations": ORG_ADD_MEMBER,
    "accept_invitation": INVITEE,
    "decline_invitation": INVITEE,
    "remove_organization_member": ORG_REMOVE_MEMBER,
    # tickets
    "get_ticket": TICKET_READ,
    "list_ticket_comments": TICKET_READ,
    "create_ticket_comment": TICKET_COMMENT,
    "update_ticket": TICKET_STATUS,
    # billing
    "get_invoice": INVOICE_READ,
    "pay_invoice": ADMIN_ONLY,
    # identity
    "revoke_api_key": OWN_ACCOUNT_KEY,
    "revoke_hmac_key": OWN_ACCOUNT_KEY,
    "revoke_provider_api_key": OWN_PROVIDER_KEY,
    # admin review
    "get_provider": ADMIN_ONLY,
    "approve_provider": ADMIN_ONLY,
    "reject_provider": ADMIN_ONLY,
    "suspend_provider": ADMIN_ONLY,
    "reinstate_provider": ADMIN_ONLY,
    # public directory and catalog
    "get_public_provider": PUBLIC,
    "get_public_provider_pricing": PUBLIC,
    "get_service": PUBLIC,
    "list_service_versions": PUBLIC,
    "update_service": SERVICE_WRITE,
    "delete_service": SERVICE_WRITE,
    "publish_service": SERVICE_WRITE,
    "retire_service": SERVICE_WRITE,
    "deprecate_service": SERVICE_DEPRECATE,
    "suspend_service": ADMIN_ONLY,
}


class MatrixWorld(World):
    """One organization with a member of each role, a deployment in it (created by a member who
    was then removed) running on ``provider``, a pending action, a ticket, an invoice billed to
    the organization, an active catalog service of ``provider``, and credentials of each kind."""

    def __init__(self, client: TestClient, database_url: str) -> None:
        super().__init__(client, database_url)
        self.owner = self.tenant()
        self.org_admin_t = self.tenant()
        self.org_member_t = self.tenant()
        self.org_viewer_t = self.tenant()
        self.other_tenant_t = self.tenant()
        self.provider_a = self.provider()
        self.provider_b = self.provider()
        self.organization_id = self.insert_organization(
            self.org_admin_t,
            {"member": self.org_member_t, "viewer": self.org_viewer_t},
        )
        self.add_member(self.organization_id, self.owner, "member")
        # The organization's deployments were created by a member who has since been removed.
        self.removed_member_t = self.tenant()
        self.add_member(self.organization_id, self.removed_member_t, "member")
        self.deployment_id = self.insert_deployment(
            self.removed_member_t,
            self.provider_a,
            state="active",
            organization_id=self.organization_id,
        )
        self.pending_deployment_id = self.insert_deployment(
            self.removed_member_t,
            self.provider_a,
            state="pending",
            organization_id=self.organization_id,
        )
        self.remove_member(self.organization_id, self.removed_member_t)
        self.spare = self.tenant()
        self.invitation_id = self._invitation()
        self.action_id, self.ticket_id, self.invoice_id = self._insert_records()
        self.service_id, self.service_name = self._published_service()
        self.api_key_id = create_key(client, self.owner.headers, ["account:read"])["api_key"]["id"]
        self.hmac_key_id = self._hmac_key()
        self.provider_key_id = self._provider_key()
        self.headers: dict[str, dict[str, str]] = {
            "owner": self.owner.headers,
            "org_admin": self.org_admin_t.headers,
            "org_member": self.org_member_t.headers,
            "org_viewer": self.org_viewer_t.headers,
            "other_tenant": self.other_tenant_t.headers,
            "removed_member": self.removed_member_t.headers,
            "provider": self.provider_a.headers,
            "other_provider": self.provider_b.headers,
            "platform_admin": self.admin,
            "anonymous": {},
        }

    def remove_member(self, organization_id: str, tenant: Tenant) -> None:
        from provider_registry.tenancy.models import OrganizationMember

        with db_session(self.database_url) as session:
            member = session.get(
                OrganizationMember, (uuid.UUID(organization_id), uuid.UUID(tenant.id))
            )
            session.delete(member)

    def _insert_records(self) -> tuple[str, str, str]:
        deployment = uuid.UUID(self.deployment_id)
        action = DeploymentAction(
            deployment_id=deployment, action="restart", requested_by=uuid.UUID(self.owner.id)
        )
        ticket = Ticket(
            deployment_id=deployment,
            provider_id=uuid.UUID(self.provider_a.id),
            opened_by=uuid.UUID(self.owner.id),
            subject="Slow disk",
            description="IO wait is high",
            category="technical",
            priority="medium",
        )
        invoice = Invoice(
            number=f"INV-TEST-{uuid.uuid4().hex[:8].upper()}",
            billed_to=f"organization:{self.organization_id}",
            organization_id=uuid.UUID(self.organization_id),
            period="2026-01",
            currency="USD",
            total=Decimal("12.50"),
            due_date=date.today() + timedelta(days=10),
        )
        with db_session(self.database_url) as session:
            session.add_all([action, ticket, invoice])
        return str(action.id), str(ticket.id), str(invoice.id)

    def _published_service(self) -> tuple[str, str]:
        from tests.catalog.test_catalog import service_body

        name = f"svc-{uuid.uuid4().hex[:8]}"
        created = self.client.post(
            "/api/v1/services", headers=self.provider_a.headers, json=service_body(name=name)
        )
        assert created.status_code == 201, created.text
        service_id = created.json()["id"]
        published = self.client.post(f"/api/v1/services/{service_id}/publish", headers=self.admin)
        assert published.status_code == 200, published.text
        return service_id, name

    def _invitation(self) -> str:
        response = self.client.post(
            f"/api/v1/organizations/{self.organization_id}/members",
            headers=self.org_admin_t.headers,
            json={"email": self.other_tenant_t.email, "role": "viewer"},
        )
        assert response.status_code == 202, response.text
        invitation_id: str = response.json()["id"]
        return invitation_id

    def _hmac_key(self) -> str:
        response = self.client.post(
            "/api/v1/auth/hmac-keys", headers=self.owner.headers, json={"name": "legacy"}
        )
        assert response.status_code == 201, response.text
        key_id: str = response.json()["hmac_key"]["id"]
        return key_id

    def _provider_key(self) -> str:
        response = self.client.post(
            "/api/v1/provider/api-keys",
            headers=self.provider_a.headers,
            json={"name": "extra", "scopes": ["services:read"]},
        )
        assert response.status_code == 201, response.text
        key_id: str = response.json()["api_key"]["id"]
        return key_id

    def path_values(self, operation_id: str) -> dict[str, str]:
        key_id = {
            "revoke_api_key": self.api_key_id,
            "revoke_hmac_key": self.hmac_key_id,
            "revoke_provider_api_key": self.provider_key_id,
        }.get(operation_id, "")
        pending = operation_id == "accept_deployment"
        return {
            "deployment_id": self.pending_deployment_id if pending else self.deployment_id,
            "action_id": self.action_id,
            "ticket_id": self.ticket_id,
            "organization_id": self.organization_id,
            "member_id": self.org_viewer_t.id,
            "invoice_id": self.invoice_id,
            "provider_id": self.provider_a.id,
            "service_id": self.service_id,
            "name": self.service_name,
            "key_id": key_id,
            "invitation_id": self.invitation_id,
        }

    def body(self, operation_id: str) -> Any:
        bodies: dict[str, Callable[[], Any]] = {
            "create_deployment_action": lambda: {"action": "restart"},
            "create_shell_session": lambda: {},
            "accept_deployment": lambda: {},
            "report_deployment_status": lambda: {
                "replicas": {"ready": 1, "total": 1},
                "services": [{"name": "web", "state": "running", "replicas": 1}],
            },
            "ingest_deployment_logs": lambda: {"lines": [{"line": "started"}]},
            "report_deployment_metrics": lambda: {"cpu": 0.5, "memory": 1.0, "storage": 2.0},
            "ack_deployment_action": lambda: {"result": "succeeded"},
            "invite_organization_member": lambda: {"account_id": self.spare.id, "role": "viewer"},
            "create_ticket_comment": lambda: {"body": "Any news?"},
            "update_ticket": lambda: {"status": "in_progress"},
            "reject_provider": lambda: {"rejection_reason": "Incomplete documentation"},
            "suspend_provider": lambda: {"reason": "Repeated SLA violations observed"},
            "update_service": lambda: {"description": "Updated description of the service"},
            "suspend_service": lambda: {"reason": "Under investigation"},
        }
        return bodies.get(operation_id, lambda: None)()


def _fingerprint(database_url: str) -> dict[str, str]:
    """Everything a refused write could have touched, hashed per table."""
    tables = [
        "accounts", "organizations", "organization_members", "deployments",
        "deployment_actions", "deployment_logs", "deployment_metrics", "tickets",
        "ticket_comments", "invoices", "services", "providers", "hmac_keys",
        "organization_invitations",
    ]  # fmt: skip
    digests: dict[str, str] = {}
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.connect() as connection:
        for table in tables:
            statement = text(f"SELECT t::text FROM {table} t ORDER BY 1")  # noqa: S608 (fixed names)
            rows = connection.execute(statement).all()
            digests[table] = _digest([r[0] for r in rows])
        keys = connection.execute(
            text("SELECT id::text, revoked_at::text FROM api_keys ORDER BY 1")
        ).all()
        digests["api_keys"] = _digest([list(r) for r in keys])
    engine.dispose()
    return digests


def _digest(rows: list[Any]) -> str:
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def _operations() -> list[tuple[str, str, str]]:
    spec = yaml.safe_load(BUNDLE.read_text())
    found = []
    for path, item in spec["paths"].items():
        if "{" not in path:
            continue
        for method, operation in item.items():
            # A deprecated alias (`…_legacy`) is its target's handler with its target's x-access
            # (tests/contract/test_naming.py): the target's row covers it.
            if method in HTTP_METHODS and not operation["operationId"].endswith("_legacy"):
                found.append((operation["operationId"], method.upper(), path))
    return sorted(found)


OPERATIONS = _operations()


def test_every_object_operation_has_a_row() -> None:
    missing = sorted({op for op, _, _ in OPERATIONS} - set(EXPECTED))
    assert not missing, f"add these operations to the BOLA matrix: {missing}"
    stale = sorted(set(EXPECTED) - {op for op, _, _ in OPERATIONS})
    assert not stale, f"these rows name operations the spec no longer has: {stale}"


def _answer(status: int) -> str:
    if 200 <= status < 300 or status == 409:
        return A
    return {403: F, 404: H, 401: U}.get(status, f"HTTP {status}")


def _call(world: MatrixWorld, operation_id: str, method: str, path: str, actor: str) -> Any:
    url = path.format(**world.path_values(operation_id))
    body = world.body(operation_id)
    kwargs: dict[str, Any] = {"headers": world.headers[actor]}
    if body is not None:
        kwargs["json"] = body
    return world.client.request(method, url, **kwargs)


@pytest.mark.parametrize(
    ("operation_id", "method", "path"),
    [op for op in OPERATIONS if op[1] == "GET"],
    ids=[op[0] for op in OPERATIONS if op[1] == "GET"],
)
def test_reads(operation_id: str, method: str, path: str, read_world: MatrixWorld) -> None:
    expected = EXPECTED[operation_id]
    got = {}
    for actor in ACTORS:
        response = _call(read_world, operation_id, method, path, actor)
        got[actor] = _answer(response.status_code)
    assert got == expected


@pytest.mark.parametrize(
    ("operation_id", "method", "path"),
    [op for op in OPERATIONS if op[1] != "GET"],
    ids=[op[0] for op in OPERATIONS if op[1] != "GET"],
)
def test_writes(
    operation_id: str,
    method: str,
    path: str,
    make_client: MakeClient,
    clean_db: str,
) -> None:
    expected = EXPECTED[operation_id]
    client = make_client()
    refused = [actor for actor in ACTORS if expected[actor] != A]
    allowed = [actor for actor in ACTORS if expected[actor] == A]
    got: dict[str, str] = {}

    world = MatrixWorld(client, clean_db)
    before = _fingerprint(clean_db)
    for actor in refused:
        got[actor] = _answer(_call(world, operation_id, method, path, actor).status_code)
    after = _fingerprint(clean_db)
    changed = sorted(table for table in before if before[table] != after[table])
    assert not changed, f"refused requests changed {changed}"

    for actor in allowed:
        fresh = MatrixWorld(client, clean_db)
        response = _call(fresh, operation_id, method, path, actor)
        got[actor] = _answer(response.status_code)
        assert got[actor] == A or expected[actor] != A, (actor, response.text)
    assert got == expected


@pytest.fixture
def read_world(make_client: MakeClient, database_url: str) -> MatrixWorld:
    return MatrixWorld(make_client(), database_url)
