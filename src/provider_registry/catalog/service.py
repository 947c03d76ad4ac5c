"""Catalog rules: who may see and change a service, and its lifecycle. Flush, never commit."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from provider_registry.audit import service as audit
from provider_registry.catalog.errors import NotYourService, ServiceExists, ServiceNotFound
from provider_registry.catalog.models import Service
from provider_registry.catalog.repository import Filters, ServiceRepository, Sort
from provider_registry.identity.principal import Principal
from provider_registry.kit import preconditions
from provider_registry.kit.errors import DomainError
from provider_registry.kit.pagination import Page
from provider_registry.kit.preconditions import etag_for
from provider_registry.kit.timeutil import utcnow
from provider_registry.providers.errors import InvalidTransition

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


def _is_admin(principal: Principal | None) -> bool:
    return principal is not None and principal.kind == "account" and principal.role == "admin"


def _derived(body: dict[str, Any], name: str, tags: list[str]) -> dict[str, Any]:
    """The filter and search columns kept alongside the documents."""
    sla, compliance = body.get("sla"), body.get("compliance")
    return {
        "pricing_model": body["pricing"]["model"],
        "compliance_level": compliance["level"] if compliance else None,
        "sla_availability": float(sla["availability"]) if sla else None,
        "sla_max_latency": sla.get("max_latency") if sla else None,
        "search_text": " ".join([name.replace("-", " "), body["description"], *tags]),
    }


def _normalized_pricing(pricing: dict[str, Any]) -> dict[str, Any]:
    money = ("rate", "input_rate", "output_rate")
    rates = [
        {k: (str(Decimal(v)) if k in money else v) for k, v in rate.items()}
        for rate in pricing.get("rates", [])
    ]
    return {**pricing, "currency": pricing.get("currency", "USD"), "rates": rates}


def create(session: Session, principal: Principal, body: dict[str, Any]) -> Service:
    # Only approved providers get here (x-access provider_status in the spec).
    assert principal.provider_id is not None
    services = ServiceRepository(session)
    if services.exists_version(principal.provider_id, body["name"], body["version"]):
        raise ServiceExists(
            f"You already have {body['name']} {body['version']}; publish a new version instead."
        )
    tags = [t.lower() for t in body.get("tags", [])]
    pricing = _normalized_pricing(body["pricing"])
    service = Service(
        provider_id=principal.provider_id,
        name=body["name"],
        version=body["version"],
        description=body["description"],
        category=body["category"],
        tags=tags,
        capabilities=body.get("capabilities", []),
        endpoint={"authentication": "api-key", **body["endpoint"]},
        pricing=pricing,
        sla=body.get("sla"),
        compliance=body.get("compliance"),
        **_derived({**body, "pricing": pricing}, body["name"], tags),
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
        or _is_admin(principal)
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
        "admin" in allowed and _is_admin(principal)
    ):
        return service
    if _is_admin(principal) or ServiceRepository(session).public(service.id) is not None:
        raise NotYourService("Only the service's provider (or an admin) may do this.")
    raise ServiceNotFound("No service with this id exists.")


def _conflict(service: Service) -> DomainError:
    return InvalidTransition(
        f"The service is {service.status}; another request may have changed it.",
        extra={"current_status": service.status},
    )


def update(
    session: Session,
    principal: Principal,
    service_id: uuid.UUID,
    body: dict[str, Any],
    if_match: str | None,
) -> Service:
    services = ServiceRepository(session)
    service = _for_change(session, principal, service_id)
    _check_if_match(service, if_match)
    merged: dict[str, Any] = {
        "description": service.description,
        "pricing": service.pricing,
        "sla": service.sla,
        "compliance": service.compliance,
        **body,
    }
    if "pricing" in body:
        merged["pricing"] = _normalized_pricing(body["pricing"])
    tags = [t.lower() for t in body.get("tags", service.tags)]
    values = {k: v for k, v in merged.items() if k in body or k == "pricing"}
    values["tags"] = tags
    if "endpoint" in body:
        values["endpoint"] = {"authentication": "api-key", **body["endpoint"]}
    values.update(_derived(merged, service.name, tags))
    values["updated_at"] = utcnow()
    if not services.update_if(service.id, revision=service.revision, values=values):
        current = services.refresh(service)
        _check_if_match(current, if_match)
        raise _conflict(current)
    services.set_tags(service.id, tags)
    audit.record(session, principal, "service.updated", "service", service.id, fields=sorted(body))
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
        raise InvalidTransition(
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


def versions(session: Session, name: str) -> list[Service]:
    rows = ServiceRepository(session).public_versions(name)
    return sorted(rows, key=lambda s: (semver_key(s.version), s.created_at), reverse=True)


def provider_names(session: Session, rows: list[Service]) -> dict[uuid.UUID, str]:
    return ServiceRepository(session).provider_names({row.provider_id for row in rows})


__all__ = ["ALL_STATUSES", "Filters", "Sort"]
