from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.provider import Provider


T = TypeVar("T", bound="ProviderRegistered")


@_attrs_define
class ProviderRegistered:
    """
    Attributes:
        provider (Provider): A provider's full record, as the provider itself and admins see it.
        api_key (str): The provider's first API key. Shown only in this response: exchange it at
            `/api/v1/registration/auth` for tokens, or send it as `X-API-Key`.
    """

    provider: Provider
    api_key: str

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.to_dict()

        api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "provider": provider,
                "api_key": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider import Provider

        d = dict(src_dict)
        provider = Provider.from_dict(d.pop("provider"))

        api_key = d.pop("api_key")

        provider_registered = cls(
            provider=provider,
            api_key=api_key,
        )

        return provider_registered
