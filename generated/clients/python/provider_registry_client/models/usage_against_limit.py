from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UsageAgainstLimit")


@_attrs_define
class UsageAgainstLimit:
    """
    Attributes:
        usage (float): The last reported usage (vCPUs, GiB, GiB or GPUs); 0 before any report.
        limit (float): The deployment's resources.
    """

    usage: float
    limit: float

    def to_dict(self) -> dict[str, Any]:
        usage = self.usage

        limit = self.limit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "usage": usage,
                "limit": limit,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        usage = d.pop("usage")

        limit = d.pop("limit")

        usage_against_limit = cls(
            usage=usage,
            limit=limit,
        )

        return usage_against_limit
