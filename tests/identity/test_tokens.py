"""JWTs: pinned algorithm, required claims, token types, rotation, reuse detection, logout."""

from __future__ import annotations

import base64
import json
import threading
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from starlette.testclient import TestClient

from tests.conftest import TEST_JWT_SECRET, problem
from tests.identity.helpers import login, register

pytestmark = pytest.mark.integration

ISSUER, AUDIENCE = "provider-registry", "provider-registry-api"


def _me(client: TestClient, token: str) -> Any:
    return client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})


def _claims(subject: str, **overrides: Any) -> dict[str, Any]:
    now = datetime.now(UTC)
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": subject,
        "jti": str(uuid.uuid4()),
        "iat": now,
        "nbf": now,
        "exp": now + timedelta(minutes=5),
        "token_use": "access",
        "kind": "account",
        "role": "consumer",
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _forge(
    claims: dict[str, Any],
    key: str = TEST_JWT_SECRET,
    typ: str = "at+jwt",
    algorithm: str = "HS256",
) -> str:
    return jwt.encode(claims, key, algorithm=algorithm, headers={"typ": typ})


def test_me_describes_the_bearer_principal(client: TestClient) -> None:
    account = register(client, role="provider")
    response = _me(client, login(client, account["email"])["access_token"])
    assert response.status_code == 200
    body = response.json()
    assert body["kind"] == "account"
    assert body["id"] == account["id"]
    assert body["role"] == "provider"
    assert body["auth_method"] == "bearer"
    assert "services:publish" in body["scopes"]
    assert "providers:review" not in body["scopes"]
    assert body["account"]["email"] == account["email"]


def test_no_credentials_is_401_problem(client: TestClient) -> None:
    response = client.get("/api/v1/auth/me")
    problem(response, 401, "UNAUTHENTICATED")


def test_a_well_formed_token_we_signed_is_accepted(client: TestClient) -> None:
    account = register(client)
    assert _me(client, _forge(_claims(account["id"]))).status_code == 200


@pytest.mark.parametrize(
    ("case", "token_factory"),
    [
        ("wrong key", lambda sub: _forge(_claims(sub), key="another-secret-" + "x" * 40)),
        ("missing exp", lambda sub: _forge(_claims(sub, exp=None))),
        ("missing jti", lambda sub: _forge(_claims(sub, jti=None))),
        ("missing nbf", lambda sub: _forge(_claims(sub, nbf=None))),
        ("missing iat", lambda sub: _forge(_claims(sub, iat=None))),
        ("other audience", lambda sub: _forge(_claims(sub, aud="someone-else"))),
        ("other issuer", lambda sub: _forge(_claims(sub, iss="evil"))),
        (
            "expired",
            lambda sub: _forge(
                _claims(
                    sub,
                    exp=datetime.now(UTC) - timedelta(minutes=1),
                    iat=datetime.now(UTC) - timedelta(minutes=20),
                )
            ),
        ),
        (
            "not yet valid",
            lambda sub: _forge(
                _claims(
                    sub,
                    nbf=datetime.now(UTC) + timedelta(minutes=5),
                    exp=datetime.now(UTC) + timedelta(minutes=10),
                )
            ),
        ),
        ("refresh type header", lambda sub: _forge(_claims(sub), typ="rt+jwt")),
        ("refresh use claim", lambda sub: _forge(_claims(sub, token_use="refresh"))),
        ("HS384", lambda sub: _forge(_claims(sub), algorithm="HS384")),
        ("sub not a uuid", lambda sub: _forge(_claims("admin"))),
        (
            "alg none",
            lambda sub: jwt.encode(_claims(sub), None, algorithm="none", headers={"typ": "at+jwt"}),
        ),
        ("garbage", lambda sub: "not.a.jwt"),
    ],
)
def test_invalid_tokens_are_401(client: TestClient, case: str, token_factory: Any) -> None:
    account = register(client)
    problem(_me(client, token_factory(account["id"])), 401, "UNAUTHENTICATED")


def test_a_forged_role_claim_does_not_escalate(client: TestClient) -> None:
    account = register(client)
    token = login(client, account["email"])["access_token"]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["role"] = "admin"
    tampered = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    problem(_me(client, f"{header}.{tampered}.{signature}"), 401)
    # The genuine token still says what the account is.
    assert _me(client, token).json()["role"] == "consumer"


def test_a_refresh_token_is_not_a_bearer_token(client: TestClient) -> None:
    account = register(client)
    tokens = login(client, account["email"])
    problem(_me(client, tokens["refresh_token"]), 401)


def test_an_access_token_is_not_a_refresh_token(client: TestClient) -> None:
    account = register(client)
    tokens = login(client, account["email"])
    response = client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["access_token"]})
    problem(response, 401, "INVALID_TOKEN")


def test_refresh_rotates_and_reuse_revokes_the_family(client: TestClient) -> None:
    account = register(client)
    first = login(client, account["email"])
    second = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    second_tokens = second.json()
    assert second_tokens["refresh_token"] != first["refresh_token"]
    assert _me(client, second_tokens["access_token"]).status_code == 200

    # The spent token comes back: theft is assumed and the whole sign-in is revoked.
    reused = client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    problem(reused, 401, "TOKEN_REUSED")
    descendant = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": second_tokens["refresh_token"]}
    )
    problem(descendant, 401, "INVALID_TOKEN")

    # Another sign-in of the same account is a different family and keeps working.
    other = login(client, account["email"])
    assert (
        client.post(
            "/api/v1/auth/refresh", json={"refresh_token": other["refresh_token"]}
        ).status_code
        == 200
    )


def test_concurrent_refreshes_of_one_token_yield_one_new_pair(client: TestClient) -> None:
    account = register(client)
    token = login(client, account["email"])["refresh_token"]
    barrier = threading.Barrier(5)
    statuses: list[int] = []

    def attempt() -> None:
        barrier.wait()
        statuses.append(
            client.post("/api/v1/auth/refresh", json={"refresh_token": token}).status_code
        )

    threads = [threading.Thread(target=attempt) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) == 1
    assert statuses.count(401) == 4


def test_logout_revokes_the_family_and_is_idempotent(client: TestClient) -> None:
    account = register(client)
    tokens = login(client, account["email"])
    refreshed = client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    ).json()
    response = client.post(
        "/api/v1/auth/logout", json={"refresh_token": refreshed["refresh_token"]}
    )
    assert response.status_code == 204
    assert response.content == b""
    problem(
        client.post("/api/v1/auth/refresh", json={"refresh_token": refreshed["refresh_token"]}), 401
    )
    again = client.post("/api/v1/auth/logout", json={"refresh_token": refreshed["refresh_token"]})
    assert again.status_code == 204
    problem(
        client.post("/api/v1/auth/logout", json={"refresh_token": "garbage"}), 401, "INVALID_TOKEN"
    )


def test_refresh_for_a_disabled_account_fails(client: TestClient, database_url: str) -> None:
    from sqlalchemy import create_engine, text

    account = register(client)
    tokens = login(client, account["email"])
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET status = 'disabled' WHERE id = :id"), {"id": account["id"]}
        )
    engine.dispose()
    problem(
        client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}),
        401,
        "INVALID_TOKEN",
    )


# ---- verified access tokens are kept per process: what stays checked on every use


def _codec() -> Any:
    from provider_registry.config import JWTSettings
    from provider_registry.identity.tokens import TokenCodec

    return TokenCodec(JWTSettings(secret=TEST_JWT_SECRET))


def test_a_kept_token_is_refused_once_it_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    from provider_registry.identity import tokens

    codec = _codec()
    issued = codec.issue("access", uuid.uuid4(), {"kind": "account"}, ttl_seconds=60)
    assert codec.decode(issued.token, "access")["sub"]
    assert (issued.token, None) in codec._verified  # kept: the next use skips the signature
    later = issued.expires_at.timestamp() + tokens.LEEWAY_SECONDS
    monkeypatch.setattr("provider_registry.identity.tokens.time.time", lambda: later)
    with pytest.raises(tokens.TokenExpired):
        codec.decode(issued.token, "access")


def test_a_kept_token_is_refused_before_it_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    from provider_registry.identity import tokens

    codec = _codec()
    issued = codec.issue("access", uuid.uuid4(), {"kind": "account"})
    codec.decode(issued.token, "access")
    claims = codec._verified[(issued.token, None)]
    before = claims["nbf"] - tokens.LEEWAY_SECONDS - 1
    monkeypatch.setattr("provider_registry.identity.tokens.time.time", lambda: before)
    with pytest.raises(tokens.TokenError, match="not valid yet"):
        codec.decode(issued.token, "access")


def test_only_verified_access_tokens_are_kept_and_the_table_is_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from provider_registry.identity import tokens

    monkeypatch.setattr(tokens, "VERIFIED_CACHE_SIZE", 3)
    codec = _codec()
    refresh = codec.issue("refresh", uuid.uuid4(), {"kind": "account"})
    codec.decode(refresh.token, "refresh")
    forged = _forge(_claims(str(uuid.uuid4())), key="another secret of at least 32 bytes")
    with pytest.raises(tokens.TokenError):
        codec.decode(forged, "access")
    # A kept access token is still not a refresh token, nor a token for another audience.
    access = [codec.issue("access", uuid.uuid4(), {"kind": "account"}) for _ in range(5)]
    for issued in access:
        codec.decode(issued.token, "access")
    with pytest.raises(tokens.TokenError):
        codec.decode(access[-1].token, "refresh")
    with pytest.raises(tokens.TokenError):
        codec.decode(access[-1].token, "access", audience="another-audience")
    assert list(codec._verified) == [(i.token, None) for i in access[-3:]]
    # Claims handed out are copies: a caller changing them changes nothing kept.
    first = codec.decode(access[-1].token, "access")
    first["kind"] = "provider"
    assert codec.decode(access[-1].token, "access")["kind"] == "account"


def test_a_kept_token_stops_when_its_subject_is_disabled(
    client: TestClient, database_url: str
) -> None:
    from sqlalchemy import create_engine, text

    account = register(client)
    token = login(client, account["email"])["access_token"]
    assert _me(client, token).status_code == 200  # verified and kept
    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE accounts SET status = 'disabled' WHERE id = :id"), {"id": account["id"]}
        )
    engine.dispose()
    assert _me(client, token).status_code == 401
