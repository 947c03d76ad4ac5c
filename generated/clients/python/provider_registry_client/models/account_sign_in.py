from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AccountSignIn")


@_attrs_define
class AccountSignIn:
    """
    Example:
        {'email': 'ada@example.com', 'password': 'correct horse battery staple'}

    Attributes:
        email (str):  Example: ada@example.com.
        password (str):
    """

    email: str
    password: str

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        account_sign_in = cls(
            email=email,
            password=password,
        )

        return account_sign_in
