from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.public_provider import PublicProvider


T = TypeVar("T", bound="PublicProviderPage")


@_attrs_define
class PublicProviderPage:
    """
    Example:
        {'items': [{'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'organization': 'ACME Corp',
            'region': 'us-west-2', 'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'],
            'endpoints': [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https', 'secure':
            True}, {'type': 'shell', 'url': 'wss://shell.acme-compute.example/v1', 'protocol': 'wss', 'secure': True}],
            'version': '1.4.2', 'capacity': {'gpu_model': 'NVIDIA A100', 'gpu_count': 8, 'gpu_memory_gb': 80, 'cpu_cores':
            64, 'memory_gb': 512, 'storage_gb': 10000, 'region': 'us-west-2'}}], 'next_cursor': None}

    Attributes:
        items (list[PublicProvider]):
        next_cursor (None | str):
    """

    items: list[PublicProvider]
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
        from ..models.public_provider import PublicProvider

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PublicProvider.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        public_provider_page = cls(
            items=items,
            next_cursor=next_cursor,
        )

        return public_provider_page
