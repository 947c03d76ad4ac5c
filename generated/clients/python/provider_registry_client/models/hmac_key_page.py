from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.hmac_key import HmacKey


T = TypeVar("T", bound="HmacKeyPage")


@_attrs_define
class HmacKeyPage:
    """
    Example:
        {'items': [{'id': '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', 'name': 'legacy billing sync', 'last_used_at': None,
            'created_at': '2026-11-02T09:24:30Z'}], 'next_cursor': None}

    Attributes:
        items (list[HmacKey]):
        next_cursor (None | str): Pass as `cursor` for the next page; null on the last page.
    """

    items: list[HmacKey]
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
        from ..models.hmac_key import HmacKey

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = HmacKey.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        hmac_key_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return hmac_key_page
