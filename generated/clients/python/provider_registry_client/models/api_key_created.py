from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.api_key import ApiKey


T = TypeVar("T", bound="ApiKeyCreated")


@_attrs_define
class ApiKeyCreated:
    """
    Example:
        {'api_key': {'id': '7c2f4e1a-9b3d-4c5e-8f6a-0b1c2d3e4f50', 'key_prefix': 'prk_7c2f4e1a', 'name': 'CI deploy
            key', 'scopes': ['deployments:read', 'deployments:write'], 'expires_at': '2027-01-31T09:22:10Z', 'last_used_at':
            None, 'created_at': '2026-11-02T09:22:10Z'}, 'key':
            'prk_7c2f4e1a9b3d4c5e8f6a0b1c2d3e4f50_4f1c9a2e7b3d8c6f0a5e1d9b2c7f3a8e6d0b4c1f9e2a7d3b_d4d91b7d'}

    Attributes:
        api_key (ApiKey):
        key (str): The key itself. It is shown only in this response; store it now.
    """

    api_key: ApiKey
    key: str

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key.to_dict()

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_key": api_key,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.api_key import ApiKey

        d = dict(src_dict)
        api_key = ApiKey.from_dict(d.pop("api_key"))

        key = d.pop("key")

        api_key_created = cls(
            api_key=api_key,
            key=key,
        )

        return api_key_created
