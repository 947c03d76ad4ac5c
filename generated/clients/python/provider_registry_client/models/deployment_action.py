from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.deployment_action_name import DeploymentActionName
from ..models.deployment_action_status import DeploymentActionStatus

T = TypeVar("T", bound="DeploymentAction")


@_attrs_define
class DeploymentAction:
    """
    Example:
        {'id': 'f0e1d2c3-b4a5-4968-8776-655443322110', 'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'action': 'restart', 'status': 'pending', 'message': None, 'created_at': '2026-11-02T10:40:00Z',
            'acknowledged_at': None}

    Attributes:
        id (UUID):
        deployment_id (UUID):
        action (DeploymentActionName):
        status (DeploymentActionStatus): `pending` until the provider acknowledges it with `succeeded` or `failed`.
        message (None | str): What the provider said when it acknowledged the action.
        created_at (datetime.datetime):
        acknowledged_at (datetime.datetime | None):
    """

    id: UUID
    deployment_id: UUID
    action: DeploymentActionName
    status: DeploymentActionStatus
    message: None | str
    created_at: datetime.datetime
    acknowledged_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        deployment_id = str(self.deployment_id)

        action = self.action.value

        status = self.status.value

        message: None | str
        message = self.message

        created_at = self.created_at.isoformat()

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "deployment_id": deployment_id,
                "action": action,
                "status": status,
                "message": message,
                "created_at": created_at,
                "acknowledged_at": acknowledged_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deployment_id = UUID(d.pop("deployment_id"))

        action = DeploymentActionName(d.pop("action"))

        status = DeploymentActionStatus(d.pop("status"))

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)

                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))

        deployment_action = cls(
            id=id,
            deployment_id=deployment_id,
            action=action,
            status=status,
            message=message,
            created_at=created_at,
            acknowledged_at=acknowledged_at,
        )

        return deployment_action
