from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.readiness_database import ReadinessDatabase
from ..models.readiness_migrations import ReadinessMigrations
from ..models.readiness_status import ReadinessStatus

T = TypeVar("T", bound="Readiness")


@_attrs_define
class Readiness:
    """
    Example:
        {'status': 'ready', 'database': 'connected', 'migrations': 'current'}

    Attributes:
        status (ReadinessStatus):
        database (ReadinessDatabase):
        migrations (ReadinessMigrations): Whether the database schema is at the revision this build expects.
    """

    status: ReadinessStatus
    database: ReadinessDatabase
    migrations: ReadinessMigrations

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        database = self.database.value

        migrations = self.migrations.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "database": database,
                "migrations": migrations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = ReadinessStatus(d.pop("status"))

        database = ReadinessDatabase(d.pop("database"))

        migrations = ReadinessMigrations(d.pop("migrations"))

        readiness = cls(
            status=status,
            database=database,
            migrations=migrations,
        )

        return readiness
