"""Success responses with an explicit JSON content type and compact bodies.

Returning a Flask Response (not a dict) sidesteps Connexion's pretty-printing jsonifier and the
500 it gives when an operation declares more than one JSON media type (CONNEXION-NOTES).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Response
from pydantic import BaseModel

JSON_MEDIA_TYPE = "application/json"


def json_response(
    payload: BaseModel | dict[str, Any] | list[Any],
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    if isinstance(payload, BaseModel):
        # Unset optional members are left out; members set to None (nullable ones) stay.
        body = payload.model_dump_json(exclude_unset=True)
    else:
        body = json.dumps(payload, separators=(",", ":"), default=str)
    return Response(body, status=status, headers=headers, mimetype=JSON_MEDIA_TYPE)


def empty_response(status: int = 204, headers: dict[str, str] | None = None) -> Response:
    response = Response(status=status, headers=headers)
    # No body, so no media type (Flask would default to text/html).
    del response.headers["Content-Type"]
    return response
