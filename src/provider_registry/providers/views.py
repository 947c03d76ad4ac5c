"""Provider rows -> the generated API models."""

from __future__ import annotations

from typing import Any

from provider_registry.providers.models import Provider
from provider_registry_api import models as api


def provider(row: Provider) -> api.Provider:
    data: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "email": row.email,
        "organization": row.organization,
        "public_key": row.public_key,
        "endpoints": row.endpoints,
        "metadata": row.provider_metadata,
        "status": row.status,
        "rejection_reason": row.rejection_reason,
        "suspension_reason": row.suspension_reason,
        "billing_account_id": row.billing_account_id,
        "owner_account_id": row.owner_account_id,
        "version": row.version,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "reviewed_at": row.reviewed_at,
    }
    if row.pricing is not None:
        data["pricing"] = row.pricing
    if row.capacity is not None:
        data["capacity"] = row.capacity
    return api.Provider.model_validate(data)


def public_provider(row: Provider) -> api.PublicProvider:
    metadata = row.provider_metadata
    data: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "organization": row.organization,
        "region": row.region,
        "supported_formats": metadata.get("supported_formats", []),
        "capabilities": metadata.get("capabilities", []),
        "endpoints": row.endpoints,
        "version": metadata.get("software_version"),
    }
    if row.capacity is not None:
        data["capacity"] = row.capacity
    return api.PublicProvider.model_validate(data)
