from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProviderReject")


@_attrs_define
class ProviderReject:
    """
    Example:
        {'rejection_reason': 'The endpoints did not answer our health check; fix them and register again.'}

    Attributes:
        rejection_reason (str):
    """

    rejection_reason: str

    def to_dict(self) -> dict[str, Any]:
        rejection_reason = self.rejection_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rejection_reason": rejection_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rejection_reason = d.pop("rejection_reason")

        provider_reject = cls(
            rejection_reason=rejection_reason,
        )

        return provider_reject
