"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from provider_registry.accounts.models import Account
from provider_registry.audit.models import AuditEvent
from provider_registry.catalog.models import Service, ServiceTag
from provider_registry.identity.models import ApiKey, RefreshToken
from provider_registry.providers.models import BillingAccount, Provider, ProviderFormat

__all__ = [
    "Account",
    "ApiKey",
    "AuditEvent",
    "BillingAccount",
    "Provider",
    "ProviderFormat",
    "RefreshToken",
    "Service",
    "ServiceTag",
]
