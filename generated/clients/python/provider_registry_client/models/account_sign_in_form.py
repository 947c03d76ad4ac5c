from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.account_sign_in_form_grant_type import AccountSignInFormGrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountSignInForm")


@_attrs_define
class AccountSignInForm:
    """OAuth2 password-grant style form login; `username` is the email address.

    Example:
        {'username': 'ada@example.com', 'password': 'correct horse battery staple', 'grant_type': 'password', 'scope':
            ''}

    Attributes:
        username (str):
        password (str):
        grant_type (AccountSignInFormGrantType | Unset):
        scope (str | Unset): Accepted for OAuth2 client compatibility and ignored: a password sign-in's tokens carry the
            scopes of the role.
    """

    username: str
    password: str
    grant_type: AccountSignInFormGrantType | Unset = UNSET
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        grant_type: str | Unset = UNSET
        if not isinstance(self.grant_type, Unset):
            grant_type = self.grant_type.value

        scope = self.scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
            }
        )
        if grant_type is not UNSET:
            field_dict["grant_type"] = grant_type
        if scope is not UNSET:
            field_dict["scope"] = scope

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        _grant_type = d.pop("grant_type", UNSET)
        grant_type: AccountSignInFormGrantType | Unset
        if isinstance(_grant_type, Unset):
            grant_type = UNSET
        else:
            grant_type = AccountSignInFormGrantType(_grant_type)

        scope = d.pop("scope", UNSET)

        account_sign_in_form = cls(
            username=username,
            password=password,
            grant_type=grant_type,
            scope=scope,
        )

        return account_sign_in_form
