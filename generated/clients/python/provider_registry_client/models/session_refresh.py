from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SessionRefresh")


@_attrs_define
class SessionRefresh:
    """
    Example:
        {'refresh_token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIiwidHlwIjoicnQrand0In0.eyJzdWIiOiI1YjFlMmM0ZC04ZjNhL
            TRlNmItOWM3ZC0xYTJiM2M0ZDVlNmYiLCJ0b2tlbl91c2UiOiJyZWZyZXNoIn0.c2lnbmF0dXJlLW9mLXRoZS1yZWZyZXNoLXRva2VuLWV4YW1wb
            GUtMDEyMzQ1Njc4OWFi'}

    Attributes:
        refresh_token (str):
    """

    refresh_token: str

    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "refresh_token": refresh_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        refresh_token = d.pop("refresh_token")

        session_refresh = cls(
            refresh_token=refresh_token,
        )

        return session_refresh
