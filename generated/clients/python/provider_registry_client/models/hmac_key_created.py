from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.hmac_key import HmacKey


T = TypeVar("T", bound="HmacKeyCreated")


@_attrs_define
class HmacKeyCreated:
    """
    Example:
        {'hmac_key': {'id': '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', 'name': 'legacy billing sync', 'last_used_at': None,
            'created_at': '2026-11-02T09:24:30Z'}, 'secret': 'q3Jv9mX2c1T8bK4pZ7wN0sH6fD5gL2aY8eR1uC4iV0o='}

    Attributes:
        hmac_key (HmacKey):
        secret (str): Base64 of the 32-byte secret; sign with the decoded bytes. Shown only in this response.
    """

    hmac_key: HmacKey
    secret: str

    def to_dict(self) -> dict[str, Any]:
        hmac_key = self.hmac_key.to_dict()

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "hmac_key": hmac_key,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.hmac_key import HmacKey

        d = dict(src_dict)
        hmac_key = HmacKey.from_dict(d.pop("hmac_key"))

        secret = d.pop("secret")

        hmac_key_created = cls(
            hmac_key=hmac_key,
            secret=secret,
        )

        return hmac_key_created
