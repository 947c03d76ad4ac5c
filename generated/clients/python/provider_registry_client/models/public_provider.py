from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capacity import Capacity
    from ..models.endpoint import Endpoint


T = TypeVar("T", bound="PublicProvider")


@_attrs_define
class PublicProvider:
    """What anyone may know about an approved provider.

    Example:
        {'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'organization': 'ACME Corp', 'region':
            'us-west-2', 'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'], 'endpoints':
            [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https', 'secure': True}, {'type':
            'shell', 'url': 'wss://shell.acme-compute.example/v1', 'protocol': 'wss', 'secure': True}], 'version': '1.4.2',
            'capacity': {'gpu_model': 'NVIDIA A100', 'gpu_count': 8, 'gpu_memory_gb': 80, 'cpu_cores': 64, 'memory_gb': 512,
            'storage_gb': 10000, 'region': 'us-west-2'}}

    Attributes:
        id (UUID):
        name (str):
        organization (None | str):
        region (str):
        supported_formats (list[str]):
        capabilities (list[str]):
        endpoints (list[Endpoint]):
        version (None | str): The provider daemon's software version, if it reported one.
        capacity (Capacity | Unset):  Example: {'gpu_model': 'NVIDIA A100', 'gpu_count': 8, 'gpu_memory_gb': 80,
            'cpu_cores': 64, 'memory_gb': 512, 'storage_gb': 10000, 'region': 'us-west-2'}.
    """

    id: UUID
    name: str
    organization: None | str
    region: str
    supported_formats: list[str]
    capabilities: list[str]
    endpoints: list[Endpoint]
    version: None | str
    capacity: Capacity | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        organization: None | str
        organization = self.organization

        region = self.region

        supported_formats = self.supported_formats

        capabilities = self.capabilities

        endpoints = []
        for endpoints_item_data in self.endpoints:
            endpoints_item = endpoints_item_data.to_dict()
            endpoints.append(endpoints_item)

        version: None | str
        version = self.version

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "organization": organization,
                "region": region,
                "supported_formats": supported_formats,
                "capabilities": capabilities,
                "endpoints": endpoints,
                "version": version,
            }
        )
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capacity import Capacity
        from ..models.endpoint import Endpoint

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_organization(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization = _parse_organization(d.pop("organization"))

        region = d.pop("region")

        supported_formats = cast(list[str], d.pop("supported_formats"))

        capabilities = cast(list[str], d.pop("capabilities"))

        endpoints = []
        _endpoints = d.pop("endpoints")
        for endpoints_item_data in _endpoints:
            endpoints_item = Endpoint.from_dict(endpoints_item_data)

            endpoints.append(endpoints_item)

        def _parse_version(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        version = _parse_version(d.pop("version"))

        _capacity = d.pop("capacity", UNSET)
        capacity: Capacity | Unset
        if isinstance(_capacity, Unset):
            capacity = UNSET
        else:
            capacity = Capacity.from_dict(_capacity)

        public_provider = cls(
            id=id,
            name=name,
            organization=organization,
            region=region,
            supported_formats=supported_formats,
            capabilities=capabilities,
            endpoints=endpoints,
            version=version,
            capacity=capacity,
        )

        return public_provider
