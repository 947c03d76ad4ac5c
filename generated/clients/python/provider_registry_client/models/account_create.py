from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.account_create_role import AccountCreateRole
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountCreate")


@_attrs_define
class AccountCreate:
    """
    Example:
        {'email': 'ada@example.com', 'password': 'correct horse battery staple', 'first_name': 'Ada', 'last_name':
            'Lovelace', 'role': 'consumer'}

    Attributes:
        email (str):  Example: ada@example.com.
        password (str): At least 12 characters and at most 72 bytes of UTF-8 (bcrypt's limit). Example: correct horse
            battery staple.
        first_name (str):  Example: Ada.
        last_name (str):  Example: Lovelace.
        role (AccountCreateRole | Unset): Self-registration may ask for `consumer` (the default) or `provider` only.
            Default: AccountCreateRole.CONSUMER.
    """

    email: str
    password: str
    first_name: str
    last_name: str
    role: AccountCreateRole | Unset = AccountCreateRole.CONSUMER

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        first_name = self.first_name

        last_name = self.last_name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

        _role = d.pop("role", UNSET)
        role: AccountCreateRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = AccountCreateRole(_role)

        account_create = cls(
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            role=role,
        )

        return account_create
