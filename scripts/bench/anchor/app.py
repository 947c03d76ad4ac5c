"""The benchmark anchor: a bare Connexion 3 ``FlaskApp`` doing what a framework must do for a
read (JWT bearer check with pyjwt HS256, routing, parameter validation, a 10-field JSON object)
and nothing else. Served by ``make bench`` as the real server is: gunicorn, uvicorn workers.

    BENCH_ANCHOR_JWT_SECRET=... gunicorn -k uvicorn_worker.UvicornWorker -w 2 --chdir DIR app:app
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import jwt
from connexion import FlaskApp
from connexion.exceptions import OAuthProblem

SECRET = os.environ["BENCH_ANCHOR_JWT_SECRET"]


def verify_token(token: str) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(token, SECRET, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise OAuthProblem(detail="invalid token") from exc
    return claims


def get_item(item_id: int) -> dict[str, Any]:
    return {
        "id": item_id,
        "name": f"item {item_id}",
        "description": "A benchmark item with a short description.",
        "owner": "bench",
        "price": 12.5,
        "currency": "USD",
        "quantity": 3,
        "active": True,
        "created_at": "2026-01-01T00:00:00Z",
        "tags": ["a", "b"],
    }


app = FlaskApp(__name__, specification_dir=Path(__file__).resolve().parent)
app.add_api("openapi.yaml", validate_responses=False)
