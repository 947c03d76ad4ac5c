"""/api/v1/providers: the public directory of approved providers."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.kit import db
from provider_registry.kit.responses import json_response
from provider_registry.providers import service, views
from provider_registry.providers.errors import ProviderNotFound
from provider_registry_api import models as api


def list_public_providers(
    region: str | None = None,
    supported_format: str | None = None,
    gpu_model: str | None = None,
    min_gpu_count: int | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    page = service.directory_page(
        db.session(),
        limit,
        cursor,
        {
            "region": region,
            "supported_format": supported_format,
            "gpu_model": gpu_model,
            "min_gpu_count": min_gpu_count,
        },
    )
    return json_response(
        api.PublicProviderPage(
            items=[views.public_provider(p) for p in page.items], next_cursor=page.next_cursor
        )
    )


def get_public_provider(provider_id: str) -> Response:
    return json_response(
        views.public_provider(service.approved(db.session(), uuid.UUID(provider_id)))
    )


def get_public_provider_pricing(provider_id: str) -> Response:
    provider = service.approved(db.session(), uuid.UUID(provider_id))
    if provider.pricing is None:
        raise ProviderNotFound("This provider has not published prices.")
    return json_response(api.Pricing.model_validate(provider.pricing))
