from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint import Endpoint
    from ..models.provider_metadata import ProviderMetadata


T = TypeVar("T", bound="ProviderCreate")


@_attrs_define
class ProviderCreate:
    """
    Example:
        {'name': 'ACME Compute', 'email': 'ops@acme-compute.example', 'organization': 'ACME Corp', 'public_key': '-----
            BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints': [{'type': 'api', 'url':
            'https://api.acme-compute.example:8443', 'protocol': 'https', 'secure': True}, {'type': 'shell', 'url':
            'wss://shell.acme-compute.example/v1', 'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'], 'software_version': '1.4.2',
            'description': 'GPU inference on NVIDIA A100s in Oregon.', 'website': 'https://acme-compute.example'}, 'terms':
            True}

    Attributes:
        name (str): 3-100 characters of letters, digits, spaces, `-` and `_`. Example: ACME Compute Provider.
        email (str): A contact address (RFC 5322). Unique across providers. Example: ops@acme.example.
        public_key (str): An RSA public key of at least 2048 bits, PEM, in PKIX (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN
            RSA PUBLIC KEY`) form.
        endpoints (list[Endpoint]):
        metadata (ProviderMetadata):
        terms (bool): Acceptance of the terms of service; must be `true`.
        organization (str | Unset):  Example: ACME Corp.
    """

    name: str
    email: str
    public_key: str
    endpoints: list[Endpoint]
    metadata: ProviderMetadata
    terms: bool
    organization: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        public_key = self.public_key

        endpoints = []
        for endpoints_item_data in self.endpoints:
            endpoints_item = endpoints_item_data.to_dict()
            endpoints.append(endpoints_item)

        metadata = self.metadata.to_dict()

        terms = self.terms

        organization = self.organization

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "email": email,
                "public_key": public_key,
                "endpoints": endpoints,
                "metadata": metadata,
                "terms": terms,
            }
        )
        if organization is not UNSET:
            field_dict["organization"] = organization

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.endpoint import Endpoint
        from ..models.provider_metadata import ProviderMetadata

        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        public_key = d.pop("public_key")

        endpoints = []
        _endpoints = d.pop("endpoints")
        for endpoints_item_data in _endpoints:
            endpoints_item = Endpoint.from_dict(endpoints_item_data)

            endpoints.append(endpoints_item)

        metadata = ProviderMetadata.from_dict(d.pop("metadata"))

        terms = d.pop("terms")

        organization = d.pop("organization", UNSET)

        provider_create = cls(
            name=name,
            email=email,
            public_key=public_key,
            endpoints=endpoints,
            metadata=metadata,
            terms=terms,
            organization=organization,
        )

        return provider_create
