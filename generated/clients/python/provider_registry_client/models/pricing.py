from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.resource_price import ResourcePrice


T = TypeVar("T", bound="Pricing")


@_attrs_define
class Pricing:
    """
    Example:
        {'currency': 'USD', 'prices': [{'resource': 'cpu', 'unit': 'vcpu', 'price': '0.0425', 'interval': 'hourly'},
            {'resource': 'memory', 'unit': 'GiB', 'price': '0.005', 'interval': 'hourly'}, {'resource': 'storage', 'unit':
            'GiB', 'price': '0.10', 'interval': 'monthly'}, {'resource': 'gpu', 'unit': 'gpu', 'price': '1.20', 'interval':
            'hourly'}]}

    Attributes:
        currency (str): ISO 4217 code. Example: USD.
        prices (list[ResourcePrice]): At most one price per resource.
    """

    currency: str
    prices: list[ResourcePrice]

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        prices = []
        for prices_item_data in self.prices:
            prices_item = prices_item_data.to_dict()
            prices.append(prices_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "currency": currency,
                "prices": prices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.resource_price import ResourcePrice

        d = dict(src_dict)
        currency = d.pop("currency")

        prices = []
        _prices = d.pop("prices")
        for prices_item_data in _prices:
            prices_item = ResourcePrice.from_dict(prices_item_data)

            prices.append(prices_item)

        pricing = cls(
            currency=currency,
            prices=prices,
        )

        return pricing
