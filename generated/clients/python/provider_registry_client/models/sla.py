from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.sla_support_level import SlaSupportLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Sla")


@_attrs_define
class Sla:
    """
    Attributes:
        availability (float): Promised availability in percent. Example: 99.9.
        max_latency (int | Unset): Promised maximum latency in milliseconds. Example: 2000.
        support_level (SlaSupportLevel | Unset):
    """

    availability: float
    max_latency: int | Unset = UNSET
    support_level: SlaSupportLevel | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        availability = self.availability

        max_latency = self.max_latency

        support_level: str | Unset = UNSET
        if not isinstance(self.support_level, Unset):
            support_level = self.support_level.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "availability": availability,
            }
        )
        if max_latency is not UNSET:
            field_dict["max_latency"] = max_latency
        if support_level is not UNSET:
            field_dict["support_level"] = support_level

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        availability = d.pop("availability")

        max_latency = d.pop("max_latency", UNSET)

        _support_level = d.pop("support_level", UNSET)
        support_level: SlaSupportLevel | Unset
        if isinstance(_support_level, Unset):
            support_level = UNSET
        else:
            support_level = SlaSupportLevel(_support_level)

        sla = cls(
            availability=availability,
            max_latency=max_latency,
            support_level=support_level,
        )

        return sla
