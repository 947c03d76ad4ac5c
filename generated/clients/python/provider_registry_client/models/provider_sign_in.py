from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProviderSignIn")


@_attrs_define
class ProviderSignIn:
    """
    Example:
        {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'api_key':
            'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c7f2a9d4_cb5c2be0'}

    Attributes:
        provider_id (UUID):
        api_key (str):
    """

    provider_id: UUID
    api_key: str

    def to_dict(self) -> dict[str, Any]:
        provider_id = str(self.provider_id)

        api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider_id": provider_id,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        provider_id = UUID(d.pop("provider_id"))

        api_key = d.pop("api_key")

        provider_sign_in = cls(
            provider_id=provider_id,
            api_key=api_key,
        )

        return provider_sign_in
