from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.usage_item_state import UsageItemState

T = TypeVar("T", bound="UsageItem")


@_attrs_define
class UsageItem:
    """What one deployment accrued in the period.

    Attributes:
        deployment_id (UUID):
        name (str):
        provider_id (UUID):
        organization_id (None | UUID):
        state (UsageItemState): Pending deployments accrue nothing and are never listed.
        hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a string.
            Example: 48.
        cpu_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a string.
            Example: 48.
        memory_gb_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a
            string. Example: 48.
        storage_gb_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a
            string. Example: 48.
        gpu_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a string.
            Example: 48.
        cost (str): A non-negative amount of money with at most 8 decimal places, as a string. Example: 12.5.
        currency (None | str): The provider's pricing currency; null when the provider has no pricing (cost "0").
    """

    deployment_id: UUID
    name: str
    provider_id: UUID
    organization_id: None | UUID
    state: UsageItemState
    hours: str
    cpu_hours: str
    memory_gb_hours: str
    storage_gb_hours: str
    gpu_hours: str
    cost: str
    currency: None | str

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        name = self.name

        provider_id = str(self.provider_id)

        organization_id: None | str
        if isinstance(self.organization_id, UUID):
            organization_id = str(self.organization_id)
        else:
            organization_id = self.organization_id

        state = self.state.value

        hours = self.hours

        cpu_hours = self.cpu_hours

        memory_gb_hours = self.memory_gb_hours

        storage_gb_hours = self.storage_gb_hours

        gpu_hours = self.gpu_hours

        cost = self.cost

        currency: None | str
        currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "name": name,
                "provider_id": provider_id,
                "organization_id": organization_id,
                "state": state,
                "hours": hours,
                "cpu_hours": cpu_hours,
                "memory_gb_hours": memory_gb_hours,
                "storage_gb_hours": storage_gb_hours,
                "gpu_hours": gpu_hours,
                "cost": cost,
                "currency": currency,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        name = d.pop("name")

        provider_id = UUID(d.pop("provider_id"))

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

        state = UsageItemState(d.pop("state"))

        hours = d.pop("hours")

        cpu_hours = d.pop("cpu_hours")

        memory_gb_hours = d.pop("memory_gb_hours")

        storage_gb_hours = d.pop("storage_gb_hours")

        gpu_hours = d.pop("gpu_hours")

        cost = d.pop("cost")

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        usage_item = cls(
            deployment_id=deployment_id,
            name=name,
            provider_id=provider_id,
            organization_id=organization_id,
            state=state,
            hours=hours,
            cpu_hours=cpu_hours,
            memory_gb_hours=memory_gb_hours,
            storage_gb_hours=storage_gb_hours,
            gpu_hours=gpu_hours,
            cost=cost,
            currency=currency,
        )

        return usage_item
