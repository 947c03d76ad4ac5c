from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.organization_invitation_status import OrganizationInvitationStatus
from ..models.organization_role import OrganizationRole

T = TypeVar("T", bound="OrganizationInvitation")


@_attrs_define
class OrganizationInvitation:
    """An invitation to join an organization. It names the invitee exactly as the inviting admin did (an account id or an
    email address), never anything else about an account.

        Example:
            {'id': 'e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b', 'organization_id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
                'organization_name': 'Acme Research', 'account_id': None, 'email': 'grace@example.com', 'role': 'member',
                'status': 'pending', 'invited_by': '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'created_at': '2026-11-02T09:31:05Z',
                'responded_at': None}

        Attributes:
            id (UUID):
            organization_id (UUID):
            organization_name (str):
            account_id (None | UUID): The account id the invitation was sent to, if it was sent to one.
            email (None | str): The email address (lower-cased) the invitation was sent to, if it was sent to one.
            role (OrganizationRole): A member's role in an organization. `admin` manages members and, like `member`, may
                change
                the organization's deployments and tickets; `viewer` only reads them.
            status (OrganizationInvitationStatus):
            invited_by (UUID):
            created_at (datetime.datetime):
            responded_at (datetime.datetime | None):
    """

    id: UUID
    organization_id: UUID
    organization_name: str
    account_id: None | UUID
    email: None | str
    role: OrganizationRole
    status: OrganizationInvitationStatus
    invited_by: UUID
    created_at: datetime.datetime
    responded_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        organization_id = str(self.organization_id)

        organization_name = self.organization_name

        account_id: None | str
        if isinstance(self.account_id, UUID):
            account_id = str(self.account_id)
        else:
            account_id = self.account_id

        email: None | str
        email = self.email

        role = self.role.value

        status = self.status.value

        invited_by = str(self.invited_by)

        created_at = self.created_at.isoformat()

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "organization_id": organization_id,
                "organization_name": organization_name,
                "account_id": account_id,
                "email": email,
                "role": role,
                "status": status,
                "invited_by": invited_by,
                "created_at": created_at,
                "responded_at": responded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        organization_id = UUID(d.pop("organization_id"))

        organization_name = d.pop("organization_name")

        def _parse_account_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                account_id_type_0 = UUID(data)

                return account_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        account_id = _parse_account_id(d.pop("account_id"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        role = OrganizationRole(d.pop("role"))

        status = OrganizationInvitationStatus(d.pop("status"))

        invited_by = UUID(d.pop("invited_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        organization_invitation = cls(
            id=id,
            organization_id=organization_id,
            organization_name=organization_name,
            account_id=account_id,
            email=email,
            role=role,
            status=status,
            invited_by=invited_by,
            created_at=created_at,
            responded_at=responded_at,
        )

        return organization_invitation
