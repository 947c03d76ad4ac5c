from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.password_grant_form_grant_type import PasswordGrantFormGrantType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PasswordGrantForm")


@_attrs_define
class PasswordGrantForm:
    """OAuth2 password-grant style form login; `username` is the email address.

    Attributes:
        username (str):
        password (str):
        grant_type (PasswordGrantFormGrantType | Unset):
        scope (str | Unset): Accepted for OAuth2 client compatibility and ignored: a password sign-in's tokens carry the
            scopes of the role.
    """

    username: str
    password: str
    grant_type: PasswordGrantFormGrantType | Unset = UNSET
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
        grant_type: PasswordGrantFormGrantType | Unset
        if isinstance(_grant_type, Unset):
            grant_type = UNSET
        else:
            grant_type = PasswordGrantFormGrantType(_grant_type)

        scope = d.pop("scope", UNSET)

        password_grant_form = cls(
            username=username,
            password=password,
            grant_type=grant_type,
            scope=scope,
        )

        return password_grant_form
