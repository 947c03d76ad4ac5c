from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint import Endpoint
    from ..models.provider_metadata import ProviderMetadata


T = TypeVar("T", bound="ProviderUpdate")


@_attrs_define
class ProviderUpdate:
    """The fields a provider may change itself. Status, email and ids are not among them.

    Example:
        {'name': 'ACME Compute West', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints': [{'type': 'api', 'url':
            'https://api.acme-compute.example:8443', 'protocol': 'https', 'secure': True}, {'type': 'shell', 'url':
            'wss://shell.acme-compute.example/v1', 'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'], 'software_version': '1.5.0',
            'description': 'GPU inference on NVIDIA A100s in Oregon.', 'website': 'https://acme-compute.example'}}

    Attributes:
        name (str | Unset): 3-100 characters of letters, digits, spaces, `-` and `_`. Example: ACME Compute Provider.
        organization (str | Unset):  Example: ACME Corp.
        public_key (str | Unset): An RSA public key of at least 2048 bits, PEM, in PKIX (`BEGIN PUBLIC KEY`) or PKCS#1
            (`BEGIN RSA PUBLIC KEY`) form.
        endpoints (list[Endpoint] | Unset):
        metadata (ProviderMetadata | Unset):
    """

    name: str | Unset = UNSET
    organization: str | Unset = UNSET
    public_key: str | Unset = UNSET
    endpoints: list[Endpoint] | Unset = UNSET
    metadata: ProviderMetadata | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        organization = self.organization

        public_key = self.public_key

        endpoints: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.endpoints, Unset):
            endpoints = []
            for endpoints_item_data in self.endpoints:
                endpoints_item = endpoints_item_data.to_dict()
                endpoints.append(endpoints_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if organization is not UNSET:
            field_dict["organization"] = organization
        if public_key is not UNSET:
            field_dict["public_key"] = public_key
        if endpoints is not UNSET:
            field_dict["endpoints"] = endpoints
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.endpoint import Endpoint
        from ..models.provider_metadata import ProviderMetadata

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        organization = d.pop("organization", UNSET)

        public_key = d.pop("public_key", UNSET)

        _endpoints = d.pop("endpoints", UNSET)
        endpoints: list[Endpoint] | Unset = UNSET
        if _endpoints is not UNSET:
            endpoints = []
            for endpoints_item_data in _endpoints:
                endpoints_item = Endpoint.from_dict(endpoints_item_data)

                endpoints.append(endpoints_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: ProviderMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ProviderMetadata.from_dict(_metadata)

        provider_update = cls(
            name=name,
            organization=organization,
            public_key=public_key,
            endpoints=endpoints,
            metadata=metadata,
        )

        return provider_update
