"""OWASP API2, broken authentication: a credential never yields more than it holds nor outlives
its source, sessions end when they must, signatures are unambiguous and say nothing about which
half was wrong, and a signature is not a free account factory."""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from provider_registry import cli
from provider_registry.identity import client_signing
from provider_registry.kit import migrate
from tests.conftest import MakeClient, problem, settings_env
from tests.identity.helpers import login, register, signed_in
from tests.providers.factories import admin_session, register_provider
from tests.support import postgres

pytestmark = pytest.mark.integration

ME = "/api/v1/auth/me"
PREFIX = "cosmos"
PROVIDER_KEYS = "/api/v1/provider/api-keys"


def _sql(url: str, statement: str, **params: Any) -> list[Any]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1))
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


def _exchange(client: TestClient, provider_id: str, key: str) -> dict[str, Any]:
    response = client.post(
        "/api/v1/registration/auth", json={"provider_id": provider_id, "api_key": key}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _narrow_provider_key(client: TestClient, registered: dict[str, Any]) -> dict[str, Any]:
    session = _bearer(
        _exchange(client, registered["provider"]["id"], registered["api_key"])["access_token"]
    )
    response = client.post(
        PROVIDER_KEYS, headers=session, json={"name": "reader", "scopes": ["services:read"]}
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


# Item 2: tokens from a key ----------------------------------------------------------------------


def test_tokens_from_a_key_carry_at_most_its_scopes_also_after_refresh(client: TestClient) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    narrow = _narrow_provider_key(client, registered)
    tokens = _exchange(client, provider_id, narrow["key"])

    me = client.get(ME, headers=_bearer(tokens["access_token"]))
    # account:read is not among the key's scopes, so even "who am I" is refused.
    problem(me, 403, "FORBIDDEN")
    for path, body in (
        (PROVIDER_KEYS, {"name": "wider", "scopes": ["services:write"]}),
        (PROVIDER_KEYS, {"name": "wider"}),
    ):
        problem(client.post(path, headers=_bearer(tokens["access_token"]), json=body), 403)
    problem(
        client.patch(
            "/api/v1/provider/profile",
            headers=_bearer(tokens["access_token"]),
            json={"name": "Hijacked"},
        ),
        403,
    )
    mine = client.get("/api/v1/provider/services", headers=_bearer(tokens["access_token"]))
    assert mine.status_code == 200, mine.text

    rotated = client.post(
        "/api/v1/registration/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert rotated.status_code == 200, rotated.text
    again = _bearer(rotated.json()["access_token"])
    problem(client.post(PROVIDER_KEYS, headers=again, json={"name": "wider"}), 403)
    assert client.get("/api/v1/provider/services", headers=again).status_code == 200


def test_revoking_a_key_ends_every_session_minted_from_it(client: TestClient) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    full = _exchange(client, provider_id, registered["api_key"])
    narrow = _narrow_provider_key(client, registered)
    from_narrow = _exchange(client, provider_id, narrow["key"])
    rotated = client.post(
        "/api/v1/registration/refresh", json={"refresh_token": from_narrow["refresh_token"]}
    ).json()

    revoked = client.delete(
        f"{PROVIDER_KEYS}/{narrow['api_key']['id']}", headers=_bearer(full["access_token"])
    )
    assert revoked.status_code == 204, revoked.text

    problem(client.get("/api/v1/provider/services", headers=_bearer(rotated["access_token"])), 401)
    problem(
        client.post(
            "/api/v1/registration/refresh", json={"refresh_token": rotated["refresh_token"]}
        ),
        401,
    )
    # Sessions of other keys live on.
    assert client.get(ME, headers=_bearer(full["access_token"])).status_code == 200


def test_a_session_from_a_key_does_not_outlive_the_key(client: TestClient, clean_db: str) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    full = _exchange(client, provider_id, registered["api_key"])
    response = client.post(
        PROVIDER_KEYS,
        headers=_bearer(full["access_token"]),
        json={"name": "short", "scopes": ["services:read"], "expires_in_days": 1},
    )
    assert response.status_code == 201, response.text
    tokens = _exchange(client, provider_id, response.json()["key"])
    refresh_exp = _claims(tokens["refresh_token"])["exp"]
    assert refresh_exp <= (datetime.now(UTC) + timedelta(days=1, minutes=1)).timestamp()

    _sql(
        clean_db,
        "UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = :id",
        id=response.json()["api_key"]["id"],
    )
    problem(client.get("/api/v1/provider/services", headers=_bearer(tokens["access_token"])), 401)
    problem(
        client.post(
            "/api/v1/registration/refresh", json={"refresh_token": tokens["refresh_token"]}
        ),
        401,
    )


# Item 13: sessions end when they must ---------------------------------------------------------


def test_a_refresh_family_has_an_absolute_lifetime(make_client: MakeClient, clean_db: str) -> None:
    client = make_client(jwt_refresh_absolute_ttl_seconds="3600")
    account, _ = signed_in(client)
    first = login(client, account["email"])
    started = _claims(first["refresh_token"])["iat"]
    assert _claims(first["refresh_token"])["exp"] <= started + 3600

    current = first
    for _ in range(2):  # rotation never extends the family
        time.sleep(1.1)
        rotated = client.post(
            "/api/v1/auth/refresh", json={"refresh_token": current["refresh_token"]}
        )
        assert rotated.status_code == 200, rotated.text
        current = rotated.json()
        assert _claims(current["refresh_token"])["exp"] <= started + 3600

    # Once the family's lifetime is over, the newest token is refused too.
    _sql(
        clean_db,
        "UPDATE refresh_tokens SET family_expires_at = now() - interval '1 second'",
    )
    problem(
        client.post("/api/v1/auth/refresh", json={"refresh_token": current["refresh_token"]}),
        401,
        "INVALID_TOKEN",
    )


def _run_cli(database_url: str, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    for name, value in settings_env(database_url).items():
        monkeypatch.setenv(name, value)
    return cli.main(list(argv))


def test_disabling_an_account_stops_its_access_tokens_at_once(
    client: TestClient, clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    account, session = signed_in(client)
    tokens = login(client, account["email"])
    assert client.get(ME, headers=session).status_code == 200

    assert _run_cli(clean_db, monkeypatch, "account", "disable", "--email", "no@example.com") == 1
    assert _run_cli(clean_db, monkeypatch, "account", "disable", "--email", account["email"]) == 0
    problem(client.get(ME, headers=session), 401)
    problem(client.get(ME, headers=_bearer(tokens["access_token"])), 401)
    problem(
        client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401
    )

    # Enabling it again does not bring old sessions back; a new sign-in works.
    assert _run_cli(clean_db, monkeypatch, "account", "enable", "--email", account["email"]) == 0
    problem(client.get(ME, headers=session), 401)
    problem(
        client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}), 401
    )
    assert (
        client.get(ME, headers=_bearer(login(client, account["email"])["access_token"])).json()[
            "role"
        ]
        == "consumer"
    )


def test_lowering_a_role_stops_its_access_tokens_at_once(
    client: TestClient, clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = admin_session(client, clean_db)
    me = client.get(ME, headers=admin).json()
    assert me["role"] == "admin"
    assert client.get("/api/v1/admin/providers", headers=admin).status_code == 200

    email = me["account"]["email"]
    assert (
        _run_cli(clean_db, monkeypatch, "account", "set-role", "--email", email, "--role", "viewer")
        == 0
    )
    problem(client.get("/api/v1/admin/providers", headers=admin), 401)
    problem(client.get(ME, headers=admin), 401)
    again = client.get(ME, headers=_bearer(login(client, email)["access_token"]))
    assert again.json()["role"] == "viewer"
    audit = _sql(clean_db, "SELECT action FROM audit_events WHERE action LIKE 'account.%'")
    assert [row[0] for row in audit] == ["account.role_changed"]


def test_suspending_a_provider_stops_its_access_tokens_at_once(
    client: TestClient, clean_db: str
) -> None:
    registered = register_provider(client)
    provider_id = registered["provider"]["id"]
    admin = admin_session(client, clean_db)
    assert (
        client.post(f"/api/v1/admin/providers/{provider_id}/approve", headers=admin).status_code
        == 200
    )
    tokens = _exchange(client, provider_id, registered["api_key"])
    assert client.get(ME, headers=_bearer(tokens["access_token"])).status_code == 200

    suspended = client.post(
        f"/api/v1/admin/providers/{provider_id}/suspend", headers=admin, json={"reason": "abuse"}
    )
    assert suspended.status_code == 200, suspended.text
    problem(client.get(ME, headers=_bearer(tokens["access_token"])), 401)
    problem(
        client.post(
            "/api/v1/registration/refresh", json={"refresh_token": tokens["refresh_token"]}
        ),
        401,
    )
    # It may sign in again and see that it is suspended.
    fresh = _exchange(client, provider_id, registered["api_key"])
    profile = client.get("/api/v1/provider/profile", headers=_bearer(fresh["access_token"]))
    assert profile.json()["status"] == "suspended"


# Item 11: signed requests ---------------------------------------------------------------------


def _now_ms() -> str:
    return str(time.time_ns() // 1_000_000)


def _wallet(
    key: ec.EllipticCurvePrivateKey, method: str, path: str, query: str = ""
) -> dict[str, str]:
    return client_signing.sign_wallet_request(
        key,
        prefix=PREFIX,
        method=method,
        path=path,
        query_string=query,
        body=b"",
        timestamp=_now_ms(),
        nonce=secrets.token_hex(16),
    )


def _hmac(key_id: str, secret: bytes, method: str, path: str, query: str = "") -> dict[str, str]:
    return client_signing.sign_hmac_request(
        key_id,
        secret,
        method=method,
        path=path,
        query_string=query,
        body=b"",
        timestamp=_now_ms(),
        nonce=secrets.token_hex(16),
    )


def test_a_signed_request_with_a_repeated_query_parameter_is_refused(
    make_client: MakeClient,
) -> None:
    client = make_client(wallet_address_prefix=PREFIX)
    key = ec.generate_private_key(ec.SECP256K1())
    assert client.get(ME, headers=_wallet(key, "GET", ME)).status_code == 200
    path = "/api/v1/deployments"
    for query in ("limit=5&limit=50", "limit=50&limit=5", "limit=5&limit=5"):
        response = client.get(f"{path}?{query}", headers=_wallet(key, "GET", path, query))
        body = problem(response, 400, "REPEATED_QUERY_PARAMETER")
        assert "limit" in body["detail"]
    _, session = signed_in(client)
    created = client.post("/api/v1/auth/hmac-keys", headers=session, json={"name": "legacy"}).json()
    key_id, secret = created["hmac_key"]["id"], base64.b64decode(created["secret"])
    response = client.get(
        f"{path}?limit=5&limit=6", headers=_hmac(key_id, secret, "GET", path, "limit=5&limit=6")
    )
    problem(response, 400, "REPEATED_QUERY_PARAMETER")
    ok = client.get(f"{path}?limit=5", headers=_hmac(key_id, secret, "GET", path, "limit=5"))
    assert ok.status_code == 200, ok.text


def test_hmac_refusals_do_not_tell_an_unknown_key_from_a_bad_signature(
    client: TestClient,
) -> None:
    _, session = signed_in(client)
    created = client.post("/api/v1/auth/hmac-keys", headers=session, json={"name": "legacy"}).json()
    key_id, secret = created["hmac_key"]["id"], base64.b64decode(created["secret"])

    def refusal(headers: dict[str, str]) -> dict[str, Any]:
        body = problem(client.get(ME, headers=headers), 401, "INVALID_SIGNATURE")
        body.pop("request_id")
        return body

    bad_signature = refusal(_hmac(key_id, b"x" * 32, "GET", ME))
    unknown_key = refusal(_hmac(str(uuid.uuid4()), secret, "GET", ME))
    malformed_id = refusal(_hmac("not-a-uuid", secret, "GET", ME))
    assert bad_signature == unknown_key == malformed_id
    assert client.delete(f"/api/v1/auth/hmac-keys/{key_id}", headers=session).status_code == 204
    assert refusal(_hmac(key_id, secret, "GET", ME)) == bad_signature


# Item 4: accounts by signature ----------------------------------------------------------------


def _wallet_accounts(url: str) -> int:
    return int(_sql(url, "SELECT count(*) FROM accounts WHERE wallet_address IS NOT NULL")[0][0])


def test_accounts_by_first_signature_spend_the_per_ip_auth_budget(
    make_client: MakeClient, clean_db: str
) -> None:
    client = make_client(
        wallet_address_prefix=PREFIX,
        rate_limit_enabled="true",
        rate_limit_auth_requests_per_minute="3",
    )
    returning = ec.generate_private_key(ec.SECP256K1())
    assert client.get(ME, headers=_wallet(returning, "GET", ME)).status_code == 200
    assert (
        client.get(
            ME, headers=_wallet(ec.generate_private_key(ec.SECP256K1()), "GET", ME)
        ).status_code
        == 200
    )
    # Registration draws on the same per-IP budget.
    register(client)
    assert _wallet_accounts(clean_db) == 2

    refused = client.get(ME, headers=_wallet(ec.generate_private_key(ec.SECP256K1()), "GET", ME))
    body = problem(refused, 429, "RATE_LIMITED")
    assert "3 requests per minute" in body["detail"]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert _wallet_accounts(clean_db) == 2  # counted before anything was written
    problem(
        client.post(
            "/api/v1/auth/register",
            json={
                "email": "late@example.com",
                "password": "a sufficiently long password",
                "first_name": "A",
                "last_name": "B",
            },
        ),
        429,
        "RATE_LIMITED",
    )
    # A wallet that already has its account is not charged again.
    assert client.get(ME, headers=_wallet(returning, "GET", ME)).status_code == 200


def _seed_maintenance_rows(url: str) -> None:
    now = datetime.now(UTC)
    old = now - timedelta(seconds=2 * 300 + 5)
    recent = now - timedelta(seconds=2 * 300 - 60)
    rows = [
        ("wallet:gone", "a" * 32, old),
        ("wallet:gone", "b" * 32, old),
        ("hmac:x", "c" * 32, recent),
    ]
    for signer, nonce, created in rows:
        _sql(
            url,
            "INSERT INTO request_nonces (signer, nonce, created_at) VALUES (:s, :n, :c)",
            s=signer,
            n=nonce,
            c=created,
        )


def test_maintenance_prunes_spent_nonces_and_dead_refresh_tokens(
    client: TestClient, clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed_maintenance_rows(clean_db)
    account = register(client)
    live = login(client, account["email"])
    spent = login(client, account["email"])
    rotated = client.post("/api/v1/auth/refresh", json={"refresh_token": spent["refresh_token"]})
    assert rotated.status_code == 200
    logged_out = login(client, account["email"])
    assert (
        client.post(
            "/api/v1/auth/logout", json={"refresh_token": logged_out["refresh_token"]}
        ).status_code
        == 204
    )
    expired = login(client, account["email"])
    _sql(
        clean_db,
        "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE jti = :jti",
        jti=_claims(expired["refresh_token"])["jti"],
    )

    assert _run_cli(clean_db, monkeypatch, "maintenance") == 0
    nonces = _sql(clean_db, "SELECT signer FROM request_nonces")
    assert [row[0] for row in nonces] == ["hmac:x"]
    remaining = {row[0] for row in _sql(clean_db, "SELECT jti::text FROM refresh_tokens")}
    # The live token, and the spent-but-unexpired one (kept so its reuse is still detected).
    assert remaining == {
        _claims(live["refresh_token"])["jti"],
        _claims(spent["refresh_token"])["jti"],
        _claims(rotated.json()["refresh_token"])["jti"],
    }
    # Idempotent.
    assert _run_cli(clean_db, monkeypatch, "maintenance") == 0
    assert len(_sql(clean_db, "SELECT jti FROM refresh_tokens")) == 3
    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": spent["refresh_token"]})
    problem(reused, 401, "TOKEN_REUSED")


def test_maintenance_runs_safely_on_several_instances_at_once(
    clean_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed_maintenance_rows(clean_db)
    for name, value in settings_env(clean_db).items():
        monkeypatch.setenv(name, value)
    results: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def run() -> None:
        try:
            start.wait()
            results.append(cli.main(["maintenance"]))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results == [0, 0, 0, 0]
    assert [row[0] for row in _sql(clean_db, "SELECT signer FROM request_nonces")] == ["hmac:x"]


def test_full_provider_keys_keep_managing_keys_and_the_profile_after_the_upgrade(
    pg_server: str,
) -> None:
    url = postgres.recreate_database(pg_server, "provider_registry_sec_identity_scopes")
    migrate.upgrade(url, "0006")
    old_full = sorted(
        {
            "account:read",
            "services:read",
            "services:write",
            "services:publish",
            "deployments:read",
            "deployments:write",
            "organizations:read",
            "organizations:write",
            "tickets:read",
            "tickets:write",
            "billing:read",
        }
    )
    keys = {"full": old_full, "narrow": ["services:read"], "account": old_full}
    for name, scopes in keys.items():
        _sql(
            url,
            "INSERT INTO api_keys (id, owner_kind, owner_id, name, key_prefix, key_hash, scopes,"
            " created_at) VALUES (:id, :kind, :owner, :name, 'ppk_x', 'h', CAST(:scopes AS json),"
            " now())",
            id=str(uuid.uuid4()),
            kind="account" if name == "account" else "provider",
            owner=str(uuid.uuid4()),
            name=name,
            scopes=json.dumps(scopes),
        )
    migrate.upgrade(url)
    after = {row[0]: row[1] for row in _sql(url, "SELECT name, scopes FROM api_keys")}
    assert after["full"] == sorted(
        [*old_full, "keys:read", "keys:write", "profile:read", "profile:write"]
    )
    assert after["narrow"] == ["services:read"]
    assert after["account"] == old_full
