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

    Attributes:
        id (UUID):
        name (str):
        organization (None | str):
        region (str):
        supported_formats (list[str]):
        capabilities (list[str]):
        endpoints (list[Endpoint]):
        version (None | str): The provider daemon's software version, if it reported one.
        capacity (Capacity | Unset):
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
