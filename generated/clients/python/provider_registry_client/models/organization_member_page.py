from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.organization_member import OrganizationMember


T = TypeVar("T", bound="OrganizationMemberPage")


@_attrs_define
class OrganizationMemberPage:
    """
    Example:
        {'items': [{'member_id': '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'email': 'ada@example.com', 'wallet_address':
            None, 'role': 'admin', 'joined_at': '2026-11-02T09:30:12Z'}, {'member_id':
            '8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6', 'email': 'grace@example.com', 'wallet_address': None, 'role': 'member',
            'joined_at': '2026-11-02T11:02:40Z'}], 'next_cursor': None}

    Attributes:
        items (list[OrganizationMember]):
        next_cursor (None | str):
    """

    items: list[OrganizationMember]
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
        from ..models.organization_member import OrganizationMember

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = OrganizationMember.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        organization_member_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return organization_member_page
