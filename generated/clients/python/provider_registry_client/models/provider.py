from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.provider_status import ProviderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capacity import Capacity
    from ..models.endpoint import Endpoint
    from ..models.pricing import Pricing
    from ..models.provider_metadata import ProviderMetadata


T = TypeVar("T", bound="Provider")


@_attrs_define
class Provider:
    """A provider's full record, as the provider itself and admins see it.

    Example:
        {'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute', 'email': 'ops@acme-compute.example',
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
            '2026-11-02T09:20:41Z'}

    Attributes:
        id (UUID):
        name (str):
        email (str):
        organization (None | str):
        public_key (str):
        endpoints (list[Endpoint]):
        metadata (ProviderMetadata):
        status (ProviderStatus): `pending` until an admin reviews it; then `approved` or `rejected`. An approved
            provider
            can be `suspended` and `reinstated` (back to `approved`).
        rejection_reason (None | str):
        suspension_reason (None | str):
        billing_account_id (None | str): Set when the provider is approved.
        owner_account_id (None | UUID): The account that registered the provider, if it registered signed in.
        version (int): Increases with every change; the ETag is derived from it.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        reviewed_at (datetime.datetime | None):
        pricing (Pricing | Unset):  Example: {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price':
            '0.0425', 'interval': 'hourly'}, {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'},
            {'resource': 'storage', 'unit': 'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit':
            'gpu', 'price': '1.20', 'interval': 'hourly'}]}.
        capacity (Capacity | Unset):  Example: {'gpu_model': 'NVIDIA A100', 'gpu_count': 8, 'gpu_memory_gb': 80,
            'cpu_cores': 64, 'memory_gb': 512, 'storage_gb': 10000, 'region': 'us-west-2'}.
    """

    id: UUID
    name: str
    email: str
    organization: None | str
    public_key: str
    endpoints: list[Endpoint]
    metadata: ProviderMetadata
    status: ProviderStatus
    rejection_reason: None | str
    suspension_reason: None | str
    billing_account_id: None | str
    owner_account_id: None | UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    reviewed_at: datetime.datetime | None
    pricing: Pricing | Unset = UNSET
    capacity: Capacity | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        email = self.email

        organization: None | str
        organization = self.organization

        public_key = self.public_key

        endpoints = []
        for endpoints_item_data in self.endpoints:
            endpoints_item = endpoints_item_data.to_dict()
            endpoints.append(endpoints_item)

        metadata = self.metadata.to_dict()

        status = self.status.value

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        suspension_reason: None | str
        suspension_reason = self.suspension_reason

        billing_account_id: None | str
        billing_account_id = self.billing_account_id

        owner_account_id: None | str
        if isinstance(self.owner_account_id, UUID):
            owner_account_id = str(self.owner_account_id)
        else:
            owner_account_id = self.owner_account_id

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        reviewed_at: None | str
        if isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pricing, Unset):
            pricing = self.pricing.to_dict()

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "email": email,
                "organization": organization,
                "public_key": public_key,
                "endpoints": endpoints,
                "metadata": metadata,
                "status": status,
                "rejection_reason": rejection_reason,
                "suspension_reason": suspension_reason,
                "billing_account_id": billing_account_id,
                "owner_account_id": owner_account_id,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "reviewed_at": reviewed_at,
            }
        )
        if pricing is not UNSET:
            field_dict["pricing"] = pricing
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capacity import Capacity
        from ..models.endpoint import Endpoint
        from ..models.pricing import Pricing
        from ..models.provider_metadata import ProviderMetadata

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        email = d.pop("email")

        def _parse_organization(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        organization = _parse_organization(d.pop("organization"))

        public_key = d.pop("public_key")

        endpoints = []
        _endpoints = d.pop("endpoints")
        for endpoints_item_data in _endpoints:
            endpoints_item = Endpoint.from_dict(endpoints_item_data)

            endpoints.append(endpoints_item)

        metadata = ProviderMetadata.from_dict(d.pop("metadata"))

        status = ProviderStatus(d.pop("status"))

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))

        def _parse_suspension_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suspension_reason = _parse_suspension_reason(d.pop("suspension_reason"))

        def _parse_billing_account_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        billing_account_id = _parse_billing_account_id(d.pop("billing_account_id"))

        def _parse_owner_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_account_id_type_0 = UUID(data)

                return owner_account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        owner_account_id = _parse_owner_account_id(d.pop("owner_account_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_reviewed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)

                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at"))

        _pricing = d.pop("pricing", UNSET)
        pricing: Pricing | Unset
        if isinstance(_pricing, Unset):
            pricing = UNSET
        else:
            pricing = Pricing.from_dict(_pricing)

        _capacity = d.pop("capacity", UNSET)
        capacity: Capacity | Unset
        if isinstance(_capacity, Unset):
            capacity = UNSET
        else:
            capacity = Capacity.from_dict(_capacity)

        provider = cls(
            id=id,
            name=name,
            email=email,
            organization=organization,
            public_key=public_key,
            endpoints=endpoints,
            metadata=metadata,
            status=status,
            rejection_reason=rejection_reason,
            suspension_reason=suspension_reason,
            billing_account_id=billing_account_id,
            owner_account_id=owner_account_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            reviewed_at=reviewed_at,
            pricing=pricing,
            capacity=capacity,
        )

        return provider
