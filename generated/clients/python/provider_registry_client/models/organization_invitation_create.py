from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.organization_role import OrganizationRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganizationInvitationCreate")


@_attrs_define
class OrganizationInvitationCreate:
    """Exactly one of `account_id` and `email` names the account to invite (else `EXACTLY_ONE_MEMBER_IDENTIFIER`).

    Example:
        {'email': 'grace@example.com', 'role': 'member'}

    Attributes:
        role (OrganizationRole): A member's role in an organization. `admin` manages members and, like `member`, may
            change
            the organization's deployments and tickets; `viewer` only reads them.
        account_id (UUID | Unset):
        email (str | Unset):  Example: grace@example.com.
    """

    role: OrganizationRole
    account_id: UUID | Unset = UNSET
    email: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = OrganizationRole(d.pop("role"))

        _account_id = d.pop("account_id", UNSET)
        account_id: UUID | Unset
        if isinstance(_account_id, Unset):
            account_id = UNSET
        else:
            account_id = UUID(_account_id)

        email = d.pop("email", UNSET)

        organization_invitation_create = cls(
            role=role,
            account_id=account_id,
            email=email,
        )

        return organization_invitation_create
