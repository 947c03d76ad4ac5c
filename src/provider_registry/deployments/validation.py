"""The deployment rules JSON Schema cannot state (``x-semantic-validator`` of DeploymentCreate and
DeploymentStatusReport): checked by request validation, and again by the service on the model."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeGuard

from provider_registry.config import Settings
from provider_registry.kit.errors import FieldIssue

RESOURCE_FIELDS = ("cpu", "memory", "storage")
DECIMAL_PLACES = 3


def _decimal_places(value: float | int) -> int:
    exponent = Decimal(repr(value)).as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def create_issues(body: Any, settings: Settings | None = None) -> list[FieldIssue]:
    """What JSON Schema cannot say about a new deployment (``x-semantic-validator``)."""
    if not isinstance(body, dict):
        return []
    issues: list[FieldIssue] = []
    name = body.get("name")
    if isinstance(name, str) and name and not name.strip():
        issues.append(FieldIssue("name", "must not be blank", "INVALID_NAME"))
    resources = body.get("resources")
    if isinstance(resources, dict):
        for field in RESOURCE_FIELDS:
            value = resources.get(field)
            if is_number(value) and _decimal_places(value) > DECIMAL_PLACES:
                issues.append(
                    FieldIssue(
                        f"resources.{field}",
                        f"must have at most {DECIMAL_PLACES} decimal places",
                        "TOO_MANY_DECIMALS",
                    )
                )
    return issues


def status_report_issues(body: Any, settings: Settings | None = None) -> list[FieldIssue]:
    """A status report that contradicts itself (``x-semantic-validator``)."""
    if not isinstance(body, dict):
        return []
    issues: list[FieldIssue] = []
    replicas = body.get("replicas")
    if isinstance(replicas, dict):
        ready, total = replicas.get("ready"), replicas.get("total")
        if is_number(ready) and is_number(total) and ready > total:
            issues.append(
                FieldIssue(
                    "replicas.ready",
                    "must not exceed replicas.total",
                    "REPLICAS_READY_EXCEEDS_TOTAL",
                )
            )
    services = body.get("services")
    if isinstance(services, list):
        seen: set[str] = set()
        for index, item in enumerate(services):
            name = item.get("name") if isinstance(item, dict) else None
            if isinstance(name, str):
                if name in seen:
                    issues.append(
                        FieldIssue(
                            f"services.{index}.name", "is reported twice", "DUPLICATE_SERVICE"
                        )
                    )
                seen.add(name)
    return issues


# -------------------------------------------------------------------------------- tenant side
