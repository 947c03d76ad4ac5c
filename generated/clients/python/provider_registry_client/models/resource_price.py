from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.resource_price_interval import ResourcePriceInterval
from ..models.resource_price_resource import ResourcePriceResource

T = TypeVar("T", bound="ResourcePrice")


@_attrs_define
class ResourcePrice:
    """
    Attributes:
        resource (ResourcePriceResource):
        unit (str): What one unit is (e.g. `vcpu`, `GiB`, `gpu`). Example: vcpu.
        price (str): A non-negative decimal with at most 8 decimal places, as a string (never a float). Example: 0.0425.
        interval (ResourcePriceInterval):
    """

    resource: ResourcePriceResource
    unit: str
    price: str
    interval: ResourcePriceInterval

    def to_dict(self) -> dict[str, Any]:
        resource = self.resource.value

        unit = self.unit

        price = self.price

        interval = self.interval.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "resource": resource,
                "unit": unit,
                "price": price,
                "interval": interval,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        resource = ResourcePriceResource(d.pop("resource"))

        unit = d.pop("unit")

        price = d.pop("price")

        interval = ResourcePriceInterval(d.pop("interval"))

        resource_price = cls(
            resource=resource,
            unit=unit,
            price=price,
            interval=interval,
        )

        return resource_price
