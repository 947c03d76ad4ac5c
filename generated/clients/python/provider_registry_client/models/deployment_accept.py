from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentAccept")


@_attrs_define
class DeploymentAccept:
    """Optional; an empty request body is the same as `{}`.

    Example:
        {'lease_id': 'lease-7f3a'}

    Attributes:
        lease_id (str | Unset): The provider's own lease id; one is generated when absent. Example: lease-7f3a.
    """

    lease_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lease_id = self.lease_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if lease_id is not UNSET:
            field_dict["lease_id"] = lease_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        lease_id = d.pop("lease_id", UNSET)

        deployment_accept = cls(
            lease_id=lease_id,
        )

        return deployment_accept
