"""The generated Python client (generated/clients/python, openapi-python-client) drives the real
server through the whole story; every module of it imports; anonymous and authenticated clients
are where the spec says. `make lint` type-checks this file with the client under mypy --strict.

Operation and schema names (module, function and class names) are today's; they follow the spec."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import provider_registry_client
import provider_registry_client.api
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from provider_registry_client import AuthenticatedClient, Client
from provider_registry_client.api.admin_review import approve_provider
from provider_registry_client.api.auth import register_account, sign_in_account
from provider_registry_client.api.billing import get_invoice, list_invoices, pay_invoice
from provider_registry_client.api.catalog import create_service, get_service, publish_service
from provider_registry_client.api.deployments import create_deployment, get_deployment_logs
from provider_registry_client.api.organizations import create_organization
from provider_registry_client.api.provider_deployments import (
    accept_deployment,
    ingest_deployment_logs,
)
from provider_registry_client.api.provider_registration import (
    register_provider,
    replace_provider_pricing,
    sign_in_provider,
)
from provider_registry_client.api.tickets import create_ticket
from provider_registry_client.models import (
    AccountCreate,
    AccountSignIn,
    Category,
    Deployment,
    DeploymentAccept,
    DeploymentCreate,
    DeploymentLogsAccepted,
    DeploymentLogsCreate,
    Endpoint,
    EndpointProtocol,
    Invoice,
    InvoicePage,
    InvoiceStatus,
    LogEntry,
    LogLines,
    Organization,
    OrganizationCreate,
    Pricing,
    Problem,
    Provider,
    ProviderCreate,
    ProviderCreated,
    ProviderMetadata,
    ProviderSignIn,
    Rate,
    ResourcePrice,
    ResourcePriceInterval,
    ResourcePriceResource,
    ResourcesCreate,
    Scope,
    Service,
    ServiceCreate,
    ServiceEndpoint,
    ServiceEndpointProtocol,
    ServicePricing,
    ServicePricingModel,
    ServiceStatus,
    Ticket,
    TicketCategory,
    TicketCreate,
    TokenPair,
)
from provider_registry_client.types import Response

from tests.clients.billing import bill_last_month
from tests.clients.conftest import StoryServer

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def ok(response: Response[T | Problem], status: int, model: type[T]) -> T:
    """The parsed body of a ``status`` answer, typed as ``model`` (a Problem fails the test)."""
    assert response.status_code == status, response.content.decode()
    parsed = response.parsed
    assert isinstance(parsed, model), parsed
    return parsed


def sign_in(clients: ExitStack, base_url: str, email: str, password: str) -> AuthenticatedClient:
    anonymous = clients.enter_context(Client(base_url=base_url))
    tokens = ok(
        sign_in_account.sync_detailed(
            client=anonymous, body=AccountSignIn(email=email, password=password)
        ),
        200,
        TokenPair,
    )
    return clients.enter_context(AuthenticatedClient(base_url=base_url, token=tokens.access_token))


def public_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def test_the_story_through_the_python_client(story_server: StoryServer) -> None:
    with ExitStack() as clients:
        story(clients, story_server)


def story(clients: ExitStack, story_server: StoryServer) -> None:
    base = story_server.base_url
    anonymous = clients.enter_context(Client(base_url=base))
    unique = uuid.uuid4().hex[:8]

    # An account registers and signs in.
    email, password = f"tenant-{unique}@example.com", "a long tenant password"
    body = AccountCreate(email=email, password=password, first_name="Ada", last_name="Tenant")
    assert register_account.sync_detailed(client=anonymous, body=body).status_code == 201
    tenant = sign_in(clients, base, email, password)

    # A provider registers (anonymously) and signs in with its first API key.
    registration = ProviderCreate(
        name=f"ACME Compute {unique}",
        email=f"ops-{unique}@acme.example",
        public_key=public_key_pem(),
        endpoints=[
            Endpoint(
                type_="api",
                url="https://api.acme.example:8443",
                protocol=EndpointProtocol.HTTPS,
                secure=True,
            )
        ],
        metadata=ProviderMetadata(region="us-west-2", capabilities=["inference"]),
        terms=True,
    )
    registered = ok(
        register_provider.sync_detailed(client=anonymous, body=registration),
        201,
        ProviderCreated,
    )
    provider_id = registered.provider.id
    tokens = ok(
        sign_in_provider.sync_detailed(
            client=anonymous,
            body=ProviderSignIn(provider_id=provider_id, api_key=registered.api_key),
        ),
        200,
        TokenPair,
    )
    provider = clients.enter_context(AuthenticatedClient(base_url=base, token=tokens.access_token))

    # An admin approves it.
    admin = sign_in(clients, base, story_server.admin_email, story_server.admin_password)
    approved = ok(approve_provider.sync_detailed(provider_id, client=admin), 200, Provider)
    assert approved.status == "approved"

    # The provider publishes a service and sets its prices.
    service = ok(
        create_service.sync_detailed(
            client=provider,
            body=ServiceCreate(
                name=f"acme-chat-{unique}",
                version="1.0.0",
                description="Fast chat completions for customer support bots",
                category=Category.TEXT_GENERATION,
                endpoint=ServiceEndpoint(
                    url="https://api.acme.example/v1/chat", protocol=ServiceEndpointProtocol.REST
                ),
                pricing=ServicePricing(
                    model=ServicePricingModel.PER_TOKEN,
                    rates=[Rate(unit="1k tokens", rate="0.03")],
                ),
            ),
        ),
        201,
        Service,
    )
    published = ok(publish_service.sync_detailed(service.id, client=provider), 200, Service)
    assert published.status == ServiceStatus.ACTIVE
    seen = ok(get_service.sync_detailed(service.id, client=anonymous), 200, Service)
    assert seen.name == service.name
    prices = Pricing(
        currency="USD",
        prices=[
            ResourcePrice(
                resource=ResourcePriceResource(resource),
                unit=unit,
                price=price,
                interval=ResourcePriceInterval.HOURLY,
            )
            for resource, unit, price in (
                ("cpu", "vcpu", "0.04"),
                ("memory", "GiB", "0.005"),
                ("storage", "GiB", "0.0001"),
            )
        ],
    )
    ok(replace_provider_pricing.sync_detailed(client=provider, body=prices), 200, Provider)

    # The tenant creates an organization and a deployment in it.
    organization = ok(
        create_organization.sync_detailed(
            client=tenant, body=OrganizationCreate(name=f"Tenant Org {unique}")
        ),
        201,
        Organization,
    )
    deployment = ok(
        create_deployment.sync_detailed(
            client=tenant,
            body=DeploymentCreate(
                provider_id=provider_id,
                service_id=service.id,
                organization_id=organization.id,
                name="web",
                resources=ResourcesCreate(cpu=2, memory=4, storage=20),
            ),
        ),
        201,
        Deployment,
    )

    # The provider accepts it and pushes logs; the tenant reads them and opens a ticket.
    accepted = ok(
        accept_deployment.sync_detailed(
            deployment.id, client=provider, body=DeploymentAccept(lease_id=f"lease-{unique}")
        ),
        200,
        Deployment,
    )
    assert accepted.state == "active"
    lines = ["booting", "listening on :8080"]
    pushed = ok(
        ingest_deployment_logs.sync_detailed(
            deployment.id,
            client=provider,
            body=DeploymentLogsCreate(lines=[LogEntry(line=x) for x in lines]),
        ),
        202,
        DeploymentLogsAccepted,
    )
    assert pushed.accepted == len(lines)
    logs = ok(get_deployment_logs.sync_detailed(deployment.id, client=tenant), 200, LogLines)
    assert logs.lines == lines
    ticket = ok(
        create_ticket.sync_detailed(
            client=tenant,
            body=TicketCreate(
                deployment_id=deployment.id,
                subject="Port 8080 unreachable",
                description="The service logs say it listens, but requests time out.",
                category=TicketCategory.TECHNICAL,
            ),
        ),
        201,
        Ticket,
    )
    assert ticket.status == "open"

    # An invoice is generated (last month, by the real command) and paid by the admin.
    period = bill_last_month(str(deployment.id), story_server.env)
    page = ok(list_invoices.sync_detailed(client=tenant), 200, InvoicePage)
    assert [item.period for item in page.items] == [period]
    invoice_id = page.items[0].id
    paid = ok(pay_invoice.sync_detailed(invoice_id, client=admin), 200, Invoice)
    assert paid.status == InvoiceStatus.PAID
    invoice = ok(get_invoice.sync_detailed(invoice_id, client=tenant), 200, Invoice)
    assert invoice.status == InvoiceStatus.PAID
    assert invoice.paid_at is not None

    # A second payment is a typed problem with its extra field.
    again = pay_invoice.sync_detailed(invoice_id, client=admin)
    problem = again.parsed
    assert isinstance(problem, Problem)
    assert (again.status_code, problem.code) == (409, "INVOICE_ALREADY_PAID")
    assert problem.paid_at == invoice.paid_at


def test_every_generated_module_imports() -> None:
    names = [
        module.name
        for module in pkgutil.walk_packages(
            provider_registry_client.__path__, "provider_registry_client."
        )
    ]
    for name in names:
        importlib.import_module(name)
    assert len(names) > 100
    assert Scope.ACCOUNT_READ.value == "account:read"
    assert EndpointProtocol.GRPC_TLS.value == "grpc+tls"


def _operations() -> dict[str, dict[str, Any]]:
    spec = json.loads((ROOT / "generated" / "openapi.json").read_text())
    return {
        operation["operationId"]: operation
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }


def test_public_operations_take_an_anonymous_client_and_protected_ones_do_not() -> None:
    operations = _operations()
    seen = 0
    for module in pkgutil.walk_packages(
        provider_registry_client.api.__path__, "provider_registry_client.api."
    ):
        if module.ispkg:
            continue
        function = importlib.import_module(module.name).sync_detailed
        operation = operations[module.name.rsplit(".", 1)[1]]
        anonymous_allowed = operation["security"] == [] or {} in operation["security"]
        annotation = str(inspect.signature(function).parameters["client"].annotation)
        assert ("Client" in annotation.replace("AuthenticatedClient", "")) == anonymous_allowed, (
            module.name,
            annotation,
        )
        seen += 1
    assert seen == len(operations)
