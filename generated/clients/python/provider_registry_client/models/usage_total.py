from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UsageTotal")


@_attrs_define
class UsageTotal:
    """
    Attributes:
        currency (str): ISO 4217 code, as the provider priced in. Example: USD.
        cost (str): A non-negative amount of money with at most 8 decimal places, as a string. Example: 12.5.
    """

    currency: str
    cost: str

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        cost = self.cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "cost": cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        currency = d.pop("currency")

        cost = d.pop("cost")

        usage_total = cls(
            currency=currency,
            cost=cost,
        )

        return usage_total
