from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provider import Provider


T = TypeVar("T", bound="ProviderPage")


@_attrs_define
class ProviderPage:
    """
    Example:
        {'items': [{'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'email': 'ops@acme-
            compute.example', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints': [{'type': 'api', 'url':
            'https://api.acme-compute.example:8443', 'protocol': 'https', 'secure': True}, {'type': 'shell', 'url':
            'wss://shell.acme-compute.example/v1', 'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'], 'software_version': '1.4.2',
            'description': 'GPU inference on NVIDIA A100s in Oregon.', 'website': 'https://acme-compute.example'}, 'status':
            'approved', 'rejection_reason': None, 'suspension_reason': None, 'billing_account_id': 'ba_3f6c2a1e7b8d4c9e',
            'owner_account_id': None, 'pricing': {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price':
            '0.0425', 'interval': 'hourly'}, {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'},
            {'resource': 'storage', 'unit': 'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit':
            'gpu', 'price': '1.20', 'interval': 'hourly'}]}, 'capacity': {'gpu_model': 'NVIDIA A100', 'gpu_count': 8,
            'gpu_memory_gb': 80, 'cpu_cores': 64, 'memory_gb': 512, 'storage_gb': 10000, 'region': 'us-west-2'}, 'version':
            4, 'created_at': '2026-11-02T09:14:05Z', 'updated_at': '2026-11-02T10:02:17Z', 'reviewed_at':
            '2026-11-02T09:20:41Z'}], 'next_cursor': None, 'total': 1, 'page': 1, 'page_size': 20, 'offset': 0, 'limit': 20}

    Attributes:
        items (list[Provider]):
        next_cursor (None | str): With cursor paging, the cursor of the next page (null on the last).
        total (int | Unset): With page/page_size or limit/offset paging, how many providers match.
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):
        limit (int | Unset):
    """

    items: list[Provider]
    next_cursor: None | str
    total: int | Unset = UNSET
    page: int | Unset = UNSET
    page_size: int | Unset = UNSET
    offset: int | Unset = UNSET
    limit: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        total = self.total

        page = self.page

        page_size = self.page_size

        offset = self.offset

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
                "next_cursor": next_cursor,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if page is not UNSET:
            field_dict["page"] = page
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        if offset is not UNSET:
            field_dict["offset"] = offset
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider import Provider

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = Provider.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        total = d.pop("total", UNSET)

        page = d.pop("page", UNSET)

        page_size = d.pop("page_size", UNSET)

        offset = d.pop("offset", UNSET)

        limit = d.pop("limit", UNSET)

        provider_page = cls(
            items=items,
            next_cursor=next_cursor,
            total=total,
            page=page,
            page_size=page_size,
            offset=offset,
            limit=limit,
        )

        return provider_page
