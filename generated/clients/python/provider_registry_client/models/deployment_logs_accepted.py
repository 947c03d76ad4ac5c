from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DeploymentLogsAccepted")


@_attrs_define
class DeploymentLogsAccepted:
    """
    Example:
        {'accepted': 2}

    Attributes:
        accepted (int): How many lines were stored.
    """

    accepted: int

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accepted": accepted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        deployment_logs_accepted = cls(
            accepted=accepted,
        )

        return deployment_logs_accepted
