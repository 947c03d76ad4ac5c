"""The cast of portal tests: an admin, tenants, approved providers with prices, and direct
database factories for rows another part of the API would normally produce (so each part's tests
can set up exactly the state they need, e.g. a deployment active since a given time)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import create_engine
from sqlmodel import Session
from starlette.testclient import TestClient

from provider_registry.deployments.models import Deployment
from provider_registry.kit.timeutil import utcnow
from provider_registry.providers.models import Provider
from provider_registry.tenancy.models import Organization, OrganizationMember
from tests.identity.helpers import signed_in
from tests.providers.factories import admin_session, provider_session, register_provider

PRICES = {
    "currency": "USD",
    "prices": [
        {"resource": "cpu", "unit": "vcpu", "price": "0.04", "interval": "hourly"},
        {"resource": "memory", "unit": "GiB", "price": "0.005", "interval": "hourly"},
        {"resource": "storage", "unit": "GiB", "price": "0.0001", "interval": "hourly"},
        {"resource": "gpu", "unit": "gpu", "price": "1.20", "interval": "hourly"},
    ],
}


@dataclass
class Tenant:
    id: str
    email: str
    headers: dict[str, str]


@dataclass
class ProviderActor:
    id: str
    headers: dict[str, str]
    registered: dict[str, Any] = field(repr=False)


@contextmanager
def db_session(database_url: str) -> Iterator[Session]:
    """A committed-on-exit session on the test database, for factories."""
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
            session.commit()
    finally:
        engine.dispose()


class World:
    def __init__(self, client: TestClient, database_url: str) -> None:
        self.client = client
        self.database_url = database_url
        self.admin = admin_session(client, database_url)
        # Every tenant made here, by id and by (lower-cased) email: who answers an invitation.
        self.tenants: dict[str, Tenant] = {}

    def tenant(self, role: str = "consumer") -> Tenant:
        account, headers = signed_in(self.client, role=role)
        tenant = Tenant(id=account["id"], email=account["email"], headers=headers)
        self.tenants[tenant.id] = self.tenants[tenant.email.lower()] = tenant
        return tenant

    def provider(
        self, *, approve: bool = True, prices: dict[str, Any] | None = None
    ) -> ProviderActor:
        registered = register_provider(self.client)
        provider_id = registered["provider"]["id"]
        if approve:
            response = self.client.post(
                f"/api/v1/admin/providers/{provider_id}/approve", headers=self.admin
            )
            assert response.status_code == 200, response.text
        headers = provider_session(self.client, registered)
        if approve:
            response = self.client.put(
                "/api/v1/provider/pricing", headers=headers, json=prices or PRICES
            )
            assert response.status_code == 200, response.text
        return ProviderActor(id=provider_id, headers=headers, registered=registered)

    # Direct factories -------------------------------------------------------------------------

    def insert_deployment(
        self,
        owner: Tenant,
        provider: ProviderActor,
        *,
        state: str = "active",
        organization_id: str | None = None,
        accepted_at: datetime | None = None,
        closed_at: datetime | None = None,
        created_at: datetime | None = None,
        cpu: str = "2",
        memory: str = "4",
        storage: str = "20",
        gpu: int = 0,
        name: str = "web",
    ) -> str:
        now = utcnow()
        row = Deployment(
            owner_account_id=uuid.UUID(owner.id),
            organization_id=uuid.UUID(organization_id) if organization_id else None,
            provider_id=uuid.UUID(provider.id),
            name=name,
            cpu=Decimal(cpu),
            memory=Decimal(memory),
            storage=Decimal(storage),
            gpu=gpu,
            state=state,
            lease_id=f"lease-{uuid.uuid4().hex[:12]}" if state != "pending" else None,
            replicas_ready=1 if state == "active" else 0,
            replicas_total=1 if state != "pending" else 0,
            accepted_at=(accepted_at or now) if state != "pending" else None,
            closed_at=(closed_at or now) if state == "closed" else None,
            created_at=created_at or now,
        )
        with db_session(self.database_url) as session:
            if state != "pending":  # the prices agreed on acceptance, as the accept endpoint does
                agreed = session.get(Provider, uuid.UUID(provider.id))
                row.pricing = agreed.pricing if agreed is not None else None
            session.add(row)
        return str(row.id)

    def insert_organization(
        self, admin: Tenant, members: dict[str, Tenant] | None = None, name: str = "Acme"
    ) -> str:
        """An organization with ``admin`` as its admin and ``members`` ({role: tenant})."""
        organization = Organization(name=name, created_by=uuid.UUID(admin.id))
        with db_session(self.database_url) as session:
            session.add(organization)
            session.flush()
            session.add(
                OrganizationMember(
                    organization_id=organization.id, account_id=uuid.UUID(admin.id), role="admin"
                )
            )
            for role, tenant in (members or {}).items():
                session.add(
                    OrganizationMember(
                        organization_id=organization.id,
                        account_id=uuid.UUID(tenant.id),
                        role=role,
                    )
                )
        return str(organization.id)

    def add_member(self, organization_id: str, tenant: Tenant, role: str) -> None:
        with db_session(self.database_url) as session:
            session.add(
                OrganizationMember(
                    organization_id=uuid.UUID(organization_id),
                    account_id=uuid.UUID(tenant.id),
                    role=role,
                )
            )
