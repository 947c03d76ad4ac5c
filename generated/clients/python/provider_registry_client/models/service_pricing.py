from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.service_pricing_model import ServicePricingModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rate import Rate


T = TypeVar("T", bound="ServicePricing")


@_attrs_define
class ServicePricing:
    """
    Attributes:
        model (ServicePricingModel):
        rates (list[Rate]):
        currency (str | Unset):  Default: 'USD'.
    """

    model: ServicePricingModel
    rates: list[Rate]
    currency: str | Unset = "USD"

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        rates = []
        for rates_item_data in self.rates:
            rates_item = rates_item_data.to_dict()
            rates.append(rates_item)

        currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model": model,
                "rates": rates,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.rate import Rate

        d = dict(src_dict)
        model = ServicePricingModel(d.pop("model"))

        rates = []
        _rates = d.pop("rates")
        for rates_item_data in _rates:
            rates_item = Rate.from_dict(rates_item_data)

            rates.append(rates_item)

        currency = d.pop("currency", UNSET)

        service_pricing = cls(
            model=model,
            rates=rates,
            currency=currency,
        )

        return service_pricing
