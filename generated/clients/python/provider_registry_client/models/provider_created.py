from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.provider import Provider


T = TypeVar("T", bound="ProviderCreated")


@_attrs_define
class ProviderCreated:
    """
    Example:
        {'provider': {'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'email': 'ops@acme-
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
            'pending', 'rejection_reason': None, 'suspension_reason': None, 'billing_account_id': None, 'owner_account_id':
            None, 'version': 1, 'created_at': '2026-11-02T09:14:05Z', 'updated_at': '2026-11-02T09:14:05Z', 'reviewed_at':
            None}, 'api_key':
            'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c7f2a9d4_cb5c2be0'}

    Attributes:
        provider (Provider): A provider's full record, as the provider itself and admins see it. Example: {'id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'email': 'ops@acme-compute.example',
            'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
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
            '2026-11-02T09:20:41Z'}.
        api_key (str): The provider's first API key. Shown only in this response: exchange it at
            `/api/v1/registration/auth` for tokens, or send it as `X-API-Key`.
    """

    provider: Provider
    api_key: str

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.to_dict()

        api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider": provider,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider import Provider

        d = dict(src_dict)
        provider = Provider.from_dict(d.pop("provider"))

        api_key = d.pop("api_key")

        provider_created = cls(
            provider=provider,
            api_key=api_key,
        )

        return provider_created
