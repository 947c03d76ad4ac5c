from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.jwks_keys_item_alg import JWKSKeysItemAlg
from ..models.jwks_keys_item_crv import JWKSKeysItemCrv
from ..models.jwks_keys_item_kty import JWKSKeysItemKty
from ..models.jwks_keys_item_use import JWKSKeysItemUse

T = TypeVar("T", bound="JWKSKeysItem")


@_attrs_define
class JWKSKeysItem:
    """
    Attributes:
        kty (JWKSKeysItemKty):
        crv (JWKSKeysItemCrv):
        x (str): The public key, base64url.
        kid (str): RFC 7638 thumbprint; matches the `kid` header of tokens it verifies.
        use (JWKSKeysItemUse):
        alg (JWKSKeysItemAlg):
    """

    kty: JWKSKeysItemKty
    crv: JWKSKeysItemCrv
    x: str
    kid: str
    use: JWKSKeysItemUse
    alg: JWKSKeysItemAlg

    def to_dict(self) -> dict[str, Any]:
        kty = self.kty.value

        crv = self.crv.value

        x = self.x

        kid = self.kid

        use = self.use.value

        alg = self.alg.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kty": kty,
                "crv": crv,
                "x": x,
                "kid": kid,
                "use": use,
                "alg": alg,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kty = JWKSKeysItemKty(d.pop("kty"))

        crv = JWKSKeysItemCrv(d.pop("crv"))

        x = d.pop("x")

        kid = d.pop("kid")

        use = JWKSKeysItemUse(d.pop("use"))

        alg = JWKSKeysItemAlg(d.pop("alg"))

        jwks_keys_item = cls(
            kty=kty,
            crv=crv,
            x=x,
            kid=kid,
            use=use,
            alg=alg,
        )

        return jwks_keys_item
