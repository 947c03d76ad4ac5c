from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.service import Service


T = TypeVar("T", bound="ServiceVersionPage")


@_attrs_define
class ServiceVersionPage:
    """
    Example:
        {'name': 'acme-chat', 'items': [{'id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'name': 'acme-chat', 'version':
            '1.0.0', 'description': 'Llama 3 70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm',
            'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat completions.',
            'parameters': {'type': 'object', 'properties': {'max_tokens': {'type': 'integer', 'format': 'int32', 'minimum':
            1, 'maximum': 4096}}}}], 'endpoint': {'url': 'https://api.acme-compute.example/v1/chat/completions', 'protocol':
            'rest', 'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD', 'rates': [{'tier':
            'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate': '0.0015', 'output_rate': '0.002'}]}, 'sla':
            {'availability': 99.9, 'max_latency': 2000, 'support_level': 'standard'}, 'compliance': {'level': 'public',
            'certifications': ['SOC2', 'ISO27001'], 'data_residency': ['US']}, 'provider': {'id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute'}, 'status': 'active', 'suspension_reason': None,
            'version_tag': 2, 'created_at': '2026-11-02T10:02:17Z', 'updated_at': '2026-11-02T10:05:03Z', 'published_at':
            '2026-11-02T10:05:03Z'}], 'next_cursor': None}

    Attributes:
        name (str):
        items (list[Service]): Public versions, newest semantic version first.
        next_cursor (None | str): Pass as `cursor` for the next page; null on the last.
    """

    name: str
    items: list[Service]
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "items": items,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.service import Service

        d = dict(src_dict)
        name = d.pop("name")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Service.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        service_version_page = cls(
            name=name,
            items=items,
            next_cursor=next_cursor,
        )

        return service_version_page
