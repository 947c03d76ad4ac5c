from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.organization_read_role import OrganizationReadRole

T = TypeVar("T", bound="OrganizationRead")


@_attrs_define
class OrganizationRead:
    """
    Attributes:
        id (UUID):
        name (str):
        description (None | str):
        role (OrganizationReadRole): The caller's role in the organization; null for a platform admin who is not a
            member.
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: None | str
    role: OrganizationReadRole
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        description: None | str
        description = self.description

        role = self.role.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "role": role,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        role = OrganizationReadRole(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        organization_read = cls(
            id=id,
            name=name,
            description=description,
            role=role,
            created_at=created_at,
        )

        return organization_read
