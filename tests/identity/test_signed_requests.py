"""Wallet-signed (ADR-036) and HMAC-signed requests against the running app: who they resolve to,
why they are refused, and that a nonce is spent once across every instance sharing the database."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry.identity import client_signing, signing
from provider_registry.identity.signed_requests import secret_cipher
from tests.conftest import TEST_API_KEY_PEPPER, MakeClient, problem
from tests.identity.helpers import signed_in

pytestmark = pytest.mark.integration

PREFIX = "cosmos"
ME = "/api/v1/auth/me"


def now_ms() -> str:
    return str(time.time_ns() // 1_000_000)


def wallet_headers(
    key: ec.EllipticCurvePrivateKey,
    method: str,
    path: str,
    *,
    query: str = "",
    body: bytes = b"",
    timestamp: str | None = None,
    nonce: str | None = None,
    prefix: str = PREFIX,
) -> dict[str, str]:
    return client_signing.sign_wallet_request(
        key,
        prefix=prefix,
        method=method,
        path=path,
        query_string=query,
        body=body,
        timestamp=timestamp or now_ms(),
        nonce=nonce or secrets.token_hex(16),
    )


def hmac_headers(
    key_id: str, secret: bytes, method: str, path: str, *, body: bytes = b"", query: str = ""
) -> dict[str, str]:
    return client_signing.sign_hmac_request(
        key_id,
        secret,
        method=method,
        path=path,
        query_string=query,
        body=body,
        timestamp=now_ms(),
        nonce=secrets.token_hex(16),
    )


@pytest.fixture
def wallet_client(make_client: MakeClient) -> TestClient:
    return make_client(wallet_address_prefix=PREFIX)


@pytest.fixture
def key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256K1())


def reason(response: Any, status: int, code: str) -> str:
    body = problem(response, status, code)
    value: str = body["reason"]
    return value


# Wallet ---------------------------------------------------------------------------------------


def test_first_signed_request_creates_a_consumer_account_for_the_address(
    wallet_client: TestClient, key: ec.EllipticCurvePrivateKey
) -> None:
    headers = wallet_headers(key, "GET", ME)
    response = wallet_client.get(ME, headers=headers)
    assert response.status_code == 200, response.text
    me = response.json()
    assert me["auth_method"] == "wallet"
    assert me["role"] == "consumer"
    assert me["account"]["wallet_address"] == headers["X-VE-Address"]
    assert me["account"]["wallet_address"].startswith("cosmos1")
    assert me["account"]["email"] is None

    again = wallet_client.get(ME, headers=wallet_headers(key, "GET", ME))
    assert again.status_code == 200
    assert again.json()["id"] == me["id"]


def test_a_signed_body_and_query_are_bound_to_the_signature(
    wallet_client: TestClient, key: ec.EllipticCurvePrivateKey
) -> None:
    body = json.dumps({"name": "acme"}).encode()
    headers = wallet_headers(key, "POST", "/api/v1/services", body=body)
    tampered = wallet_client.post(
        "/api/v1/services",
        content=json.dumps({"name": "evil"}).encode(),
        headers={**headers, "Content-Type": "application/json"},
    )
    assert reason(tampered, 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"
    # The same request, untampered, authenticates: a consumer then may not create services.
    intact = wallet_client.post(
        "/api/v1/services",
        content=body,
        headers={
            **wallet_headers(key, "POST", "/api/v1/services", body=body),
            "Content-Type": "application/json",
        },
    )
    problem(intact, 403)

    # /provider/services is for providers: a wallet account that authenticates gets 403, not 401.
    mine = "/api/v1/provider/services"
    signed = wallet_headers(key, "GET", mine, query="limit=5")
    problem(wallet_client.get(mine + "?limit=5", headers=signed), 403)
    other = wallet_headers(key, "GET", mine, query="limit=5")
    response = wallet_client.get(mine + "?limit=6", headers=other)
    assert reason(response, 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"
    moved = wallet_headers(key, "GET", "/api/v1/services")
    response = wallet_client.get(ME, headers=moved)
    assert reason(response, 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"


def test_refusals_say_why(wallet_client: TestClient, key: ec.EllipticCurvePrivateKey) -> None:
    stale = wallet_headers(key, "GET", ME, timestamp=str(int(now_ms()) - 6 * 60 * 1000))
    problem(wallet_client.get(ME, headers=stale), 401, "STALE_TIMESTAMP")
    future = wallet_headers(key, "GET", ME, timestamp=str(int(now_ms()) + 6 * 60 * 1000))
    problem(wallet_client.get(ME, headers=future), 401, "STALE_TIMESTAMP")

    wrong_prefix = wallet_headers(key, "GET", ME, prefix="osmo")
    assert (
        reason(wallet_client.get(ME, headers=wrong_prefix), 401, "INVALID_SIGNATURE")
        == "WRONG_ADDRESS_PREFIX"
    )

    someone_else = ec.generate_private_key(ec.SECP256K1())
    headers = wallet_headers(key, "GET", ME)
    headers["X-VE-PubKey"] = wallet_headers(someone_else, "GET", ME)["X-VE-PubKey"]
    assert (
        reason(wallet_client.get(ME, headers=headers), 401, "INVALID_SIGNATURE")
        == "ADDRESS_PUBKEY_MISMATCH"
    )

    high_s = wallet_headers(key, "GET", ME)
    raw = base64.b64decode(high_s["X-VE-Signature"])
    s = int.from_bytes(raw[32:], "big")
    high_s["X-VE-Signature"] = base64.b64encode(
        raw[:32] + (signing.SECP256K1_ORDER - s).to_bytes(32, "big")
    ).decode()
    assert (
        reason(wallet_client.get(ME, headers=high_s), 401, "INVALID_SIGNATURE")
        == "HIGH_S_SIGNATURE"
    )

    partial = {"X-VE-Signature": wallet_headers(key, "GET", ME)["X-VE-Signature"]}
    assert (
        reason(wallet_client.get(ME, headers=partial), 401, "INVALID_SIGNATURE")
        == "MISSING_HEADERS"
    )
    bad_nonce = wallet_headers(key, "GET", ME, nonce="A" * 32)
    assert (
        reason(wallet_client.get(ME, headers=bad_nonce), 401, "INVALID_SIGNATURE")
        == "INVALID_NONCE"
    )


def test_replay_is_refused(wallet_client: TestClient, key: ec.EllipticCurvePrivateKey) -> None:
    headers = wallet_headers(key, "GET", ME)
    assert wallet_client.get(ME, headers=headers).status_code == 200
    problem(wallet_client.get(ME, headers=headers), 401, "NONCE_REUSED")


def test_replay_is_refused_by_another_instance_sharing_the_database(
    make_client: MakeClient, key: ec.EllipticCurvePrivateKey
) -> None:
    first = make_client(wallet_address_prefix=PREFIX)
    second = make_client(wallet_address_prefix=PREFIX)
    headers = wallet_headers(key, "GET", ME)
    assert first.get(ME, headers=headers).status_code == 200
    problem(second.get(ME, headers=headers), 401, "NONCE_REUSED")

    # The same signed request raced at both instances at once: exactly one is served.
    for _ in range(5):
        assert sorted(race(first, second, wallet_headers(key, "GET", ME))) == [200, 401]


def race(first: TestClient, second: TestClient, headers: dict[str, str]) -> list[int]:
    statuses: list[int] = []
    barrier = threading.Barrier(2)

    def send(client: TestClient) -> None:
        barrier.wait()
        statuses.append(client.get(ME, headers=headers).status_code)

    threads = [threading.Thread(target=send, args=(c,)) for c in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_concurrent_first_requests_of_an_address_make_one_account(
    wallet_client: TestClient, key: ec.EllipticCurvePrivateKey, clean_db: str
) -> None:
    ids: list[str] = []
    barrier = threading.Barrier(6)

    def send() -> None:
        headers = wallet_headers(key, "GET", ME)
        barrier.wait()
        response = wallet_client.get(ME, headers=headers)
        assert response.status_code == 200, response.text
        ids.append(response.json()["id"])

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 6
    assert len(set(ids)) == 1


def test_a_disabled_wallet_account_is_refused(
    wallet_client: TestClient, key: ec.EllipticCurvePrivateKey, clean_db: str
) -> None:
    headers = wallet_headers(key, "GET", ME)
    assert wallet_client.get(ME, headers=headers).status_code == 200
    engine = create_engine(clean_db.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET status = 'disabled' WHERE wallet_address = :a"),
            {"a": headers["X-VE-Address"]},
        )
    engine.dispose()
    response = wallet_client.get(ME, headers=wallet_headers(key, "GET", ME))
    assert reason(response, 401, "INVALID_SIGNATURE") == "ACCOUNT_DISABLED"


# HMAC -----------------------------------------------------------------------------------------


def issue_hmac_key(client: TestClient, auth: dict[str, str]) -> tuple[str, bytes]:
    response = client.post("/api/v1/auth/hmac-keys", headers=auth, json={"name": "legacy"})
    assert response.status_code == 201, response.text
    created = response.json()
    return created["hmac_key"]["id"], base64.b64decode(created["secret"])


def test_hmac_signed_requests_act_as_the_key_owner(client: TestClient, clean_db: str) -> None:
    account, auth = signed_in(client)
    key_id, secret = issue_hmac_key(client, auth)
    assert len(secret) == 32

    response = client.get(ME, headers=hmac_headers(key_id, secret, "GET", ME))
    assert response.status_code == 200, response.text
    assert response.json()["id"] == account["id"]
    assert response.json()["auth_method"] == "hmac"

    listed = client.get("/api/v1/auth/hmac-keys", headers=auth).json()
    assert [k["id"] for k in listed["items"]] == [key_id]
    assert "secret" not in json.dumps(listed)
    assert listed["items"][0]["last_used_at"] is not None

    # Kept encrypted, never in the clear; the server's cipher opens it.
    engine = create_engine(clean_db.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT secret_ciphertext FROM hmac_keys WHERE id = :id"), {"id": key_id}
        ).scalar_one()
    engine.dispose()
    assert base64.b64encode(secret).decode() not in stored
    assert secret_cipher(TEST_API_KEY_PEPPER).decrypt(stored.encode()) == secret


def test_hmac_refusals(client: TestClient) -> None:
    _, auth = signed_in(client)
    key_id, secret = issue_hmac_key(client, auth)

    headers = hmac_headers(key_id, secret, "GET", ME)
    assert client.get(ME, headers=headers).status_code == 200
    problem(client.get(ME, headers=headers), 401, "NONCE_REUSED")

    forged = hmac_headers(key_id, b"x" * 32, "GET", ME)
    assert reason(client.get(ME, headers=forged), 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"
    tampered = hmac_headers(key_id, secret, "GET", ME, query="a=1")
    assert (
        reason(client.get(ME + "?a=2", headers=tampered), 401, "INVALID_SIGNATURE")
        == "BAD_SIGNATURE"
    )
    unknown = hmac_headers("4b0f2b8e-8d1a-4a59-9d57-3d7f8f1f6c11", secret, "GET", ME)
    assert reason(client.get(ME, headers=unknown), 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"

    assert client.delete(f"/api/v1/auth/hmac-keys/{key_id}", headers=auth).status_code == 204
    revoked = hmac_headers(key_id, secret, "GET", ME)
    assert reason(client.get(ME, headers=revoked), 401, "INVALID_SIGNATURE") == "BAD_SIGNATURE"
    problem(client.delete(f"/api/v1/auth/hmac-keys/{key_id}", headers=auth), 404)


def test_hmac_keys_are_managed_with_a_bearer_session_only(
    client: TestClient, key: ec.EllipticCurvePrivateKey
) -> None:
    _, auth = signed_in(client)
    key_id, secret = issue_hmac_key(client, auth)
    signed = hmac_headers(key_id, secret, "POST", "/api/v1/auth/hmac-keys", body=b'{"name":"x"}')
    response = client.post(
        "/api/v1/auth/hmac-keys",
        content=b'{"name":"x"}',
        headers={**signed, "Content-Type": "application/json"},
    )
    problem(response, 401)
    _, other = signed_in(client)
    problem(client.delete(f"/api/v1/auth/hmac-keys/{key_id}", headers=other), 404)
    bad = client.post("/api/v1/auth/hmac-keys", headers=auth, json={"name": "x", "secret": "y"})
    problem(bad, 400)
