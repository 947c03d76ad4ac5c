from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.organization import Organization


T = TypeVar("T", bound="OrganizationPage")


@_attrs_define
class OrganizationPage:
    """
    Example:
        {'items': [{'id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'Acme Research', 'description': "The research
            team's GPU workloads.", 'role': 'admin', 'created_at': '2026-11-02T09:30:12Z'}], 'next_cursor': None}

    Attributes:
        items (list[Organization]):
        next_cursor (None | str):
    """

    items: list[Organization]
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
        from ..models.organization import Organization

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Organization.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        organization_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return organization_page
