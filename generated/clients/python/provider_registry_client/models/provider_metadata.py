from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderMetadata")


@_attrs_define
class ProviderMetadata:
    """
    Attributes:
        region (str):  Example: us-west-2.
        supported_formats (list[str] | Unset):  Example: ['ONNX', 'TensorRT'].
        capabilities (list[str] | Unset): What the provider offers, as short tags (e.g. `inference`, `training`, `gpu`).
            Example: ['inference', 'gpu'].
        software_version (str | Unset): The provider daemon's version. Example: 1.4.2.
        description (str | Unset):
        website (str | Unset): An http(s) URL on a public host, under the same rules as endpoint URLs.
    """

    region: str
    supported_formats: list[str] | Unset = UNSET
    capabilities: list[str] | Unset = UNSET
    software_version: str | Unset = UNSET
    description: str | Unset = UNSET
    website: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        region = self.region

        supported_formats: list[str] | Unset = UNSET
        if not isinstance(self.supported_formats, Unset):
            supported_formats = self.supported_formats

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        software_version = self.software_version

        description = self.description

        website = self.website

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "region": region,
            }
        )
        if supported_formats is not UNSET:
            field_dict["supported_formats"] = supported_formats
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if software_version is not UNSET:
            field_dict["software_version"] = software_version
        if description is not UNSET:
            field_dict["description"] = description
        if website is not UNSET:
            field_dict["website"] = website

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        region = d.pop("region")

        supported_formats = cast(list[str], d.pop("supported_formats", UNSET))

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        software_version = d.pop("software_version", UNSET)

        description = d.pop("description", UNSET)

        website = d.pop("website", UNSET)

        provider_metadata = cls(
            region=region,
            supported_formats=supported_formats,
            capabilities=capabilities,
            software_version=software_version,
            description=description,
            website=website,
        )

        return provider_metadata
