from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProviderAuthRequest")


@_attrs_define
class ProviderAuthRequest:
    """
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

        provider_auth_request = cls(
            provider_id=provider_id,
            api_key=api_key,
        )

        return provider_auth_request
