"""Test data for providers: one RSA key per run, registrations through the real API."""

from __future__ import annotations

import functools
import uuid
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from starlette.testclient import TestClient

from tests.identity.helpers import login, register


@functools.cache
def rsa_public_pem(bits: int = 2048, form: str = "pkix") -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits).public_key()
    fmt = (
        serialization.PublicFormat.SubjectPublicKeyInfo
        if form == "pkix"
        else serialization.PublicFormat.PKCS1
    )
    return key.public_bytes(serialization.Encoding.PEM, fmt).decode()


@functools.cache
def ec_public_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def registration(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "ACME Compute",
        "email": f"ops-{uuid.uuid4().hex[:10]}@acme.example",
        "organization": "ACME Corp",
        "public_key": rsa_public_pem(),
        "endpoints": [
            {
                "type": "api",
                "url": "https://api.acme.example:8443",
                "protocol": "https",
                "secure": True,
            }
        ],
        "metadata": {
            "region": "us-west-2",
            "supported_formats": ["ONNX", "TensorRT"],
            "capabilities": ["inference"],
            "software_version": "1.4.2",
        },
        "terms": True,
    }
    body.update(overrides)
    return body


def register_provider(client: TestClient, **overrides: Any) -> dict[str, Any]:
    response = client.post("/api/v1/registration/register", json=registration(**overrides))
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def provider_session(client: TestClient, registered: dict[str, Any]) -> dict[str, str]:
    response = client.post(
        "/api/v1/registration/auth",
        json={"provider_id": registered["provider"]["id"], "api_key": registered["api_key"]},
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def admin_session(client: TestClient, database_url: str) -> dict[str, str]:
    from sqlalchemy import create_engine, text

    account = register(client)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET role = 'admin' WHERE id = :id"), {"id": account["id"]}
        )
    engine.dispose()
    return {"Authorization": f"Bearer {login(client, account['email'])['access_token']}"}
