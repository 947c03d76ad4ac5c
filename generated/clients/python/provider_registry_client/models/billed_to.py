from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.billed_to_kind import BilledToKind

T = TypeVar("T", bound="BilledTo")


@_attrs_define
class BilledTo:
    """Who the invoice is addressed to. A deployment that belongs to an organization is billed to the organization, any
    other to the account that owns it.

        Attributes:
            kind (BilledToKind):
            id (UUID):
    """

    kind: BilledToKind
    id: UUID

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = str(self.id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = BilledToKind(d.pop("kind"))

        id = UUID(d.pop("id"))

        billed_to = cls(
            kind=kind,
            id=id,
        )

        return billed_to
