from __future__ import annotations

import threading
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import MakeClient, problem
from tests.identity.helpers import signed_in
from tests.providers.factories import (
    ec_public_pem,
    provider_session,
    register_provider,
    registration,
    rsa_public_pem,
)

pytestmark = pytest.mark.integration

REGISTER = "/api/v1/registration/register"


def _codes(response: Any) -> set[tuple[str, str]]:
    body = problem(response, 400)
    return {(e["field"], e["code"]) for e in body["errors"]}


def test_registration_returns_a_pending_provider_and_its_key_once(client: TestClient) -> None:
    registered = register_provider(client)
    provider = registered["provider"]
    assert provider["status"] == "pending"
    assert provider["billing_account_id"] is None
    assert provider["owner_account_id"] is None
    assert provider["version"] == 1
    assert registered["api_key"].startswith("ppk_")
    assert "pricing" not in provider
    auth = provider_session(client, registered)
    profile = client.get("/api/v1/provider/profile", headers=auth)
    assert registered["api_key"] not in profile.text
    assert profile.json()["email"] == provider["email"]


def test_an_account_token_makes_the_account_the_owner(client: TestClient) -> None:
    account, auth = signed_in(client, role="provider")
    response = client.post(REGISTER, json=registration(), headers=auth)
    assert response.status_code == 201, response.text
    assert response.json()["provider"]["owner_account_id"] == account["id"]
    bad = client.post(
        REGISTER, json=registration(), headers={"Authorization": "Bearer not-a-token"}
    )
    problem(bad, 401)


def test_both_public_key_forms_are_accepted(client: TestClient) -> None:
    register_provider(client, public_key=rsa_public_pem(form="pkcs1"))
    register_provider(client, public_key=rsa_public_pem(form="pkix"))


def test_every_field_error_is_reported_at_once(client: TestClient) -> None:
    response = client.post(
        REGISTER,
        json=registration(
            name="x!",
            email="not-an-email",
            public_key="-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
            endpoints=[
                {
                    "type": "api",
                    "url": "http://127.0.0.1:99999",
                    "protocol": "https",
                    "secure": False,
                },
                {"type": "api", "url": "ftp://files.example", "protocol": "gopher", "secure": True},
            ],
            metadata={"region": "US WEST"},
            terms=False,
        ),
    )
    assert _codes(response) == {
        ("name", "INVALID_NAME"),
        ("email", "INVALID_EMAIL"),
        ("public_key", "INVALID_PUBLIC_KEY"),
        ("endpoints.0.secure", "SECURE_MISMATCH"),
        ("endpoints.0.url", "INVALID_PORT"),
        ("endpoints.1.protocol", "INVALID_PROTOCOL"),
        ("metadata.region", "INVALID_REGION"),
        ("terms", "TERMS_NOT_ACCEPTED"),
    }


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"public_key": rsa_public_pem(1024)}, ("public_key", "WEAK_PUBLIC_KEY")),
        ({"public_key": ec_public_pem()}, ("public_key", "INVALID_PUBLIC_KEY")),
        ({"endpoints": []}, ("endpoints", "NO_ENDPOINTS")),
        ({"email": "a@b"}, ("email", "INVALID_EMAIL")),
        ({"name": "ab"}, ("name", "INVALID_NAME")),
        ({"name": "x" * 101}, ("name", "INVALID_NAME")),
        ({"terms": "yes"}, ("terms", "TERMS_NOT_ACCEPTED")),
    ],
)
def test_single_rules(
    client: TestClient, overrides: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert expected in _codes(client.post(REGISTER, json=registration(**overrides)))


@pytest.mark.parametrize(
    ("endpoint", "code"),
    [
        (
            {"url": "https://api.example", "protocol": "http", "secure": False},
            "URL_SCHEME_MISMATCH",
        ),
        (
            {"url": "wss://api.example", "protocol": "websocket", "secure": False},
            "URL_SCHEME_MISMATCH",
        ),
        ({"url": "https://api.example", "protocol": "https", "secure": False}, "SECURE_MISMATCH"),
        ({"url": "http://api.example", "protocol": "http", "secure": True}, "SECURE_MISMATCH"),
        ({"url": "https://api.example:0", "protocol": "https", "secure": True}, "INVALID_PORT"),
        ({"url": "https://api.example:70000", "protocol": "https", "secure": True}, "INVALID_PORT"),
        ({"url": "api.example", "protocol": "https", "secure": True}, "INVALID_URL"),
        ({"url": "https://localhost", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://db.localhost", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://127.0.0.1", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://10.1.2.3", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://192.168.0.10", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://172.16.5.4", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "http://169.254.169.254", "protocol": "http", "secure": False}, "FORBIDDEN_HOST"),
        ({"url": "https://[::1]:443", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        ({"url": "https://[fe80::1]", "protocol": "https", "secure": True}, "FORBIDDEN_HOST"),
        (
            {"url": "https://[::ffff:10.0.0.1]", "protocol": "https", "secure": True},
            "FORBIDDEN_HOST",
        ),
    ],
)
def test_endpoint_rules(client: TestClient, endpoint: dict[str, Any], code: str) -> None:
    response = client.post(REGISTER, json=registration(endpoints=[{"type": "api", **endpoint}]))
    assert code in {c for _, c in _codes(response)}


@pytest.mark.parametrize(
    "endpoint",
    [
        {"url": "grpc://inference.example:50051", "protocol": "grpc", "secure": False},
        {"url": "grpcs://inference.example:443", "protocol": "grpc+tls", "secure": True},
        {"url": "wss://stream.example/ws", "protocol": "wss", "secure": True},
        {"url": "ws://stream.example/ws", "protocol": "websocket", "secure": False},
        {"url": "https://93.184.216.34:8443", "protocol": "https", "secure": True},
    ],
)
def test_valid_endpoint_forms(client: TestClient, endpoint: dict[str, Any]) -> None:
    register_provider(client, endpoints=[{"type": "inference", **endpoint}])


def test_private_hosts_are_allowed_only_when_configured(make_client: MakeClient) -> None:
    client = make_client(providers_allow_private_endpoints="true")
    register_provider(
        client,
        endpoints=[
            {"type": "api", "url": "http://localhost:8080", "protocol": "http", "secure": False}
        ],
    )


def test_duplicate_email_is_409_case_insensitively(client: TestClient) -> None:
    register_provider(client, email="dup@acme.example")
    problem(client.post(REGISTER, json=registration(email="DUP@acme.example")), 409, "EMAIL_TAKEN")


def test_clients_cannot_set_status_or_ids(client: TestClient) -> None:
    for field, value in (
        ("status", "approved"),
        ("id", "x"),
        ("billing_account_id", "b"),
        ("version", 7),
    ):
        codes = _codes(client.post(REGISTER, json=registration(**{field: value})))
        assert (field, "UNKNOWN_FIELD") in codes


def test_concurrent_registrations_of_one_email_make_one_provider(
    make_client: MakeClient,
) -> None:
    client = make_client()
    body = registration(email="race@acme.example")
    barrier = threading.Barrier(5)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(client.post(REGISTER, json=body).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201, 409, 409, 409, 409]
