from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.deployment_action_ack_result import DeploymentActionAckResult
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentActionAck")


@_attrs_define
class DeploymentActionAck:
    """
    Example:
        {'result': 'succeeded', 'message': 'Restarted in 4 s.'}

    Attributes:
        result (DeploymentActionAckResult):
        message (str | Unset):
    """

    result: DeploymentActionAckResult
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        result = self.result.value

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "result": result,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        result = DeploymentActionAckResult(d.pop("result"))

        message = d.pop("message", UNSET)

        deployment_action_ack = cls(
            result=result,
            message=message,
        )

        return deployment_action_ack
