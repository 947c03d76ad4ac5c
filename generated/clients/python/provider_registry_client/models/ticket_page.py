from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ticket import Ticket


T = TypeVar("T", bound="TicketPage")


@_attrs_define
class TicketPage:
    """
    Example:
        {'items': [{'id': 'b9c8d7e6-f5a4-4b3c-9d2e-1f0a9b8c7d6e', 'deployment_id':
            'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'opened_by':
            '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'subject': 'Inference latency above the SLA', 'description': 'Since
            10:00 UTC p95 latency is about 4 s; the SLA promises 2 s.', 'category': 'technical', 'priority': 'high',
            'status': 'open', 'created_at': '2026-11-02T10:45:00Z', 'updated_at': '2026-11-02T10:45:00Z'}], 'next_cursor':
            None}

    Attributes:
        items (list[Ticket]):
        next_cursor (None | str):
    """

    items: list[Ticket]
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
        from ..models.ticket import Ticket

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Ticket.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        ticket_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return ticket_page
