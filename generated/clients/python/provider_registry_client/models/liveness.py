from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.liveness_status import LivenessStatus

T = TypeVar("T", bound="Liveness")


@_attrs_define
class Liveness:
    """
    Example:
        {'status': 'alive', 'service': 'provider-registry', 'version': '0.1.0'}

    Attributes:
        status (LivenessStatus):
        service (str):  Example: provider-registry.
        version (str):  Example: 0.1.0.
    """

    status: LivenessStatus
    service: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        service = self.service

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "status": status,
                "service": service,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = LivenessStatus(d.pop("status"))

        service = d.pop("service")

        version = d.pop("version")

        liveness = cls(
            status=status,
            service=service,
            version=version,
        )

        return liveness
