from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.organization_role import OrganizationRole

T = TypeVar("T", bound="OrganizationMember")


@_attrs_define
class OrganizationMember:
    """
    Attributes:
        member_id (UUID): The member's account id.
        email (None | str):
        wallet_address (None | str):
        role (OrganizationRole): A member's role in an organization. `admin` manages members and, like `member`, may
            change
            the organization's deployments and tickets; `viewer` only reads them.
        joined_at (datetime.datetime):
    """

    member_id: UUID
    email: None | str
    wallet_address: None | str
    role: OrganizationRole
    joined_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        member_id = str(self.member_id)

        email: None | str
        email = self.email

        wallet_address: None | str
        wallet_address = self.wallet_address

        role = self.role.value

        joined_at = self.joined_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "member_id": member_id,
                "email": email,
                "wallet_address": wallet_address,
                "role": role,
                "joined_at": joined_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        member_id = UUID(d.pop("member_id"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_wallet_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        wallet_address = _parse_wallet_address(d.pop("wallet_address"))

        role = OrganizationRole(d.pop("role"))

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        organization_member = cls(
            member_id=member_id,
            email=email,
            wallet_address=wallet_address,
            role=role,
            joined_at=joined_at,
        )

        return organization_member
