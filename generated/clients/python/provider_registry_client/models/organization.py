from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.organization_role import OrganizationRole

T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """
    Example:
        {'id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'Acme Research', 'description': "The research team's GPU
            workloads.", 'role': 'admin', 'created_at': '2026-11-02T09:30:12Z'}

    Attributes:
        id (UUID):
        name (str):
        description (None | str):
        role (OrganizationRole): The caller's role in the organization; null for a platform admin who is not a member.
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    description: None | str
    role: OrganizationRole
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

        role = OrganizationRole(d.pop("role"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        organization = cls(
            id=id,
            name=name,
            description=description,
            role=role,
            created_at=created_at,
        )

        return organization
