from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.jwks_keys_item import JWKSKeysItem


T = TypeVar("T", bound="JWKS")


@_attrs_define
class JWKS:
    """
    Example:
        {'keys': [{'kty': 'OKP', 'crv': 'Ed25519', 'x': '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', 'kid':
            'NnQ3RldrX2xKcE1uV0ZqR1d4b0NmQ2dKSWVv', 'use': 'sig', 'alg': 'EdDSA'}]}

    Attributes:
        keys (list[JWKSKeysItem]):
    """

    keys: list[JWKSKeysItem]

    def to_dict(self) -> dict[str, Any]:
        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keys": keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.jwks_keys_item import JWKSKeysItem

        d = dict(src_dict)
        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = JWKSKeysItem.from_dict(keys_item_data)

            keys.append(keys_item)

        jwks = cls(
            keys=keys,
        )

        return jwks
