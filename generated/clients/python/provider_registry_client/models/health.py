from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.health_database import HealthDatabase
from ..models.health_status import HealthStatus

T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """
    Example:
        {'status': 'healthy', 'service': 'provider-registry', 'version': '0.1.0', 'timestamp': '2026-11-03T08:45:00Z',
            'database': 'connected'}

    Attributes:
        status (HealthStatus):
        service (str):  Example: provider-registry.
        version (str):  Example: 0.1.0.
        timestamp (datetime.datetime):
        database (HealthDatabase):
    """

    status: HealthStatus
    service: str
    version: str
    timestamp: datetime.datetime
    database: HealthDatabase

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
        status = HealthStatus(d.pop("status"))

        service = d.pop("service")

        version = d.pop("version")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        database = HealthDatabase(d.pop("database"))

        health = cls(
            status=status,
            service=service,
            version=version,
            timestamp=timestamp,
            database=database,
        )

        return health
