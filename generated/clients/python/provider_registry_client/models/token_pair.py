from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.token_pair_token_type import TokenPairTokenType

T = TypeVar("T", bound="TokenPair")


@_attrs_define
class TokenPair:
    """
    Example:
        {'access_token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiI1YjFlMmM0ZC04ZjNhLT
            RlNmItOWM3ZC0xYTJiM2M0ZDVlNmYiLCJyb2xlIjoiY29uc3VtZXIifQ.c2lnbmF0dXJlLW9mLXRoZS1hY2Nlc3MtdG9rZW4tZXhhbXBsZS0wMTI
            zNDU2Nzg5YWI', 'token_type': 'bearer', 'expires_in': 900, 'refresh_token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNS
            bGRyIiwidHlwIjoicnQrand0In0.eyJzdWIiOiI1YjFlMmM0ZC04ZjNhLTRlNmItOWM3ZC0xYTJiM2M0ZDVlNmYiLCJ0b2tlbl91c2UiOiJyZWZy
            ZXNoIn0.c2lnbmF0dXJlLW9mLXRoZS1yZWZyZXNoLXRva2VuLWV4YW1wbGUtMDEyMzQ1Njc4OWFi'}

    Attributes:
        access_token (str): A short-lived JWT; send it as `Authorization: Bearer <token>`.
        token_type (TokenPairTokenType):
        expires_in (int): Seconds until the access token expires. Example: 900.
        refresh_token (str): Single use: exchange it at `/api/v1/auth/refresh` for a new pair. Presenting a spent
            refresh token revokes every token descended from the same login. A sign-in lasts at most
            `jwt.refresh_absolute_ttl_seconds` (30 days by default) from login, however often it is
            refreshed; no token of it expires later than that.
    """

    access_token: str
    token_type: TokenPairTokenType
    expires_in: int
    refresh_token: str

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type.value

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "access_token": access_token,
                "token_type": token_type,
                "expires_in": expires_in,
                "refresh_token": refresh_token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = TokenPairTokenType(d.pop("token_type"))

        expires_in = d.pop("expires_in")

        refresh_token = d.pop("refresh_token")

        token_pair = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            refresh_token=refresh_token,
        )

        return token_pair
