from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.health_response_database import HealthResponseDatabase
from ..models.health_response_status import HealthResponseStatus

T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """
    Attributes:
        status (HealthResponseStatus):
        service (str):  Example: provider-registry.
        version (str):  Example: 0.1.0.
        timestamp (datetime.datetime):
        database (HealthResponseDatabase):
    """

    status: HealthResponseStatus
    service: str
    version: str
    timestamp: datetime.datetime
    database: HealthResponseDatabase

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        service = self.service

        version = self.version

        timestamp = self.timestamp.isoformat()

        database = self.database.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "service": service,
                "version": version,
                "timestamp": timestamp,
                "database": database,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = HealthResponseStatus(d.pop("status"))

        service = d.pop("service")

        version = d.pop("version")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        database = HealthResponseDatabase(d.pop("database"))

        health_response = cls(
            status=status,
            service=service,
            version=version,
            timestamp=timestamp,
            database=database,
        )

        return health_response
