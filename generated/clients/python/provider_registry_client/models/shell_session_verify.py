from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShellSessionVerify")


@_attrs_define
class ShellSessionVerify:
    """
    Example:
        {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIiwidHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZ
            S03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFt
            cGxlLTAxMjM0NTY3ODlhYg'}

    Attributes:
        token (str):
    """

    token: str

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token = d.pop("token")

        shell_session_verify = cls(
            token=token,
        )

        return shell_session_verify
