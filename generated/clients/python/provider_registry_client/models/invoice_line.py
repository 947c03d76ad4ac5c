from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceLine")


@_attrs_define
class InvoiceLine:
    """One deployment's usage in the invoice's period, priced as the usage report prices it.

    Attributes:
        deployment_id (UUID):
        provider_id (UUID):
        description (str):
        cpu_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a string.
            Example: 48.
        memory_gb_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a
            string. Example: 48.
        storage_gb_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a
            string. Example: 48.
        gpu_hours (str): A non-negative quantity (hours or resource-hours) with at most 6 decimal places, as a string.
            Example: 48.
        amount (str): A non-negative amount of money with at most 8 decimal places, as a string. Example: 12.5.
    """

    deployment_id: UUID
    provider_id: UUID
    description: str
    cpu_hours: str
    memory_gb_hours: str
    storage_gb_hours: str
    gpu_hours: str
    amount: str

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        provider_id = str(self.provider_id)

        description = self.description

        cpu_hours = self.cpu_hours

        memory_gb_hours = self.memory_gb_hours

        storage_gb_hours = self.storage_gb_hours

        gpu_hours = self.gpu_hours

        amount = self.amount

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "provider_id": provider_id,
                "description": description,
                "cpu_hours": cpu_hours,
                "memory_gb_hours": memory_gb_hours,
                "storage_gb_hours": storage_gb_hours,
                "gpu_hours": gpu_hours,
                "amount": amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        provider_id = UUID(d.pop("provider_id"))

        description = d.pop("description")

        cpu_hours = d.pop("cpu_hours")

        memory_gb_hours = d.pop("memory_gb_hours")

        storage_gb_hours = d.pop("storage_gb_hours")

        gpu_hours = d.pop("gpu_hours")

        amount = d.pop("amount")

        invoice_line = cls(
            deployment_id=deployment_id,
            provider_id=provider_id,
            description=description,
            cpu_hours=cpu_hours,
            memory_gb_hours=memory_gb_hours,
            storage_gb_hours=storage_gb_hours,
            gpu_hours=gpu_hours,
            amount=amount,
        )

        return invoice_line
