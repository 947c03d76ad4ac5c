"""What a deployment's provider reports (log lines, usage) and what its tenants read back, and the
shell session tokens tenants take to the provider's own shell endpoint.

Reads and writes go through ``visibility``: tenants by ``for_tenant``, the provider by
``for_provider``. Log lines are stored in one multi-row INSERT per batch and read newest first
through the (deployment_id, ts, id) index, so a tail costs the same whatever the history.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import jwt
from sqlmodel import Session

from provider_registry.accounts.repository import AccountRepository
from provider_registry.deployments import visibility
from provider_registry.deployments.errors import DeploymentClosed, DeploymentNotActive
from provider_registry.deployments.models import Deployment, DeploymentMetrics
from provider_registry.deployments.repository import DeploymentRepository, TelemetryRepository
from provider_registry.identity.principal import Principal
from provider_registry.identity.service import account_principal
from provider_registry.identity.tokens import IssuedToken, TokenCodec, TokenError, TokenExpired
from provider_registry.kit.errors import DomainError, FieldIssue, ValidationFailed
from provider_registry.kit.pagination import InvalidCursor, cursor_time, pack, unpack
from provider_registry.kit.timeutil import rfc3339, utcnow
from provider_registry.providers.models import Provider
from provider_registry.providers.repository import ProviderRepository
from provider_registry_api import models as api

METRICS_PLACES = Decimal("0.001")


def _conflict(row: Deployment, want: str) -> DomainError:
    extra = {"current_state": row.state}
    if row.state == "closed":
        return DeploymentClosed("The deployment is closed.", extra=extra)
    return DeploymentNotActive(f"The deployment is {row.state}; {want}.", extra=extra)


# Logs -----------------------------------------------------------------------------------------


def ingest_logs(
    session: Session, principal: Principal, deployment_id: uuid.UUID, lines: list[api.LogEntry]
) -> int:
    row = visibility.for_provider(session, principal, deployment_id)
    if row.state == "closed":
        raise _conflict(row, "")
    now = utcnow()
    times = [
        parse_time(entry.timestamp, f"lines.{index}.timestamp") or now
        for index, entry in enumerate(lines)
    ]
    TelemetryRepository(session).insert_logs(
        row.id, times, [entry.service for entry in lines], [entry.line for entry in lines]
    )
    return len(lines)


def parse_time(value: Any, field: str) -> datetime | None:
    """An RFC 3339 time (Connexion has checked the format) as aware UTC. RFC 3339 allows a
    lower-case ``t``/``z`` and times that leave the calendar once moved to UTC (year 1 at +01:00):
    those are 400s, never 500s."""
    if value is None:
        return None
    try:
        moment = (
            value if isinstance(value, datetime) else datetime.fromisoformat(str(value).upper())
        )
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise ValidationFailed(
            "A time is outside the range this API stores.",
            errors=[FieldIssue(field, "is not a storable RFC 3339 time", "INVALID_FORMAT")],
        ) from exc


def tail_logs(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID,
    *,
    tail: int,
    since: datetime | None,
    timestamps: bool,
    cursor: str | None,
    max_bytes: int,
) -> LogTail:
    """The newest ``tail`` lines (older than ``cursor``), as many as fit in ``max_bytes`` of
    JSON; read from the database in small batches, so a huge log never sits in memory."""
    row = visibility.for_tenant(session, principal, deployment_id, "read")
    logs = TelemetryRepository(session)
    before = _log_position(cursor) if cursor else None
    taken: list[tuple[datetime, int, str]] = []
    size, truncated, exhausted = 0, False, False
    while len(taken) < tail and not truncated and not exhausted:
        want = min(LOG_BATCH, tail - len(taken))
        batch = logs.log_lines(row.id, since, before, want)
        exhausted = len(batch) < want
        for moment, stored_key, line in batch:
            key = int(stored_key or 0)  # a stored row always has its id
            text = f"{rfc3339(moment)} {line}" if timestamps else line
            # Its JSON form with every non-ASCII character escaped: never less than is sent.
            cost = len(json.dumps(text)) + 1
            if taken and size + cost > max_bytes:
                truncated = True
                break
            size += cost
            taken.append((moment, key, text))
            before = (moment, key)
    more = truncated or (
        not exhausted and before is not None and logs.has_lines_before(row.id, since, before)
    )
    oldest = taken[-1] if taken else None
    return LogTail(
        lines=[text for _, _, text in reversed(taken)],
        truncated=truncated,
        next_cursor=_log_cursor(oldest[0], oldest[1]) if more and oldest else None,
    )


def _log_cursor(moment: datetime, key: int) -> str:
    return pack([rfc3339(moment), key])


def _log_position(cursor: str) -> tuple[datetime, int]:
    moment, key = unpack(cursor, 2)
    # A log line's id is a bigint: anything else is a cursor this API did not issue.
    if not isinstance(key, int) or isinstance(key, bool) or not 0 < key < 2**63:
        raise InvalidCursor()
    return cursor_time(moment), key


@dataclass(frozen=True)
class LogTail:
    lines: list[str]
    truncated: bool
    next_cursor: str | None


LOG_BATCH = 200  # rows per read: at most about 2 MB of lines in memory


# Metrics --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metrics:
    deployment: Deployment
    latest: DeploymentMetrics | None


def metrics_for_tenant(session: Session, principal: Principal, deployment_id: uuid.UUID) -> Metrics:
    row = visibility.for_tenant(session, principal, deployment_id, "read")
    return Metrics(row, TelemetryRepository(session).metrics(row.id))


def report_metrics(
    session: Session,
    principal: Principal,
    deployment_id: uuid.UUID,
    body: api.DeploymentMetricsCreate,
) -> Metrics:
    row = visibility.for_provider(session, principal, deployment_id)
    if row.state != "active":
        raise _conflict(row, "usage is reported for active deployments only")
    values = {
        "cpu": _quantity(body.cpu),
        "memory": _quantity(body.memory),
        "storage": _quantity(body.storage),
        "gpu": _quantity(body.gpu) if body.gpu is not None else None,
        "reported_at": utcnow(),
    }
    return Metrics(row, TelemetryRepository(session).replace_metrics(row.id, values))


def _quantity(value: float | int) -> Decimal:
    return Decimal(str(value)).quantize(METRICS_PLACES)


# Shell sessions -------------------------------------------------------------------------------

SHELL_ENDPOINT_TYPES = ("shell",)
WEBSOCKET_PROTOCOLS = ("wss", "websocket")


def audience_of(provider_id: uuid.UUID) -> str:
    return f"provider:{provider_id}"


@dataclass(frozen=True)
class ShellSession:
    issued: IssuedToken
    deployment: Deployment
    service: str | None
    shell_url: str | None


def open_shell(
    session: Session,
    codec: TokenCodec,
    principal: Principal,
    deployment_id: uuid.UUID,
    *,
    service: str | None,
    ttl_seconds: int,
) -> ShellSession:
    row = visibility.for_tenant(session, principal, deployment_id, "write")
    if row.state != "active":
        raise _conflict(row, "a shell needs an active deployment")
    issued = codec.issue(
        "shell",
        principal.id,
        {"deployment_id": str(row.id), "service": service},
        audience=audience_of(row.provider_id),
        ttl_seconds=ttl_seconds,
    )
    provider = ProviderRepository(session).get(row.provider_id)
    return ShellSession(issued, row, service, _shell_url(provider))


def _shell_url(provider: Provider | None) -> str | None:
    endpoints = provider.endpoints if provider is not None else []
    for endpoint in endpoints:
        if endpoint.get("type") in SHELL_ENDPOINT_TYPES:
            return str(endpoint["url"])
    for endpoint in endpoints:
        if endpoint.get("protocol") in WEBSOCKET_PROTOCOLS:
            return str(endpoint["url"])
    return None


@dataclass(frozen=True)
class Verdict:
    valid: bool
    reason: str | None = None
    claims: dict[str, Any] | None = None


def verify_shell(session: Session, codec: TokenCodec, principal: Principal, token: str) -> Verdict:
    """Whether the calling provider should open a shell for this token, and for whom."""
    assert principal.provider_id is not None  # x-access: provider principals only
    try:
        claims = codec.decode(token, "shell", audience=audience_of(principal.provider_id))
    except TokenExpired:
        # Only a shell token's expiry is news to the provider; anything else expired is invalid.
        header_type = _unverified_header_type(token)
        return Verdict(False, "expired" if header_type == "shell+jwt" else "invalid")
    except TokenError:
        # A genuine shell token for another provider, or anything else.
        other = _provider_audience(token)
        if other is None:
            return Verdict(False, "invalid")
        try:
            codec.decode(token, "shell", audience=other)
        except TokenError:
            return Verdict(False, "invalid")
        return Verdict(False, "wrong_provider")
    try:
        deployment_id = uuid.UUID(str(claims.get("deployment_id")))
    except ValueError:
        return Verdict(False, "invalid")
    row = DeploymentRepository(session).get(deployment_id)
    if row is None or row.provider_id != principal.provider_id:
        return Verdict(False, "invalid")
    if row.state != "active":
        return Verdict(False, "deployment_not_active")
    # The tenant may have lost the deployment since the token was issued (left the organization,
    # became a viewer, was disabled): the shell is refused as soon as that happens.
    try:
        holder = AccountRepository(session).get(uuid.UUID(str(claims["sub"])))
    except ValueError:
        return Verdict(False, "invalid")
    if holder is None or holder.status != "active":
        return Verdict(False, "access_revoked")
    if visibility.tenant_permission(session, account_principal(holder), row) != "write":
        return Verdict(False, "access_revoked")
    return Verdict(True, claims=claims)


def _unverified_header_type(token: str) -> str | None:
    try:
        value = jwt.get_unverified_header(token).get("typ")
    except jwt.PyJWTError:
        return None
    return value if isinstance(value, str) else None


def _provider_audience(token: str) -> str | None:
    """The provider audience the token names, read unverified (the caller then verifies the
    signature against it), or None."""
    try:
        audience = jwt.decode(token, options={"verify_signature": False}).get("aud")
    except jwt.PyJWTError:
        return None
    if not isinstance(audience, str) or not audience.startswith("provider:"):
        return None
    return audience
