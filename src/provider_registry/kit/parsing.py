"""Typed request bodies: the generated Pydantic model of a body Connexion already validated.

The JSON schema and the model agree almost everywhere; where the model is stricter (an email
address pydantic rejects), the client still gets a 400 with the field, never a 500.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from provider_registry.kit.errors import FieldIssue, ValidationFailed

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
