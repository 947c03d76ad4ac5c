from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.deployment_state import DeploymentState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pricing import Pricing
    from ..models.resources import Resources


T = TypeVar("T", bound="Deployment")


@_attrs_define
class Deployment:
    """
    Example:
        {'id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'name': 'inference-us-west-1', 'owner_account_id':
            '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'organization_id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
            'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
            'state': 'active', 'lease_id': 'lease-7f3a', 'resources': {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1},
            'pricing': {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price': '0.0425', 'interval':
            'hourly'}, {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'}, {'resource':
            'storage', 'unit': 'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit': 'gpu', 'price':
            '1.20', 'interval': 'hourly'}]}, 'created_at': '2026-11-02T10:05:03Z', 'updated_at': '2026-11-02T10:31:52Z',
            'accepted_at': '2026-11-02T10:31:52Z', 'closed_at': None}

    Attributes:
        id (UUID):
        name (str):
        owner_account_id (UUID): The account that created it. A deployment in an organization belongs to the
            organization (which is billed for it); its creator reaches it only as a current member.
        organization_id (None | UUID):
        provider_id (UUID):
        service_id (None | UUID):
        state (DeploymentState): `pending` until the provider accepts it; `active` while its lease runs; `closed` for
            good
            (closed by the tenant, or the provider reported the lease closed).
        lease_id (None | str): The provider's lease, once it accepted the deployment.
        resources (Resources): What a deployment asks of its provider.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        accepted_at (datetime.datetime | None):
        closed_at (datetime.datetime | None):
        pricing (Pricing | Unset):  Example: {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price':
            '0.0425', 'interval': 'hourly'}, {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'},
            {'resource': 'storage', 'unit': 'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit':
            'gpu', 'price': '1.20', 'interval': 'hourly'}]}.
    """

    id: UUID
    name: str
    owner_account_id: UUID
    organization_id: None | UUID
    provider_id: UUID
    service_id: None | UUID
    state: DeploymentState
    lease_id: None | str
    resources: Resources
    created_at: datetime.datetime
    updated_at: datetime.datetime
    accepted_at: datetime.datetime | None
    closed_at: datetime.datetime | None
    pricing: Pricing | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        owner_account_id = str(self.owner_account_id)

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        provider_id = str(self.provider_id)

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        state = self.state.value

        lease_id: None | str
        lease_id = self.lease_id

        resources = self.resources.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pricing, Unset):
            pricing = self.pricing.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "owner_account_id": owner_account_id,
                "organization_id": organization_id,
                "provider_id": provider_id,
                "service_id": service_id,
                "state": state,
                "lease_id": lease_id,
                "resources": resources,
                "created_at": created_at,
                "updated_at": updated_at,
                "accepted_at": accepted_at,
                "closed_at": closed_at,
            }
        )
        if pricing is not UNSET:
            field_dict["pricing"] = pricing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.pricing import Pricing
        from ..models.resources import Resources

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        owner_account_id = UUID(d.pop("owner_account_id"))

        def _parse_organization_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                organization_id_type_0 = UUID(data)

                return organization_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        organization_id = _parse_organization_id(d.pop("organization_id"))

        provider_id = UUID(d.pop("provider_id"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("service_id"))

        state = DeploymentState(d.pop("state"))

        def _parse_lease_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lease_id = _parse_lease_id(d.pop("lease_id"))

        resources = Resources.from_dict(d.pop("resources"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        _pricing = d.pop("pricing", UNSET)
        pricing: Pricing | Unset
        if isinstance(_pricing, Unset):
            pricing = UNSET
        else:
            pricing = Pricing.from_dict(_pricing)

        deployment = cls(
            id=id,
            name=name,
            owner_account_id=owner_account_id,
            organization_id=organization_id,
            provider_id=provider_id,
            service_id=service_id,
            state=state,
            lease_id=lease_id,
            resources=resources,
            created_at=created_at,
            updated_at=updated_at,
            accepted_at=accepted_at,
            closed_at=closed_at,
            pricing=pricing,
        )

        return deployment
