from __future__ import annotations

import uuid
from typing import Any

from provider_registry.catalog.models import Service
from provider_registry_api import models as api


def service(row: Service, provider_name: str) -> api.Service:
    data: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "version": row.version,
        "description": row.description,
        "category": row.category,
        "tags": row.tags,
        "capabilities": row.capabilities,
        "endpoint": row.endpoint,
        "pricing": row.pricing,
        "provider": {"id": row.provider_id, "name": provider_name},
        "status": row.status,
        "suspension_reason": row.suspension_reason,
        "version_tag": row.revision,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "published_at": row.published_at,
    }
    if row.sla is not None:
        data["sla"] = row.sla
    if row.compliance is not None:
        data["compliance"] = row.compliance
    return api.Service.model_validate(data)


def services(rows: list[Service], names: dict[uuid.UUID, str]) -> list[api.Service]:
    return [service(row, names.get(row.provider_id, "")) for row in rows]
