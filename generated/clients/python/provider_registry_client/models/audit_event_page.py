from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.audit_event import AuditEvent


T = TypeVar("T", bound="AuditEventPage")


@_attrs_define
class AuditEventPage:
    """
    Example:
        {'items': [{'id': '4e3d2c1b-0a9f-4e8d-b7c6-a5b4c3d2e1f0', 'actor_kind': 'account', 'actor_id':
            '0d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', 'action': 'provider.approved', 'target_kind': 'provider', 'target_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'request_id': '6f1f3c0a-54a4-4e2a-9a55-0f2b3f2f8f2e', 'details':
            {'from': 'pending', 'to': 'approved', 'billing_account_id': 'ba_3f6c2a1e7b8d4c9e'}, 'created_at':
            '2026-11-02T09:20:41Z'}], 'next_cursor': None}

    Attributes:
        items (list[AuditEvent]):
        next_cursor (None | str):
    """

    items: list[AuditEvent]
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
        from ..models.audit_event import AuditEvent

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AuditEvent.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        audit_event_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return audit_event_page
