"""JWT access and refresh tokens (pyjwt), with everything checked that pyjwt leaves to us.

- the algorithm is pinned (HS256 with a secret, or EdDSA with an Ed25519 key whose public half is
  published as a JWKS): ``alg: none`` and algorithm confusion are refused;
- ``exp iat nbf iss aud sub jti`` are required and ``iss``/``aud`` must match;
- the token type is in the header (``typ``) and a claim (``token_use``), so an access token is
  never accepted as a refresh token or the other way round.

Access tokens are presented on every request, so the claims of one that verified are kept (a
bounded table per process, keyed by the whole token): a later request with the same token skips
the signature check and claim parsing, but its time claims are checked again against the clock.
Nothing else about a token can change, and whatever can (the subject's epoch, the key it came
from) is checked against the database on every request by the caller.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from jwt.algorithms import OKPAlgorithm

from provider_registry.config import ConfigError, JWTSettings
from provider_registry.kit.timeutil import utcnow

# "shell": a deployment shell session, audienced to one provider (never valid against this API).
TokenUse = Literal["access", "refresh", "shell"]
_HEADER_TYPES: dict[TokenUse, str] = {"access": "at+jwt", "refresh": "rt+jwt", "shell": "shell+jwt"}
REQUIRED_CLAIMS = ["exp", "iat", "nbf", "iss", "aud", "sub", "jti"]
LEEWAY_SECONDS = 10
# Access tokens whose verified claims are kept (per process); the oldest is dropped first.
VERIFIED_CACHE_SIZE = 4096


class TokenError(Exception):
    """The token cannot be used; the message is safe to show."""


class TokenExpired(TokenError):
    pass


@dataclass(frozen=True)
class IssuedToken:
    token: str
    jti: uuid.UUID
    expires_at: datetime
    expires_in: int


def _thumbprint(jwk: dict[str, str]) -> str:
    """RFC 7638 key id: SHA-256 of the required members, sorted, compact."""
    required = {name: jwk[name] for name in ("crv", "kty", "x")}
    digest = hashlib.sha256(
        json.dumps(required, separators=(",", ":"), sort_keys=True).encode()
    ).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


class TokenCodec:
    def __init__(self, settings: JWTSettings) -> None:
        self.settings = settings
        self._public_jwks: list[dict[str, str]] = []
        self._kid: str | None = None
        self._signing_key: Any
        self._verifying_key: Any
        if settings.algorithm == "EdDSA":
            assert settings.private_key_file is not None  # checked by config
            try:
                private = serialization.load_pem_private_key(
                    settings.private_key_file.read_bytes(), password=None
                )
            except (OSError, ValueError, TypeError) as exc:
                raise ConfigError(
                    f"jwt.private_key_file cannot be read as a PEM key: {exc}"
                ) from exc
            if not isinstance(private, Ed25519PrivateKey):
                raise ConfigError("jwt.private_key_file must hold an Ed25519 private key for EdDSA")
            public = private.public_key()
            jwk: dict[str, str] = OKPAlgorithm.to_jwk(public, as_dict=True)
            self._kid = _thumbprint(jwk)
            self._public_jwks = [{**jwk, "kid": self._kid, "use": "sig", "alg": "EdDSA"}]
            self._signing_key, self._verifying_key = private, public
        else:
            self._signing_key = self._verifying_key = settings.secret
        self._verified: dict[tuple[str, str | None], dict[str, Any]] = {}
        self._verified_lock = threading.Lock()

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        """Public verification keys. Empty for HS256: a shared secret is never published."""
        return {"keys": list(self._public_jwks)}

    def issue(
        self,
        use: TokenUse,
        subject: uuid.UUID,
        claims: dict[str, Any],
        *,
        jti: uuid.UUID | None = None,
        audience: str | None = None,
        ttl_seconds: int | None = None,
    ) -> IssuedToken:
        now = utcnow()
        if ttl_seconds is not None:
            ttl = ttl_seconds
        elif use == "access":
            ttl = self.settings.access_ttl_seconds
        elif use == "refresh":
            ttl = self.settings.refresh_ttl_seconds
        else:  # a shell token's lifetime is the caller's setting, never a session's
            raise ValueError(f"{use} tokens need an explicit ttl_seconds")
        if ttl <= 0:
            raise ValueError("ttl_seconds must be positive")
        jti = jti or uuid.uuid4()
        expires_at = now + timedelta(seconds=ttl)
        payload = {
            **claims,
            "iss": self.settings.issuer,
            "aud": audience or self.settings.audience,
            "sub": str(subject),
            "jti": str(jti),
            "iat": now,
            "nbf": now,
            "exp": expires_at,
            "token_use": use,
        }
        headers = {"typ": _HEADER_TYPES[use]}
        if self._kid:
            headers["kid"] = self._kid
        token = jwt.encode(
            payload, self._signing_key, algorithm=self.settings.algorithm, headers=headers
        )
        return IssuedToken(token=token, jti=jti, expires_at=expires_at, expires_in=ttl)

    def decode(self, token: str, use: TokenUse, *, audience: str | None = None) -> dict[str, Any]:
        if use != "access":
            return self._verify(token, use, audience)
        key = (token, audience)
        claims = self._verified.get(key)
        if claims is None:
            claims = self._verify(token, use, audience)
            with self._verified_lock:
                if len(self._verified) >= VERIFIED_CACHE_SIZE:
                    self._verified.pop(next(iter(self._verified)), None)
                self._verified[key] = claims
        else:
            _check_times(claims)
        return dict(claims)

    def _verify(self, token: str, use: TokenUse, audience: str | None) -> dict[str, Any]:
        try:
            decoded = jwt.decode_complete(
                token,
                self._verifying_key,
                algorithms=[self.settings.algorithm],
                audience=audience or self.settings.audience,
                issuer=self.settings.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": REQUIRED_CLAIMS, "verify_signature": True},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenExpired("The token has expired.") from exc
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


def _check_times(claims: dict[str, Any]) -> None:
    """What pyjwt checks of a token's time claims, for claims verified earlier."""
    now = time.time()
    if now >= claims["exp"] + LEEWAY_SECONDS:
        raise TokenExpired("The token has expired.")
    if now < claims["nbf"] - LEEWAY_SECONDS:
        raise TokenError("The token is not valid yet.")
