from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.api_key import ApiKey


T = TypeVar("T", bound="ApiKeyPage")


@_attrs_define
class ApiKeyPage:
    """
    Example:
        {'items': [{'id': '7c2f4e1a-9b3d-4c5e-8f6a-0b1c2d3e4f50', 'key_prefix': 'prk_7c2f4e1a', 'name': 'CI deploy key',
            'scopes': ['deployments:read', 'deployments:write'], 'expires_at': '2027-01-31T09:22:10Z', 'last_used_at': None,
            'created_at': '2026-11-02T09:22:10Z'}], 'next_cursor': None}

    Attributes:
        items (list[ApiKey]):
        next_cursor (None | str): Pass as `cursor` for the next page; null on the last page.
    """

    items: list[ApiKey]
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
        from ..models.api_key import ApiKey

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ApiKey.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        api_key_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return api_key_page
