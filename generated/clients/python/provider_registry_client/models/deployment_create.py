from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resources_create import ResourcesCreate


T = TypeVar("T", bound="DeploymentCreate")


@_attrs_define
class DeploymentCreate:
    """
    Example:
        {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
            'organization_id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'inference-us-west-1', 'resources': {'cpu':
            8, 'memory': 64, 'storage': 200, 'gpu': 1}}

    Attributes:
        provider_id (UUID): An approved provider (else 422 `PROVIDER_NOT_AVAILABLE`).
        name (str): 1 to 100 characters, no control characters, not only spaces. Example: inference-eu-1.
        resources (ResourcesCreate): What to ask of the provider. Numbers take at most three decimal places
            (`TOO_MANY_DECIMALS`),
            and must fit the provider's declared capacity (422 `INSUFFICIENT_CAPACITY`).
        service_id (UUID | Unset): An `active` service of that provider (else 422 `SERVICE_NOT_AVAILABLE`).
        organization_id (UUID | Unset): An organization where you are an admin or member; its members then see the
            deployment
            (else 422 `ORGANIZATION_NOT_AVAILABLE`).
    """

    provider_id: UUID
    name: str
    resources: ResourcesCreate
    service_id: UUID | Unset = UNSET
    organization_id: UUID | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        provider_id = str(self.provider_id)

        name = self.name

        resources = self.resources.to_dict()

        service_id: str | Unset = UNSET
        if not isinstance(self.service_id, Unset):
            service_id = str(self.service_id)

        organization_id: str | Unset = UNSET
        if not isinstance(self.organization_id, Unset):
            organization_id = str(self.organization_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
                "name": name,
                "resources": resources,
            }
        )
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.resources_create import ResourcesCreate

        d = dict(src_dict)
        provider_id = UUID(d.pop("provider_id"))

        name = d.pop("name")

        resources = ResourcesCreate.from_dict(d.pop("resources"))

        _service_id = d.pop("service_id", UNSET)
        service_id: UUID | Unset
        if isinstance(_service_id, Unset):
            service_id = UNSET
        else:
            service_id = UUID(_service_id)

        _organization_id = d.pop("organization_id", UNSET)
        organization_id: UUID | Unset
        if isinstance(_organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = UUID(_organization_id)

        deployment_create = cls(
            provider_id=provider_id,
            name=name,
            resources=resources,
            service_id=service_id,
            organization_id=organization_id,
        )

        return deployment_create
