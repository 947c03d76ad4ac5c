from __future__ import annotations

from sqlalchemy.engine import Engine

from provider_registry import SERVICE_NAME, __version__
from provider_registry.kit import migrate
from provider_registry.kit.timeutil import utcnow
from provider_registry.system import repository
from provider_registry_api.models import HealthResponse, ReadinessResponse


def health(engine: Engine) -> HealthResponse:
    connected = repository.database_reachable(engine)
    return HealthResponse(
        status="healthy" if connected else "unhealthy",
        service=SERVICE_NAME,
        version=__version__,
        timestamp=utcnow(),
        database="connected" if connected else "disconnected",
    )


def readiness(engine: Engine) -> ReadinessResponse:
    reachable, revision = repository.schema_revision(engine)
    if not reachable:
        return ReadinessResponse(status="not_ready", database="disconnected", migrations="unknown")
    current = revision == migrate.head_revision()
    return ReadinessResponse(
        status="ready" if current else "not_ready",
        database="connected",
        migrations="current" if current else "pending",
    )
