from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.invoice_summary import InvoiceSummary


T = TypeVar("T", bound="InvoicePage")


@_attrs_define
class InvoicePage:
    """
    Example:
        {'items': [{'id': '91a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b5c', 'number': 'INV-202611-91A2B3C4', 'period': '2026-11',
            'billed_to': {'kind': 'organization', 'id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f'}, 'currency': 'USD', 'total':
            '18.8739726', 'status': 'pending', 'due_date': '2026-12-15', 'paid_at': None, 'created_at':
            '2026-12-01T00:05:00Z'}], 'next_cursor': None}

    Attributes:
        items (list[InvoiceSummary]):
        next_cursor (None | str):
    """

    items: list[InvoiceSummary]
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
        from ..models.invoice_summary import InvoiceSummary

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = InvoiceSummary.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        invoice_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return invoice_page
