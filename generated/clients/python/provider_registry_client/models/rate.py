from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Rate")


@_attrs_define
class Rate:
    """
    Attributes:
        unit (str):  Example: 1k tokens.
        rate (str): A non-negative decimal with at most 8 decimal places, as a string (never a float). Example: 0.03.
        tier (str | Unset):  Example: standard.
        input_rate (str | Unset): A non-negative decimal with at most 8 decimal places, as a string (never a float).
            Example: 0.03.
        output_rate (str | Unset): A non-negative decimal with at most 8 decimal places, as a string (never a float).
            Example: 0.03.
    """

    unit: str
    rate: str
    tier: str | Unset = UNSET
    input_rate: str | Unset = UNSET
    output_rate: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit

        rate = self.rate

        tier = self.tier

        input_rate = self.input_rate

        output_rate = self.output_rate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit": unit,
                "rate": rate,
            }
        )
        if tier is not UNSET:
            field_dict["tier"] = tier
        if input_rate is not UNSET:
            field_dict["input_rate"] = input_rate
        if output_rate is not UNSET:
            field_dict["output_rate"] = output_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        unit = d.pop("unit")

        rate = d.pop("rate")

        tier = d.pop("tier", UNSET)

        input_rate = d.pop("input_rate", UNSET)

        output_rate = d.pop("output_rate", UNSET)

        rate = cls(
            unit=unit,
            rate=rate,
            tier=tier,
            input_rate=input_rate,
            output_rate=output_rate,
        )

        return rate
