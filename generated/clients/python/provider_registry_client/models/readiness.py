from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.readiness_database import ReadinessDatabase
from ..models.readiness_migrations import ReadinessMigrations
from ..models.readiness_rate_limits import ReadinessRateLimits
from ..models.readiness_status import ReadinessStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Example:
        {'status': 'ready', 'database': 'connected', 'migrations': 'current', 'rate_limits': 'shared', 'draining':
            False}

    Attributes:
        status (ReadinessStatus):
        database (ReadinessDatabase):
        migrations (ReadinessMigrations): The database schema as this build sees it: `current` (at the revision it
            expects),
            `pending` (behind it: not ready until migrated), `ahead` (a newer release's migrations
            have run, as during a rolling deploy; ready, since migrations only expand the schema
            until no running release needs what a later one removes) or `unknown` (the database
            cannot be reached).
        rate_limits (ReadinessRateLimits | Unset): Where this instance counts rate limits: `shared` (the configured
            Redis, all instances
            together), `local` (in this process, as configured), `degraded` (the shared storage
            failed or timed out, so this process counts in its own memory until it answers again;
            still ready, limits still enforced per instance) or `off` (rate limiting disabled).
        draining (bool | Unset): True once the instance got SIGTERM: it still serves requests for a short while
            (`server.drain_seconds`) so that load balancers stop routing to it, then stops.
            `status` is `not_ready` meanwhile.
    """

    status: ReadinessStatus
    database: ReadinessDatabase
    migrations: ReadinessMigrations
    rate_limits: ReadinessRateLimits | Unset = UNSET
    draining: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        database = self.database.value

        migrations = self.migrations.value

        rate_limits: str | Unset = UNSET
        if not isinstance(self.rate_limits, Unset):
            rate_limits = self.rate_limits.value

        draining = self.draining

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "database": database,
                "migrations": migrations,
            }
        )
        if rate_limits is not UNSET:
            field_dict["rate_limits"] = rate_limits
        if draining is not UNSET:
            field_dict["draining"] = draining

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = ReadinessStatus(d.pop("status"))

        database = ReadinessDatabase(d.pop("database"))

        migrations = ReadinessMigrations(d.pop("migrations"))

        _rate_limits = d.pop("rate_limits", UNSET)
        rate_limits: ReadinessRateLimits | Unset
        if isinstance(_rate_limits, Unset):
            rate_limits = UNSET
        else:
            rate_limits = ReadinessRateLimits(_rate_limits)

        draining = d.pop("draining", UNSET)

        readiness = cls(
            status=status,
            database=database,
            migrations=migrations,
            rate_limits=rate_limits,
            draining=draining,
        )

        return readiness
