from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.usage_item import UsageItem
    from ..models.usage_period import UsagePeriod
    from ..models.usage_total import UsageTotal


T = TypeVar("T", bound="Usage")


@_attrs_define
class Usage:
    """
    Example:
        {'period': {'start': '2026-11-01T00:00:00Z', 'end': '2026-11-03T08:45:00Z'}, 'items': [{'deployment_id':
            'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'name': 'inference-us-west-1', 'provider_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'organization_id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'state':
            'active', 'hours': '10', 'cpu_hours': '80', 'memory_gb_hours': '640', 'storage_gb_hours': '2000', 'gpu_hours':
            '10', 'cost': '18.8739726', 'currency': 'USD'}], 'totals': [{'currency': 'USD', 'cost': '18.8739726'}],
            'truncated': False}

    Attributes:
        period (UsagePeriod): The current calendar month (UTC) from its first moment (`start`) up to the moment the
            usage was computed (`end`).
        items (list[UsageItem]): At most 1,000 deployments, newest first (by creation).
        totals (list[UsageTotal]): The sum of the listed items' costs per currency, sorted by currency. Items without a
            currency (unpriced providers) are not in any total.
        truncated (bool): True when more than 1,000 deployments accrued usage in the period; then `items` and `totals`
            cover the newest 1,000 only. Narrow the report with `organization_id`.
    """

    period: UsagePeriod
    items: list[UsageItem]
    totals: list[UsageTotal]
    truncated: bool

    def to_dict(self) -> dict[str, Any]:
        period = self.period.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "items": items,
                "totals": totals,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.usage_item import UsageItem
        from ..models.usage_period import UsagePeriod
        from ..models.usage_total import UsageTotal

        d = dict(src_dict)
        period = UsagePeriod.from_dict(d.pop("period"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = UsageItem.from_dict(items_item_data)

            items.append(items_item)

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = UsageTotal.from_dict(totals_item_data)

            totals.append(totals_item)

        truncated = d.pop("truncated")

        usage = cls(
            period=period,
            items=items,
            totals=totals,
            truncated=truncated,
        )

        return usage
