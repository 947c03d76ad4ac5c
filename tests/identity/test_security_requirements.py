"""Each operation's ``security`` requirements, as the caller sees them: which credentials an
operation accepts, and the 401 that says what was wrong. Pinned response by response, so the
layer that enforces them can change without a client noticing."""

from __future__ import annotations

import secrets
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from starlette.testclient import TestClient

from provider_registry.identity import client_signing
from provider_registry.identity.security import SCHEMES, requirements
from tests.conftest import MakeClient, problem
from tests.identity.helpers import create_key, signed_in

ME = "/api/v1/auth/me"
KEYS = "/api/v1/auth/api-keys"  # bearerAuth only
NO_CREDENTIALS = "No authorization token provided"
BAD_TOKEN = "Provided token is not valid"
BAD_KEY = "Provided apikey is not valid"


@pytest.fixture
def wallet_client(make_client: MakeClient) -> TestClient:
    return make_client(wallet_address_prefix="cosmos")


def wallet_headers(path: str, *, tamper: bool = False) -> dict[str, str]:
    headers = client_signing.sign_wallet_request(
        ec.generate_private_key(ec.SECP256K1()),
        prefix="cosmos",
        method="GET",
        path=path,
        query_string="",
        body=b"",
        timestamp=str(time.time_ns() // 1_000_000),
        nonce=secrets.token_hex(16),
    )
    if tamper:
        headers["X-VE-Nonce"] = secrets.token_hex(16)  # no longer what was signed
    return headers


def unauthenticated(response: Any, detail: str, code: str = "UNAUTHENTICATED") -> None:
    body = problem(response, 401, code)
    assert body["detail"] == detail


@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({}, NO_CREDENTIALS),
        ({"Authorization": "Basic YTpi"}, NO_CREDENTIALS),  # a scheme no operation accepts
        ({"Authorization": "Bearer"}, "Invalid authorization header"),
        ({"Authorization": "Bearer not-a-token"}, BAD_TOKEN),
        ({"X-API-Key": "pr_not_a_key"}, BAD_KEY),
        ({"X-API-Key": ""}, BAD_KEY),
        ({"X-VE-Key-Id": "hk_unknown"}, BAD_KEY),  # HMAC without the rest of its headers
    ],
)
def test_missing_or_invalid_credentials_get_a_401_saying_which(
    wallet_client: TestClient, headers: dict[str, str], detail: str
) -> None:
    unauthenticated(wallet_client.get(ME, headers=headers), detail)


def test_a_bad_wallet_signature_says_why(wallet_client: TestClient) -> None:
    response = wallet_client.get(ME, headers=wallet_headers(ME, tamper=True))
    problem(response, 401, "INVALID_SIGNATURE")


def test_of_several_failed_credentials_the_last_scheme_tried_answers(
    wallet_client: TestClient,
) -> None:
    # bearerAuth, apiKeyAuth, walletAuth, hmacAuth are tried in the spec's order; each failure
    # is a 401 and the last one is the answer.
    headers = {"Authorization": "Bearer not-a-token", **wallet_headers(ME, tamper=True)}
    problem(wallet_client.get(ME, headers=headers), 401, "INVALID_SIGNATURE")
    headers = {"Authorization": "Bearer not-a-token", "X-API-Key": "pr_not_a_key"}
    unauthenticated(wallet_client.get(ME, headers=headers), BAD_KEY)


def test_a_failed_credential_does_not_stop_an_accepted_one(wallet_client: TestClient) -> None:
    _, auth = signed_in(wallet_client)
    key = create_key(wallet_client, auth, ["account:read"])["key"]
    response = wallet_client.get(
        ME, headers={"Authorization": "Bearer not-a-token", "X-API-Key": key}
    )
    assert response.status_code == 200, response.text
    assert response.json()["auth_method"] == "api_key"


def test_each_accepted_scheme_authenticates(wallet_client: TestClient) -> None:
    _, auth = signed_in(wallet_client)
    key = create_key(wallet_client, auth, ["account:read"])["key"]
    for headers, method in (
        (auth, "bearer"),
        ({"X-API-Key": key}, "api_key"),
        (wallet_headers(ME), "wallet"),
    ):
        response = wallet_client.get(ME, headers=headers)
        assert response.status_code == 200, response.text
        assert response.json()["auth_method"] == method


def test_an_operation_refuses_schemes_it_does_not_declare(wallet_client: TestClient) -> None:
    _, auth = signed_in(wallet_client)
    key = create_key(wallet_client, auth, ["account:read", "keys:read"])["key"]
    assert wallet_client.get(KEYS, headers=auth).status_code == 200
    # A valid API key or wallet signature is no credential for a bearer-only operation.
    unauthenticated(wallet_client.get(KEYS, headers={"X-API-Key": key}), NO_CREDENTIALS)
    unauthenticated(wallet_client.get(KEYS, headers=wallet_headers(KEYS)), NO_CREDENTIALS)


def test_optional_credentials_may_be_absent_but_not_wrong(client: TestClient) -> None:
    # GET /services/{id}: security [{}, bearerAuth, apiKeyAuth]; anonymous callers see less.
    missing = "/api/v1/services/00000000-0000-4000-8000-000000000000"
    problem(client.get(missing), 404)
    unauthenticated(
        client.get(missing, headers={"Authorization": "Bearer not-a-token"}),
        "The credentials are not valid.",
    )


BEARER = {"type": "http", "scheme": "bearer"}
API_KEY = {"type": "apiKey", "in": "header", "name": "X-API-Key"}


def test_requirements_follow_the_spec_or_the_server_does_not_start() -> None:
    found = requirements([{}, {"bearerAuth": []}], {"bearerAuth": BEARER})
    assert found == (None, SCHEMES["bearerAuth"])
    with pytest.raises(ValueError, match="not one this server implements"):
        requirements([{"apiKeyAuth": []}], {"apiKeyAuth": {**API_KEY, "name": "X-Key"}})
    with pytest.raises(ValueError, match="not one this server implements"):
        requirements([{"cookieAuth": []}], {"cookieAuth": {**API_KEY, "in": "cookie"}})
    with pytest.raises(ValueError, match="combined"):
        requirements(
            [{"bearerAuth": [], "apiKeyAuth": []}], {"bearerAuth": BEARER, "apiKeyAuth": API_KEY}
        )
