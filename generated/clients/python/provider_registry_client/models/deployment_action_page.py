from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.deployment_action import DeploymentAction


T = TypeVar("T", bound="DeploymentActionPage")


@_attrs_define
class DeploymentActionPage:
    """
    Example:
        {'items': [{'id': 'f0e1d2c3-b4a5-4968-8776-655443322110', 'deployment_id':
            'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'action': 'restart', 'status': 'pending', 'message': None, 'created_at':
            '2026-11-02T10:40:00Z', 'acknowledged_at': None}], 'next_cursor': None}

    Attributes:
        items (list[DeploymentAction]): Pending actions, oldest first.
        next_cursor (None | str): The `cursor` of the next page of pending actions; null on the last page.
    """

    items: list[DeploymentAction]
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_action import DeploymentAction

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DeploymentAction.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        deployment_action_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return deployment_action_page
