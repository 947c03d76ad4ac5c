"""Small factories for identity tests: accounts, sign-ins and keys through the real API."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.testclient import TestClient

PASSWORD = "a sufficiently long password"


def register(
    client: TestClient,
    *,
    email: str | None = None,
    role: str = "consumer",
    password: str = PASSWORD,
) -> dict[str, Any]:
    email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": email,
            "password": password,
            "first_name": "Ada",
            "last_name": "Lovelace",
            "role": role,
        },
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def login(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def signed_in(client: TestClient, role: str = "consumer") -> tuple[dict[str, Any], dict[str, str]]:
    """A new account and the Authorization header of its session."""
    account = register(client, role=role)
    tokens = login(client, account["email"])
    return account, {"Authorization": f"Bearer {tokens['access_token']}"}


def create_key(
    client: TestClient, auth: dict[str, str], scopes: list[str], **extra: Any
) -> dict[str, Any]:
    response = client.post(
        "/api/v1/auth/api-keys", json={"name": "key", "scopes": scopes, **extra}, headers=auth
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body
