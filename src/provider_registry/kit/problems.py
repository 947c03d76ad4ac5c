"""Every error response, from any layer, becomes one RFC 9457 problem+json document here."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from connexion.exceptions import (
    BadRequestProblem,
    ExtraParameterProblem,
    ProblemException,
    UnsupportedMediaTypeProblem,
)
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from psycopg2.errors import LockNotAvailable, QueryCanceled
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from starlette.exceptions import HTTPException

from provider_registry.kit.context import current_request_id
from provider_registry.kit.errors import DomainError, FieldIssue

PROBLEM_MEDIA_TYPE = "application/problem+json"

log = structlog.get_logger("provider_registry.errors")

# Default title and code for a bare HTTP status.
_STATUS = {
    400: ("Bad Request", "BAD_REQUEST"),
    401: ("Unauthorized", "UNAUTHENTICATED"),
    403: ("Forbidden", "FORBIDDEN"),
    404: ("Not Found", "NOT_FOUND"),
    405: ("Method Not Allowed", "METHOD_NOT_ALLOWED"),
    406: ("Not Acceptable", "NOT_ACCEPTABLE"),
    409: ("Conflict", "CONFLICT"),
    412: ("Precondition Failed", "PRECONDITION_FAILED"),
    413: ("Payload Too Large", "PAYLOAD_TOO_LARGE"),
    415: ("Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE"),
    428: ("Precondition Required", "PRECONDITION_REQUIRED"),
    429: ("Too Many Requests", "RATE_LIMITED"),
    500: ("Internal Server Error", "INTERNAL_ERROR"),
    501: ("Not Implemented", "NOT_IMPLEMENTED"),
    502: ("Bad Gateway", "BAD_GATEWAY"),
    503: ("Service Unavailable", "SERVICE_UNAVAILABLE"),
}
_DETAIL = {
    404: "Nothing exists at this address.",
    405: "This address does not accept that method.",
    500: "An unexpected error occurred. Quote the request_id when reporting it.",
}


# The spec's Problem bounds (api/schemas/problem.yaml): at most this many field errors (a body
# with thousands of bad fields gets the first ones, in document order), and texts cut to fit.
MAX_FIELD_ERRORS = 100
MAX_TITLE_CHARS = 100
MAX_DETAIL_CHARS = 2000
MAX_INSTANCE_CHARS = 2048


def problem_type(code: str) -> str:
    return "urn:problem:provider-registry:" + code.lower().replace("_", "-")


def problem_body(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    title: str | None = None,
    errors: list[FieldIssue] | None = None,
    extra: dict[str, Any] | None = None,
    instance: str | None = None,
) -> dict[str, Any]:
    default_title, default_code = _STATUS.get(status, ("Error", "ERROR"))
    code = code or default_code
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": (title or default_title)[:MAX_TITLE_CHARS],
        "status": status,
        "detail": detail[:MAX_DETAIL_CHARS],
        "code": code,
        "request_id": current_request_id(),
    }
    if instance:
        body["instance"] = instance[:MAX_INSTANCE_CHARS]
    if errors:
        body["errors"] = [issue.as_dict() for issue in errors[:MAX_FIELD_ERRORS]]
    if extra:
        body.update({k: v for k, v in extra.items() if k not in body})
    return body


def problem_response(
    status: int,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    **fields: Any,
) -> ConnexionResponse:
    body = problem_body(status, detail, **fields)
    return ConnexionResponse(
        status_code=status,
        mimetype=PROBLEM_MEDIA_TYPE,
        content_type=PROBLEM_MEDIA_TYPE,
        body=json.dumps(body, separators=(",", ":")),
        headers=headers or {},
    )


def _path(request: ConnexionRequest) -> str:
    return str(request.url.path)


async def domain_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, DomainError)
    log.info("request.rejected", status=exc.status, code=exc.code, detail=exc.detail)
    return problem_response(
        exc.status,
        exc.detail,
        code=exc.code,
        title=exc.title,
        errors=exc.errors,
        extra=exc.extra,
        headers=exc.headers,
        instance=_path(request),
    )


def _connexion_code(exc: ProblemException) -> str | None:
    if isinstance(exc, ExtraParameterProblem):
        return "UNKNOWN_PARAMETER"
    if isinstance(exc, UnsupportedMediaTypeProblem):
        return "UNSUPPORTED_MEDIA_TYPE"
    if isinstance(exc, BadRequestProblem):
        return "VALIDATION_ERROR"
    return None


async def connexion_problem_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """Connexion's own problems: security (401/403), validation, media type, response checks."""
    assert isinstance(exc, ProblemException)
    status = int(exc.status)
    if status >= 500:
        # NonConformingResponse and friends: our bug, never the client's; say nothing inside.
        log.error("request.server_problem", status=status, detail=str(exc.detail))
        return problem_response(500, _DETAIL[500], instance=_path(request))
    detail = str(exc.detail or exc.title or _STATUS.get(status, ("Error",))[0])
    log.info("request.rejected", status=status, detail=detail)
    return problem_response(
        status,
        detail,
        code=_connexion_code(exc),
        headers=dict(exc.headers or {}),
        instance=_path(request),
    )


def http_exception_handler(
    allowed_methods: Callable[[str], list[str] | None],
) -> Callable[[ConnexionRequest, Exception], Awaitable[ConnexionResponse]]:
    """Routing errors (404, 405), Connexion's Forbidden and werkzeug errors Connexion re-raises.

    Starlette's 405 lists only the methods of the first route that matched the path; the spec
    knows them all, so ``Allow`` comes from there."""

    async def handle(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        headers = dict(exc.headers or {})
        if exc.status_code < 400:
            if any(name.lower() == "location" for name in headers):
                return ConnexionResponse(status_code=exc.status_code, headers=headers, body=b"")
            # A redirect that lost its target on the way (werkzeug's, re-raised by Connexion):
            # there is nothing at this address.
            return problem_response(404, _DETAIL[404], instance=_path(request))
        if exc.status_code == 405:
            methods = allowed_methods(_path(request))
            if methods:
                headers["Allow"] = ", ".join(methods)
        return _http_problem(request, exc, headers)

    return handle


def _http_problem(
    request: ConnexionRequest, exc: HTTPException, headers: dict[str, str]
) -> ConnexionResponse:
    status = exc.status_code
    if status >= 500:
        log.error("request.http_error", status=status, detail=exc.detail)
        return problem_response(500, _DETAIL[500], instance=_path(request))
    # Routing's 404/405 details (Starlette's or werkzeug's) are boilerplate: use ours.
    detail = _DETAIL.get(status) or str(exc.detail or _STATUS.get(status, ("Error",))[0])
    return problem_response(status, detail, headers=headers, instance=_path(request))


async def unhandled_exception_handler(
    request: ConnexionRequest, exc: Exception
) -> ConnexionResponse:
    log.error("request.unhandled_exception", exc_info=exc)
    return problem_response(500, _DETAIL[500], instance=_path(request))


async def database_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    if isinstance(exc, DataError):
        # A value the database refused (out of range, invalid text): the client's input, not
        # our outage. Validation should have caught it; this keeps it a 4xx if it did not.
        log.warning("request.data_error", error=str(exc.orig))
        return problem_response(
            400,
            "A value in the request cannot be stored.",
            code="VALIDATION_ERROR",
            instance=_path(request),
        )
    if isinstance(exc, IntegrityError):
        # A constraint caught what a service did not check first (a race): the client's data
        # conflicts with existing data. Services check first; this is the safety net.
        log.warning("request.integrity_error", error=str(exc.orig))
        return problem_response(
            409, "The request conflicts with existing data.", instance=_path(request)
        )
    # One line per failure, no traceback: an outage fails every request the same way, and a
    # traceback each would flood the log (16 KB per request) when it is least affordable.
    orig = getattr(exc, "orig", None) or exc
    first_line = (str(orig).strip().splitlines() or [""])[0][:200]
    timed_out = isinstance(orig, (QueryCanceled, LockNotAvailable))
    log.error(
        "request.database_timeout" if timed_out else "request.database_unavailable",
        error=f"{type(orig).__name__}: {first_line}",
    )
    return problem_response(
        503,
        "The database did not answer in time; retry shortly."
        if timed_out
        else "The database is unavailable; retry shortly.",
        instance=_path(request),
        headers={"Retry-After": "2" if timed_out else "5"},
    )


def register_error_handlers(
    app: Any, allowed_methods: Callable[[str], list[str] | None] = lambda _path: None
) -> None:
    """Register on the Connexion app (not on Flask), so Connexion's own errors are covered."""
    app.add_error_handler(DomainError, domain_error_handler)
    app.add_error_handler(IntegrityError, database_error_handler)
    app.add_error_handler(DataError, database_error_handler)
    app.add_error_handler(OperationalError, database_error_handler)
    app.add_error_handler(ProblemException, connexion_problem_handler)
    app.add_error_handler(HTTPException, http_exception_handler(allowed_methods))
    app.add_error_handler(Exception, unhandled_exception_handler)
