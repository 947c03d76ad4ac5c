from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.readiness_response_database import ReadinessResponseDatabase
from ..models.readiness_response_migrations import ReadinessResponseMigrations
from ..models.readiness_response_status import ReadinessResponseStatus

T = TypeVar("T", bound="ReadinessResponse")


@_attrs_define
class ReadinessResponse:
    """
    Attributes:
        status (ReadinessResponseStatus):
        database (ReadinessResponseDatabase):
        migrations (ReadinessResponseMigrations): Whether the database schema is at the revision this build expects.
    """

    status: ReadinessResponseStatus
    database: ReadinessResponseDatabase
    migrations: ReadinessResponseMigrations

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
        status = ReadinessResponseStatus(d.pop("status"))

        database = ReadinessResponseDatabase(d.pop("database"))

        migrations = ReadinessResponseMigrations(d.pop("migrations"))

        readiness_response = cls(
            status=status,
            database=database,
            migrations=migrations,
        )

        return readiness_response
