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
        pricing (Pricing | Unset):
        capacity (Capacity | Unset):
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
