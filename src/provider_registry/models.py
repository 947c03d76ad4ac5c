"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from provider_registry.accounts.models import Account
from provider_registry.identity.models import ApiKey, RefreshToken

__all__ = ["Account", "ApiKey", "RefreshToken"]
