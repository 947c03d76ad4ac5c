from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.deployment import Deployment


T = TypeVar("T", bound="DeploymentPage")


@_attrs_define
class DeploymentPage:
    """
    Example:
        {'items': [{'id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'name': 'inference-us-west-1', 'owner_account_id':
            '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'organization_id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
            'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
            'state': 'active', 'lease_id': 'lease-7f3a', 'resources': {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1},
            'pricing': {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price': '0.0425', 'interval':
            'hourly'}, {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'}, {'resource':
            'storage', 'unit': 'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit': 'gpu', 'price':
            '1.20', 'interval': 'hourly'}]}, 'created_at': '2026-11-02T10:05:03Z', 'updated_at': '2026-11-02T10:31:52Z',
            'accepted_at': '2026-11-02T10:31:52Z', 'closed_at': None}], 'next_cursor': None}

    Attributes:
        items (list[Deployment]):
        next_cursor (None | str):
    """

    items: list[Deployment]
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
        from ..models.deployment import Deployment

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Deployment.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        deployment_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return deployment_page
