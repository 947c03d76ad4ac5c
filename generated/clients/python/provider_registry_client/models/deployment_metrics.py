from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.usage_against_limit import UsageAgainstLimit


T = TypeVar("T", bound="DeploymentMetrics")


@_attrs_define
class DeploymentMetrics:
    """
    Example:
        {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'cpu': {'usage': 3.5, 'limit': 8}, 'memory': {'usage':
            41.2, 'limit': 64}, 'storage': {'usage': 87, 'limit': 200}, 'gpu': {'usage': 1, 'limit': 1}, 'reported_at':
            '2026-11-02T10:36:00Z'}

    Attributes:
        deployment_id (UUID):
        cpu (UsageAgainstLimit):
        memory (UsageAgainstLimit):
        storage (UsageAgainstLimit):
        gpu (UsageAgainstLimit):
        reported_at (datetime.datetime | None): When the provider last reported; null before its first report.
    """

    deployment_id: UUID
    cpu: UsageAgainstLimit
    memory: UsageAgainstLimit
    storage: UsageAgainstLimit
    gpu: UsageAgainstLimit
    reported_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        cpu = self.cpu.to_dict()

        memory = self.memory.to_dict()

        storage = self.storage.to_dict()

        gpu = self.gpu.to_dict()

        reported_at: None | str
        if isinstance(self.reported_at, datetime.datetime):
            reported_at = self.reported_at.isoformat()
        else:
            reported_at = self.reported_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "cpu": cpu,
                "memory": memory,
                "storage": storage,
                "gpu": gpu,
                "reported_at": reported_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usage_against_limit import UsageAgainstLimit

        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        cpu = UsageAgainstLimit.from_dict(d.pop("cpu"))

        memory = UsageAgainstLimit.from_dict(d.pop("memory"))

        storage = UsageAgainstLimit.from_dict(d.pop("storage"))

        gpu = UsageAgainstLimit.from_dict(d.pop("gpu"))

        def _parse_reported_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reported_at_type_0 = datetime.datetime.fromisoformat(data)

                return reported_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reported_at = _parse_reported_at(d.pop("reported_at"))

        deployment_metrics = cls(
            deployment_id=deployment_id,
            cpu=cpu,
            memory=memory,
            storage=storage,
            gpu=gpu,
            reported_at=reported_at,
        )

        return deployment_metrics
