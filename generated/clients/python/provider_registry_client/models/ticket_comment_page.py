from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ticket_comment import TicketComment


T = TypeVar("T", bound="TicketCommentPage")


@_attrs_define
class TicketCommentPage:
    """
    Example:
        {'items': [{'id': 'a0b9c8d7-e6f5-4a4b-8c3d-2e1f0a9b8c7d', 'author_kind': 'provider', 'author_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'body': 'We moved the deployment to a less loaded node; please check
            again.', 'created_at': '2026-11-02T11:10:00Z'}], 'next_cursor': None}

    Attributes:
        items (list[TicketComment]): Oldest first.
        next_cursor (None | str):
    """

    items: list[TicketComment]
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
        from ..models.ticket_comment import TicketComment

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TicketComment.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        ticket_comment_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return ticket_comment_page
