"""EdDSA mode: tokens signed with an Ed25519 key that other services verify from the JWKS."""

from __future__ import annotations

from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from starlette.testclient import TestClient

from provider_registry.config import ConfigError
from tests.conftest import MakeClient, MakeSettings, problem
from tests.identity.helpers import login, register

pytestmark = pytest.mark.integration


@pytest.fixture
def ed25519_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "jwt-ed25519.pem"
    path.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return path


def test_hs256_publishes_no_keys(client: TestClient) -> None:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    assert response.json() == {"keys": []}


def test_eddsa_tokens_verify_with_the_published_key(
    make_client: MakeClient, ed25519_key_file: Path
) -> None:
    client = make_client(jwt_algorithm="EdDSA", jwt_private_key_file=str(ed25519_key_file))
    account = register(client)
    token = login(client, account["email"])["access_token"]
    assert jwt.get_unverified_header(token)["alg"] == "EdDSA"

    (jwk,) = client.get("/.well-known/jwks.json").json()["keys"]
    assert jwk["kid"] == jwt.get_unverified_header(token)["kid"]
    assert set(jwk) == {"kty", "crv", "x", "kid", "use", "alg"}
    # Another service, with only the JWKS: no shared secret.
    public_key = jwt.PyJWK(jwk).key
    claims = jwt.decode(token, public_key, algorithms=["EdDSA"], audience="provider-registry-api")
    assert claims["sub"] == account["id"]

    assert (
        client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).json()["id"]
        == account["id"]
    )


def test_eddsa_mode_refuses_hmac_tokens(make_client: MakeClient, ed25519_key_file: Path) -> None:
    eddsa = make_client(jwt_algorithm="EdDSA", jwt_private_key_file=str(ed25519_key_file))
    hs256 = make_client()
    account = register(hs256)
    hmac_token = login(hs256, account["email"])["access_token"]
    problem(eddsa.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {hmac_token}"}), 401)


def test_eddsa_needs_a_key_file(make_settings: MakeSettings, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="private_key_file"):
        make_settings(jwt_algorithm="EdDSA")
    with pytest.raises(ConfigError, match="private_key_file"):
        make_settings(jwt_algorithm="EdDSA", jwt_private_key_file=str(tmp_path / "missing.pem"))
