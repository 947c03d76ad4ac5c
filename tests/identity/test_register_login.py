from __future__ import annotations

import threading
import uuid

import bcrypt
import pytest
from starlette.testclient import TestClient

from tests.conftest import MakeClient, problem
from tests.identity.helpers import PASSWORD, login, register

pytestmark = pytest.mark.integration

ACCOUNT_FIELDS = {
    "id",
    "email",
    "first_name",
    "last_name",
    "role",
    "status",
    "email_verified",
    "last_login_at",
    "wallet_address",
    "created_at",
    "updated_at",
}


def test_register_returns_the_account_without_secrets(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "  Ada@Example.COM ",
            "password": PASSWORD,
            "first_name": "Ada",
            "last_name": "Lovelace",
        },
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == ACCOUNT_FIELDS
    assert body["email"] == "ada@example.com"
    assert body["role"] == "consumer"
    assert body["status"] == "active"
    assert body["email_verified"] is False
    assert body["last_login_at"] is None
    uuid.UUID(body["id"])
    assert PASSWORD not in response.text
    assert "password" not in response.text


def test_register_as_provider(client: TestClient) -> None:
    assert register(client, role="provider")["role"] == "provider"


@pytest.mark.parametrize("role", ["admin", "viewer", "superuser"])
def test_nobody_registers_themselves_as_admin_or_viewer(client: TestClient, role: str) -> None:
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "x@example.com",
            "password": PASSWORD,
            "first_name": "A",
            "last_name": "B",
            "role": role,
        },
    )
    body = problem(response, 400, "VALIDATION_ERROR")
    assert body["errors"][0]["field"] == "role"


@pytest.mark.parametrize("field", ["status", "id", "email_verified", "password_hash"])
def test_server_owned_fields_cannot_be_set(client: TestClient, field: str) -> None:
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "x@example.com",
            "password": PASSWORD,
            "first_name": "A",
            "last_name": "B",
            field: "x",
        },
    )
    body = problem(response, 400, "VALIDATION_ERROR")
    assert {"field": field, "message": "is not a known field", "code": "UNKNOWN_FIELD"} in (
        body["errors"]
    )


def test_duplicate_email_is_409_case_insensitively(client: TestClient) -> None:
    register(client, email="dup@example.com")
    response = client.post(
        "/api/v1/auth/register",
        json={
            "email": "DUP@example.com",
            "password": PASSWORD,
            "first_name": "A",
            "last_name": "B",
        },
    )
    problem(response, 409, "EMAIL_TAKEN")


def test_concurrent_registrations_of_one_email_make_one_account(
    make_client: MakeClient,
) -> None:
    client = make_client()
    barrier = threading.Barrier(6)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(
            client.post(
                "/api/v1/auth/register",
                json={
                    "email": "race@example.com",
                    "password": PASSWORD,
                    "first_name": "A",
                    "last_name": "B",
                },
            ).status_code
        )

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201, 409, 409, 409, 409, 409]


@pytest.mark.parametrize(
    ("password", "code"),
    [("short", "TOO_SHORT"), ("é" * 40, "PASSWORD_TOO_LONG"), ("🔑" * 19, "PASSWORD_TOO_LONG")],
)
def test_password_policy_is_a_400_never_a_500(client: TestClient, password: str, code: str) -> None:
    response = client.post(
        "/api/v1/auth/register",
        json={"email": "p@example.com", "password": password, "first_name": "A", "last_name": "B"},
    )
    body = problem(response, 400, "VALIDATION_ERROR")
    assert body["errors"][0]["field"] == "password"
    assert body["errors"][0]["code"] == code


@pytest.mark.parametrize("email", ["not-an-email", "a@b", "two@@example.com", "x@localhost"])
def test_invalid_email_is_400(client: TestClient, email: str) -> None:
    response = client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "first_name": "A", "last_name": "B"},
    )
    body = problem(response, 400)
    assert body["errors"][0]["field"] == "email"


def test_login_with_json_returns_an_oauth2_token_response(client: TestClient) -> None:
    account = register(client)
    tokens = login(client, account["email"].upper())
    assert set(tokens) == {"access_token", "token_type", "expires_in", "refresh_token"}
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 900
    me = client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    ).json()
    assert me["account"]["last_login_at"] is not None


def test_login_with_an_oauth2_password_form(client: TestClient) -> None:
    account = register(client)
    response = client.post(
        "/api/v1/auth/login",
        data={"username": account["email"], "password": PASSWORD, "grant_type": "password"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["token_type"] == "bearer"


def _failed_login(client: TestClient, email: str, password: str) -> dict[str, object]:
    response = client.post("/api/v1/auth/login", json={"email": email, "password": password})
    body = problem(response, 401, "INVALID_CREDENTIALS")
    assert response.headers["www-authenticate"].startswith("Bearer")
    return {k: v for k, v in body.items() if k != "request_id"}


def test_wrong_password_and_unknown_email_look_the_same(client: TestClient) -> None:
    account = register(client)
    wrong_password = _failed_login(client, account["email"], "not the right password")
    unknown_email = _failed_login(client, "nobody@example.com", "not the right password")
    too_long = _failed_login(client, account["email"], "é" * 40)
    assert wrong_password == unknown_email == too_long


def test_wrong_password_and_unknown_email_do_the_same_work(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No timing oracle for which emails have accounts: an unknown email costs one bcrypt check
    at the configured cost, exactly as a wrong password does. Counted, not timed (a timing
    assertion flakes on a busy machine)."""
    client = make_client(auth_bcrypt_rounds="5")
    account = register(client)
    checks: list[bytes] = []
    real_checkpw = bcrypt.checkpw

    def counted_checkpw(password: bytes, hashed: bytes) -> bool:
        checks.append(hashed[:7])  # b"$2b$05$": the algorithm and its cost
        return real_checkpw(password, hashed)

    monkeypatch.setattr(bcrypt, "checkpw", counted_checkpw)

    def work(email: str) -> list[bytes]:
        checks.clear()
        response = client.post("/api/v1/auth/login", json={"email": email, "password": "wrong!"})
        assert response.status_code == 401
        return list(checks)

    assert work(account["email"]) == [b"$2b$05$"]
    assert work("nobody@example.com") == [b"$2b$05$"]
    assert work("NOBODY@example.com") == [b"$2b$05$"]


def test_disabled_accounts_cannot_sign_in(client: TestClient, database_url: str) -> None:
    from sqlalchemy import create_engine, text

    account = register(client)
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET status = 'disabled' WHERE id = :id"), {"id": account["id"]}
        )
    engine.dispose()
    _failed_login(client, account["email"], PASSWORD)
