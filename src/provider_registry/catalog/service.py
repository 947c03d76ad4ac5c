"""Catalog rules: who may see and change a service, and its lifecycle. Flush, never commit."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from provider_registry.audit import service as audit
from provider_registry.catalog import validation
from provider_registry.catalog.errors import (
    NotYourService,
    ServiceExists,
    ServiceInvalidTransition,
    ServiceNotFound,
)
from provider_registry.catalog.models import Service
from provider_registry.catalog.repository import Filters, ServiceRepository, Sort
from provider_registry.config import Settings
from provider_registry.identity.principal import Principal
from provider_registry.kit import preconditions
from provider_registry.kit.errors import DomainError, ValidationFailed
from provider_registry.kit.pagination import (
    InvalidCursor,
    Page,
    cursor_time,
    cursor_uuid,
    pack,
    unpack,
)
from provider_registry.kit.parsing import document
from provider_registry.kit.preconditions import etag_for
from provider_registry.kit.timeutil import rfc3339, utcnow
from provider_registry_api import models as api

ALL_STATUSES = ("pending_approval", "active", "deprecated", "suspended", "retired")
# action -> (statuses it starts from, status it ends in, past tense, who: owner/admin)
TRANSITIONS: dict[str, tuple[tuple[str, ...], str, str, frozenset[str]]] = {
    "publish": (("pending_approval",), "active", "published", frozenset({"owner", "admin"})),
    "deprecate": (("active",), "deprecated", "deprecated", frozenset({"owner"})),
    "suspend": (
        ("pending_approval", "active", "deprecated"),
        "suspended",
        "suspended",
        frozenset({"admin"}),
    ),
    "retire": (
        ("pending_approval", "active", "deprecated", "suspended"),
        "retired",
        "retired",
        frozenset({"owner", "admin"}),
    ),
}


def etag(service: Service) -> str:
    return etag_for(service.revision)


def _check_if_match(service: Service, if_match: str | None) -> None:
    preconditions.check_if_match(etag(service), if_match, "service")


def _is_owner(principal: Principal | None, service: Service) -> bool:
    return (
        principal is not None
        and principal.kind == "provider"
        and principal.provider_id == service.provider_id
    )


def _derived(
    name: str,
    description: str,
    tags: list[str],
    pricing: dict[str, Any],
    sla: dict[str, Any] | None,
    compliance: dict[str, Any] | None,
) -> dict[str, Any]:
    """The filter and search columns kept alongside the documents."""
    return {
        "pricing_model": pricing["model"],
        "compliance_level": compliance["level"] if compliance else None,
        "sla_availability": float(sla["availability"]) if sla else None,
        "sla_max_latency": sla.get("max_latency") if sla else None,
        "search_text": " ".join([name.replace("-", " "), description, *tags]),
    }


def _pricing(pricing: api.ServicePricing) -> dict[str, Any]:
    """The pricing document: money as normalised decimal strings, never floats."""

    rates = []
    for rate in pricing.rates or []:
        entry: dict[str, Any] = {"unit": rate.unit, "rate": str(Decimal(rate.rate))}
        if rate.tier is not None:
            entry["tier"] = rate.tier
        for name in ("input_rate", "output_rate"):
            if (value := getattr(rate, name)) is not None:
                entry[name] = str(Decimal(value))
        rates.append(entry)
    return {"model": pricing.model, "currency": pricing.currency, "rates": rates}


def _check_body(body: api.ServiceCreate | api.ServiceUpdate, settings: Settings) -> None:
    issues = validation.service_issues(document(body), settings)
    if issues:
        raise ValidationFailed("The request body is invalid.", errors=issues)


def _endpoint(endpoint: api.ServiceEndpoint) -> dict[str, Any]:
    return {
        "url": endpoint.url,
        "protocol": endpoint.protocol,
        "authentication": endpoint.authentication,
    }


def _tags(tags: list[api.Tag] | None) -> list[str]:
    return [tag.root.lower() for tag in tags or []]


def _optional(model: api.Sla | api.Compliance | None) -> dict[str, Any] | None:
    return document(model) if model is not None else None


def create(
    session: Session, principal: Principal, body: api.ServiceCreate, settings: Settings
) -> Service:
    _check_body(body, settings)
    # Only approved providers get here (x-access provider_status in the spec).
    assert principal.provider_id is not None
    services = ServiceRepository(session)
    if services.exists_version(principal.provider_id, body.name, body.version):
        raise ServiceExists(
            f"You already have {body.name} {body.version}; publish a new version instead."
        )
    tags = _tags(body.tags)
    pricing = _pricing(body.pricing)
    sla, compliance = _optional(body.sla), _optional(body.compliance)
    service = Service(
        provider_id=principal.provider_id,
        name=body.name,
        version=body.version,
        description=body.description,
        category=body.category,
        tags=tags,
        capabilities=[document(capability) for capability in body.capabilities or []],
        endpoint=_endpoint(body.endpoint),
        pricing=pricing,
        sla=sla,
        compliance=compliance,
        **_derived(body.name, body.description, tags, pricing, sla, compliance),
    )
    services.add(service)
    services.set_tags(service.id, tags)
    audit.record(
        session,
        principal,
        "service.created",
        "service",
        service.id,
        name=service.name,
        version=service.version,
    )
    return service


def get_visible(session: Session, principal: Principal | None, service_id: uuid.UUID) -> Service:
    """Anyone sees a publicly offered service; its provider and admins see it in any status."""
    services = ServiceRepository(session)
    service = services.live(service_id)
    if service is None or not (
        _is_owner(principal, service)
        or (principal is not None and principal.is_platform_admin)
        or services.public(service_id) is not None
    ):
        raise ServiceNotFound("No service with this id exists.")
    return service


def _for_change(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    allowed: frozenset[str] = frozenset({"owner", "admin"}),
) -> Service:
    """The service, if ``principal`` may change it: another provider's public service is 403
    (they can see it), anything they cannot see is 404."""
    service = ServiceRepository(session).live(service_id)
    if service is None:
        raise ServiceNotFound("No service with this id exists.")
    if ("owner" in allowed and _is_owner(principal, service)) or (
        "admin" in allowed and (principal is not None and principal.is_platform_admin)
    ):
        return service
    if (principal is not None and principal.is_platform_admin) or ServiceRepository(session).public(
        service.id
    ) is not None:
        raise NotYourService("Only the service's provider (or an admin) may do this.")
    raise ServiceNotFound("No service with this id exists.")


def _conflict(service: Service) -> DomainError:
    return ServiceInvalidTransition(
        f"The service is {service.status}; another request may have changed it.",
        extra={"current_status": service.status},
    )


def update(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    body: api.ServiceUpdate,
    if_match: str | None,
    settings: Settings,
) -> Service:
    _check_body(body, settings)
    services = ServiceRepository(session)
    service = _for_change(session, principal, service_id)
    _check_if_match(service, if_match)
    # Only the fields ServiceUpdate names, each explicitly: never a copy of the request's keys.
    values: dict[str, Any] = {}
    if body.description is not None:
        values["description"] = body.description
    if body.category is not None:
        values["category"] = body.category
    if body.capabilities is not None:
        values["capabilities"] = [document(capability) for capability in body.capabilities]
    if body.endpoint is not None:
        values["endpoint"] = _endpoint(body.endpoint)
    if body.sla is not None:
        values["sla"] = document(body.sla)
    if body.compliance is not None:
        values["compliance"] = document(body.compliance)
    values["pricing"] = _pricing(body.pricing) if body.pricing is not None else service.pricing
    tags = _tags(body.tags) if body.tags is not None else service.tags
    values["tags"] = tags
    values.update(
        _derived(
            service.name,
            values.get("description", service.description),
            tags,
            values["pricing"],
            values.get("sla", service.sla),
            values.get("compliance", service.compliance),
        )
    )
    values["updated_at"] = utcnow()
    if not services.update_if(service.id, revision=service.revision, values=values):
        current = services.refresh(service)
        _check_if_match(current, if_match)
        raise _conflict(current)
    services.set_tags(service.id, tags)
    audit.record(
        session,
        principal,
        "service.updated",
        "service",
        service.id,
        fields=sorted(body.model_fields_set),
    )
    return services.refresh(service)


def delete(
    session: Session, principal: Principal, service_id: uuid.UUID, if_match: str | None
) -> None:
    services = ServiceRepository(session)
    service = _for_change(session, principal, service_id)
    _check_if_match(service, if_match)
    now = utcnow()
    if not services.update_if(
        service.id, revision=service.revision, values={"deleted_at": now, "updated_at": now}
    ):
        raise _conflict(services.refresh(service))
    audit.record(session, principal, "service.deleted", "service", service.id)


def transition(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    action: str,
    if_match: str | None,
    reason: str | None = None,
) -> Service:
    from_statuses, to_status, past, allowed = TRANSITIONS[action]
    services = ServiceRepository(session)
    service = _for_change(session, principal, service_id, allowed)
    _check_if_match(service, if_match)
    if service.status not in from_statuses:
        raise ServiceInvalidTransition(
            f"A {service.status} service cannot be {past}.",
            extra={"current_status": service.status},
        )
    now = utcnow()
    values: dict[str, Any] = {"status": to_status, "updated_at": now}
    if action == "publish":
        values["published_at"] = now
    if action == "suspend":
        values["suspension_reason"] = reason
    if not services.update_if(
        service.id, revision=service.revision, values=values, statuses=from_statuses
    ):
        raise _conflict(services.refresh(service))
    details = {"from": service.status, "to": to_status, **({"reason": reason} if reason else {})}
    audit.record(session, principal, f"service.{past}", "service", service.id, **details)
    return services.refresh(service)


def search(
    session: Session, filters: Filters, sort: Sort, limit: int, cursor: str | None
) -> Page[Service]:
    return ServiceRepository(session).search(filters, sort, limit, cursor)


def mine(
    session: Session, principal: Principal, status: str | None, limit: int, cursor: str | None
) -> Page[Service]:
    assert principal.provider_id is not None
    return ServiceRepository(session).page_of_provider(principal.provider_id, status, limit, cursor)


_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$")


def semver_key(version: str) -> tuple[Any, ...]:
    """Semantic Versioning 2.0 precedence as a sort key (build metadata ignored)."""
    match = _SEMVER.match(version)
    if match is None:
        return (-1, -1, -1, 0, ())
    major, minor, patch, pre = match.groups()
    if pre is None:
        return (int(major), int(minor), int(patch), 1, ())
    identifiers = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in pre.split(".")
    )
    return (int(major), int(minor), int(patch), 0, identifiers)


def versions(session: Session, name: str, limit: int, cursor: str | None) -> Page[Service]:
    """Public versions of ``name``, newest semantic version first (then newest, then by id),
    a page at a time; the cursor is the last version's place in that order."""
    services = ServiceRepository(session)

    def order(key: tuple[uuid.UUID, str, datetime]) -> tuple[Any, ...]:
        id_, version, created_at = key
        return (semver_key(version), created_at, str(id_))

    keys = sorted(services.public_version_keys(name), key=order, reverse=True)
    if cursor:
        after = order(_decode_version_cursor(cursor))
        keys = [key for key in keys if order(key) < after]
    page = keys[:limit]
    rows = {row.id: row for row in services.by_ids([id_ for id_, _, _ in page])}
    last = page[-1] if len(keys) > limit else None
    return Page(
        items=[rows[id_] for id_, _, _ in page if id_ in rows],
        next_cursor=_encode_version_cursor(last) if last else None,
    )


def _encode_version_cursor(key: tuple[uuid.UUID, str, datetime]) -> str:
    id_, version, created_at = key
    return pack([str(id_), version, rfc3339(created_at)])


def _decode_version_cursor(cursor: str) -> tuple[uuid.UUID, str, datetime]:
    id_, version, created = unpack(cursor, 3)
    if not isinstance(version, str):
        raise InvalidCursor()
    return cursor_uuid(id_), version, cursor_time(created)


def provider_names(session: Session, rows: list[Service]) -> dict[uuid.UUID, str]:
    return ServiceRepository(session).provider_names({row.provider_id for row in rows})


__all__ = ["ALL_STATUSES", "Filters", "Sort"]
