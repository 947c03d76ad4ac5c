"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from provider_registry.accounts.models import Account

__all__ = ["Account"]
