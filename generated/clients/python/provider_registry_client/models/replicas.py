from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Replicas")


@_attrs_define
class Replicas:
    """
    Attributes:
        ready (int): At most `total` (else 422 `REPLICAS_READY_EXCEEDS_TOTAL`).
        total (int):
    """

    ready: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        ready = self.ready

        total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ready": ready,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ready = d.pop("ready")

        total = d.pop("total")

        replicas = cls(
            ready=ready,
            total=total,
        )

        return replicas
