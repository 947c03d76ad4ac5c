from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.deployment_action_name import DeploymentActionName

T = TypeVar("T", bound="DeploymentActionCreate")


@_attrs_define
class DeploymentActionCreate:
    """
    Example:
        {'action': 'restart'}

    Attributes:
        action (DeploymentActionName):
    """

    action: DeploymentActionName

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = DeploymentActionName(d.pop("action"))

        deployment_action_create = cls(
            action=action,
        )

        return deployment_action_create
