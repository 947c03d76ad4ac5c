"""JWT access and refresh tokens (pyjwt), with everything checked that pyjwt leaves to us.

- the algorithm is pinned (HS256): ``alg: none`` and algorithm confusion are refused;
- ``exp iat nbf iss aud sub jti`` are required and ``iss``/``aud`` must match;
- the token type is in the header (``typ``) and a claim (``token_use``), so an access token is
  never accepted as a refresh token or the other way round.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import jwt

from provider_registry.config import JWTSettings
from provider_registry.kit.timeutil import utcnow

TokenUse = Literal["access", "refresh"]
_HEADER_TYPES: dict[TokenUse, str] = {"access": "at+jwt", "refresh": "rt+jwt"}
REQUIRED_CLAIMS = ["exp", "iat", "nbf", "iss", "aud", "sub", "jti"]
LEEWAY_SECONDS = 10


class TokenError(Exception):
    """The token cannot be used; the message is safe to show."""


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: uuid.UUID
    expires_at: datetime
    expires_in: int


class TokenCodec:
    def __init__(self, settings: JWTSettings) -> None:
        self.settings = settings
        self._key = settings.secret

    def issue(
        self,
        use: TokenUse,
        subject: uuid.UUID,
        claims: dict[str, Any],
        *,
        jti: uuid.UUID | None = None,
    ) -> IssuedToken:
        now = utcnow()
        ttl = (
            self.settings.access_ttl_seconds
            if use == "access"
            else self.settings.refresh_ttl_seconds
        )
        jti = jti or uuid.uuid4()
        expires_at = now + timedelta(seconds=ttl)
        payload = {
            **claims,
            "iss": self.settings.issuer,
            "aud": self.settings.audience,
            "sub": str(subject),
            "jti": str(jti),
            "iat": now,
            "nbf": now,
            "exp": expires_at,
            "token_use": use,
        }
        token = jwt.encode(
            payload,
            self._key,
            algorithm=self.settings.algorithm,
            headers={"typ": _HEADER_TYPES[use]},
        )
        return IssuedToken(token=token, jti=jti, expires_at=expires_at, expires_in=ttl)

    def decode(self, token: str, use: TokenUse) -> dict[str, Any]:
        try:
            decoded = jwt.decode_complete(
                token,
                self._key,
                algorithms=[self.settings.algorithm],
                audience=self.settings.audience,
                issuer=self.settings.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": REQUIRED_CLAIMS, "verify_signature": True},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenError("The token has expired.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise TokenError("The token is not valid yet.") from exc
        except jwt.PyJWTError as exc:
            raise TokenError("The token is not valid.") from exc
        header, claims = decoded["header"], decoded["payload"]
        if header.get("typ") != _HEADER_TYPES[use] or claims.get("token_use") != use:
            raise TokenError(
                f"This is not an {use} token." if use == "access" else f"This is not a {use} token."
            )
        try:
            claims["sub"] = uuid.UUID(str(claims["sub"]))
            claims["jti"] = uuid.UUID(str(claims["jti"]))
        except ValueError as exc:
            raise TokenError("The token is not valid.") from exc
        return dict(claims)
