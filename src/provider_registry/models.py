"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from provider_registry.accounts.models import Account
from provider_registry.audit.models import AuditEvent
from provider_registry.catalog.models import Service, ServiceTag
from provider_registry.deployments.models import (
    Deployment,
    DeploymentAction,
    DeploymentLog,
    DeploymentMetrics,
)
from provider_registry.identity.models import ApiKey, HmacKey, RefreshToken, RequestNonce
from provider_registry.invoicing.models import Invoice, InvoiceLine
from provider_registry.providers.models import BillingAccount, Provider, ProviderFormat
from provider_registry.tenancy.models import Organization, OrganizationMember
from provider_registry.tickets.models import Ticket, TicketComment

__all__ = [
    "Account",
    "ApiKey",
    "AuditEvent",
    "BillingAccount",
    "Deployment",
    "DeploymentAction",
    "DeploymentLog",
    "DeploymentMetrics",
    "HmacKey",
    "Invoice",
    "InvoiceLine",
    "Organization",
    "OrganizationMember",
    "Provider",
    "ProviderFormat",
    "RefreshToken",
    "RequestNonce",
    "Service",
    "ServiceTag",
    "Ticket",
    "TicketComment",
]
