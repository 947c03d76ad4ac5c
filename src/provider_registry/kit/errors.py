"""The one error type a domain raises; ``kit.problems`` turns it into problem+json."""

from __future__ import annotations

from typing import Any, ClassVar

MAX_FIELD_CHARS = 256
MAX_MESSAGE_CHARS = 500


class FieldIssue:
    """One offending field, reported in a problem's ``errors`` list."""

    __slots__ = ("code", "field", "message")

    def __init__(self, field: str, message: str, code: str) -> None:
        self.field = field
        self.message = message
        self.code = code

    def as_dict(self) -> dict[str, str]:
        # The spec's FieldError bounds: a field name or message taken from the request (an
        # unknown field, a long path) is cut to fit rather than echoed whole.
        return {
            "field": self.field[:MAX_FIELD_CHARS],
            "message": self.message[:MAX_MESSAGE_CHARS],
            "code": self.code,
        }

    def __repr__(self) -> str:
        return f"FieldIssue({self.field!r}, {self.message!r}, {self.code!r})"


class DomainError(Exception):
    """A failure the client can act on. Subclasses fix ``status``, ``code`` and ``title``.

    ``extra`` members are added to the problem body (e.g. ``current_status``); ``headers`` to
    the response (e.g. ``Retry-After``).
    """

    status: ClassVar[int] = 400
    code: ClassVar[str] = "BAD_REQUEST"
    title: ClassVar[str] = "Bad Request"
    # Normally a failed request keeps nothing it wrote. An error that must persist what was done
    # before it was raised (a revocation after detecting token theft) sets this.
    keep_changes: ClassVar[bool] = False

    def __init__(
        self,
        detail: str,
        *,
        errors: list[FieldIssue] | None = None,
        extra: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []
        self.extra = extra or {}
        self.headers = headers or {}


class ValidationFailed(DomainError):
    status = 400
    code = "VALIDATION_ERROR"
    title = "Bad Request"


class MalformedBody(DomainError):
    status = 400
    code = "MALFORMED_BODY"
    title = "Bad Request"


class UnsupportedCharset(DomainError):
    status = 415
    code = "UNSUPPORTED_CHARSET"
    title = "Unsupported Media Type"


class NotFound(DomainError):
    status = 404
    code = "NOT_FOUND"
    title = "Not Found"


class Conflict(DomainError):
    status = 409
    code = "CONFLICT"
    title = "Conflict"


class PayloadTooLarge(DomainError):
    status = 413
    code = "PAYLOAD_TOO_LARGE"
    title = "Payload Too Large"


class ServiceUnavailable(DomainError):
    status = 503
    code = "SERVICE_UNAVAILABLE"
    title = "Service Unavailable"
