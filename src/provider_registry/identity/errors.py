from __future__ import annotations

from typing import ClassVar

from provider_registry.kit.errors import DomainError, NotFound


class Unauthenticated(DomainError):
    status = 401
    code = "UNAUTHENTICATED"
    title = "Unauthorized"

    def __init__(self, detail: str, **kwargs: object) -> None:
        super().__init__(detail, **kwargs)  # type: ignore[arg-type]
        self.headers.setdefault("WWW-Authenticate", 'Bearer realm="provider-registry"')


class InvalidCredentials(Unauthenticated):
    code = "INVALID_CREDENTIALS"


class InvalidToken(Unauthenticated):
    code = "INVALID_TOKEN"


class InvalidSignature(Unauthenticated):
    """A signed request whose headers or signature do not check out (``reason`` says which)."""

    code = "INVALID_SIGNATURE"


class StaleSignedRequest(Unauthenticated):
    code = "STALE_TIMESTAMP"


class ReplayedRequest(Unauthenticated):
    code = "NONCE_REUSED"


class RepeatedQueryParameter(DomainError):
    """A signed request names a query parameter twice: its signature covers both values, but only
    one would be read, so the request is ambiguous."""

    status = 400
    code = "REPEATED_QUERY_PARAMETER"
    title = "Bad Request"


class TokenReused(Unauthenticated):
    """A spent refresh token came back: its whole family is revoked, and that must stick."""

    code = "TOKEN_REUSED"
    keep_changes: ClassVar[bool] = True


class TokenRevoked(InvalidToken):
    """The subject is gone or disabled: its tokens were revoked, and that must stick."""

    keep_changes: ClassVar[bool] = True


class Forbidden(DomainError):
    status = 403
    code = "FORBIDDEN"
    title = "Forbidden"


class ScopeNotAllowed(Forbidden):
    code = "SCOPE_NOT_ALLOWED"


class EmailTaken(DomainError):
    status = 409
    code = "EMAIL_TAKEN"
    title = "Conflict"


class AccountGone(DomainError):
    status = 404
    code = "ACCOUNT_NOT_FOUND"
    title = "Not Found"


class ApiKeyNotFound(DomainError):
    status = 404
    code = "API_KEY_NOT_FOUND"
    title = "Not Found"


class HmacKeyNotFound(NotFound):
    code = "HMAC_KEY_NOT_FOUND"
