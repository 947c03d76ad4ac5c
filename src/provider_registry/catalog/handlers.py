"""/api/v1/services and /api/v1/provider/services (old path: /api/v1/me/services)."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.catalog import service, views
from provider_registry.catalog.models import Service
from provider_registry.catalog.repository import Filters, Sort
from provider_registry.identity.security import current_principal, optional_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.preconditions import if_match_header
from provider_registry.kit.responses import empty_response, json_response
from provider_registry.kit.state import app_state
from provider_registry_api import models as api


def _one(row: Service, status: int = 200) -> Response:
    names = service.provider_names(db.session(), [row])
    return json_response(
        views.service(row, names.get(row.provider_id, "")),
        status,
        headers={"ETag": service.etag(row)},
    )


def _page(rows: list[Service], next_cursor: str | None) -> Response:
    names = service.provider_names(db.session(), rows)
    return json_response(
        api.ServicePage(items=views.services(rows, names), next_cursor=next_cursor)
    )


def create_service() -> Response:
    body = request_body(api.ServiceCreate)
    settings = app_state().settings
    return _one(service.create(db.session(), current_principal(), body, settings), 201)


def list_services(
    query: str | None = None,
    category: str | None = None,
    tags: list[str] | None = None,
    provider_id: str | None = None,
    compliance_level: str | None = None,
    min_availability: float | None = None,
    max_latency: int | None = None,
    pricing_model: str | None = None,
    sort_by: str | None = None,
    sort_order: str = "desc",
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    filters = Filters(
        query=query,
        category=category,
        tags=tuple(tags or ()),
        provider_id=uuid.UUID(provider_id) if provider_id else None,
        compliance_level=compliance_level,
        min_availability=min_availability,
        max_latency=max_latency,
        pricing_model=pricing_model,
    )
    sort = Sort(by=sort_by or ("relevance" if query else "created_at"), order=sort_order)
    page = service.search(db.session(), filters, sort, limit, cursor)
    return _page(page.items, page.next_cursor)


def get_service(service_id: str) -> Response:
    return _one(service.get_visible(db.session(), optional_principal(), uuid.UUID(service_id)))


def update_service(service_id: str) -> Response:
    body = request_body(api.ServiceUpdate)
    return _one(
        service.update(
            db.session(),
            current_principal(),
            uuid.UUID(service_id),
            body,
            if_match_header(),
            app_state().settings,
        )
    )


def delete_service(service_id: str) -> Response:
    service.delete(db.session(), current_principal(), uuid.UUID(service_id), if_match_header())
    return empty_response(204)


def _transition(service_id: str, action: str, reason: str | None = None) -> Response:
    return _one(
        service.transition(
            db.session(),
            current_principal(),
            uuid.UUID(service_id),
            action,
            if_match_header(),
            reason,
        )
    )


def publish_service(service_id: str) -> Response:
    return _transition(service_id, "publish")


def deprecate_service(service_id: str) -> Response:
    return _transition(service_id, "deprecate")


def suspend_service(service_id: str) -> Response:
    return _transition(service_id, "suspend", request_body(api.ServiceSuspend).reason)


def retire_service(service_id: str) -> Response:
    return _transition(service_id, "retire")


def list_service_versions(name: str, limit: int = 20, cursor: str | None = None) -> Response:
    page = service.versions(db.session(), name, limit, cursor)
    names = service.provider_names(db.session(), page.items)
    return json_response(
        api.ServiceVersionPage(
            name=name, items=views.services(page.items, names), next_cursor=page.next_cursor
        )
    )


def list_provider_services(
    status: str | None = None, limit: int = 20, cursor: str | None = None
) -> Response:
    page = service.mine(db.session(), current_principal(), status, limit, cursor)
    return _page(page.items, page.next_cursor)


# Deprecated aliases (the old paths and methods, kept until v2): the same functions.
list_provider_services_legacy = list_provider_services
publish_service_legacy = publish_service
deprecate_service_legacy = deprecate_service
suspend_service_legacy = suspend_service
retire_service_legacy = retire_service
