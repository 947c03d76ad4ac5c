from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.account_status import AccountStatus
from ..models.role import Role

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """
    Example:
        {'id': '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'email': 'ada@example.com', 'wallet_address': None, 'first_name':
            'Ada', 'last_name': 'Lovelace', 'role': 'consumer', 'status': 'active', 'email_verified': False,
            'last_login_at': None, 'created_at': '2026-11-02T09:14:05Z', 'updated_at': '2026-11-02T09:14:05Z'}

    Attributes:
        id (UUID):
        email (None | str): Null for a wallet account (one created by its address's first signed request).
        wallet_address (None | str): The bech32 address of a wallet account; null for an email account.
        first_name (str):
        last_name (str):
        role (Role): `admin` (everything), `provider` (publishes services, runs deployments), `consumer` (uses
            services, manages deployments) or `viewer` (read-only).
        status (AccountStatus):
        email_verified (bool):
        last_login_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    email: None | str
    wallet_address: None | str
    first_name: str
    last_name: str
    role: Role
    status: AccountStatus
    email_verified: bool
    last_login_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email: None | str
        email = self.email

        wallet_address: None | str
        wallet_address = self.wallet_address

        first_name = self.first_name

        last_name = self.last_name

        role = self.role.value

        status = self.status.value

        email_verified = self.email_verified

        last_login_at: None | str
        if isinstance(self.last_login_at, datetime.datetime):
            last_login_at = self.last_login_at.isoformat()
        else:
            last_login_at = self.last_login_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "wallet_address": wallet_address,
                "first_name": first_name,
                "last_name": last_name,
                "role": role,
                "status": status,
                "email_verified": email_verified,
                "last_login_at": last_login_at,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        role = Role(d.pop("role"))

        status = AccountStatus(d.pop("status"))

        email_verified = d.pop("email_verified")

        def _parse_last_login_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_login_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_login_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_login_at = _parse_last_login_at(d.pop("last_login_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        account = cls(
            id=id,
            email=email,
            wallet_address=wallet_address,
            first_name=first_name,
            last_name=last_name,
            role=role,
            status=status,
            email_verified=email_verified,
            last_login_at=last_login_at,
            created_at=created_at,
            updated_at=updated_at,
        )

        return account
