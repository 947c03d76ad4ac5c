"""Optimistic concurrency over HTTP: ETags from a version number, and If-Match (RFC 9110)."""

from __future__ import annotations

from connexion import request as connexion_request

from provider_registry.kit.errors import DomainError


class PreconditionFailed(DomainError):
    status = 412
    code = "PRECONDITION_FAILED"
    title = "Precondition Failed"


def etag_for(version: int) -> str:
    return f'"{version}"'


def if_match_header() -> str | None:
    """The request's If-Match (Connexion validates header parameters but does not pass them)."""
    value: str | None = connexion_request.headers.get("if-match")
    return value


def check_if_match(current_etag: str, if_match: str | None, what: str) -> None:
    """``*`` or a list of ETags; weak ones compare by their opaque part. No header: no check."""
    if if_match is None:
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in candidates or current_etag in candidates:
        return
    raise PreconditionFailed(
        f"The {what} changed since you read it (its ETag is now {current_etag}); read it again "
        "and retry.",
        extra={"current_etag": current_etag},
    )
