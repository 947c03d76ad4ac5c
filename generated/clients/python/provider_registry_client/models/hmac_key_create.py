from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="HmacKeyCreate")


@_attrs_define
class HmacKeyCreate:
    """
    Example:
        {'name': 'legacy billing sync'}

    Attributes:
        name (str):  Example: legacy billing sync.
    """

    name: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        hmac_key_create = cls(
            name=name,
        )

        return hmac_key_create
