"""Typed request bodies: the generated Pydantic model of the object the body validator checked.

Handlers take no ``body`` argument (Connexion would re-parse the raw bytes for it); they call
``request_body(api.Model)``, which builds the model from the very object the validator parsed and
checked. The JSON schema and the model agree almost everywhere; where the model is stricter (an
email address pydantic rejects), the client still gets a 400 with the field, never a 500.
"""

from __future__ import annotations

from typing import Any, TypeVar

from connexion.context import scope as connexion_scope
from pydantic import BaseModel, ValidationError

from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.validation import VALIDATED_BODY_KEY

M = TypeVar("M", bound=BaseModel)


def parse_body(model: type[M], body: Any) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise ValidationFailed(
            "The request body is invalid.",
            errors=[
                FieldIssue(
                    ".".join(str(part) for part in error["loc"]),
                    error["msg"],
                    "INVALID_FORMAT"
                    if error["type"].endswith("email") or "email" in error["msg"]
                    else "INVALID_VALUE",
                )
                for error in exc.errors()
            ],
        ) from exc


_ABSENT = object()


def _validated_body() -> Any:
    return connexion_scope.get("extensions", {}).get(VALIDATED_BODY_KEY, _ABSENT)


def request_body(model: type[M]) -> M:
    """The request's body, as validated, parsed into ``model``."""
    body = _validated_body()
    if body is _ABSENT or body is None:
        # The operation declares a required body, so the validator ran; reaching here is a bug.
        raise LookupError("This request has no validated body.")
    return parse_body(model, body)


def optional_request_body(model: type[M]) -> M | None:
    """The body of an operation whose body is optional: None when the client sent none."""
    body = _validated_body()
    if body is _ABSENT or body is None:
        return None
    return parse_body(model, body)


def document(model: BaseModel) -> dict[str, Any]:
    """A nested part of a body as the JSON document to store: the fields the client sent (so
    a stored document says what it said), explicit per model, never a copy of unknown keys."""
    return model.model_dump(mode="json", exclude_unset=True)
