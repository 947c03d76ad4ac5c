"""Rate limits on the real app: one budget per principal (or per client IP when nobody is signed
in), a tighter per-IP budget for sign-in and sign-up, failed requests counted too, X-Forwarded-For
believed only from trusted proxies, and one budget shared by instances on the same Redis."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.config import ConfigError
from provider_registry.kit.ratelimit import RateLimits
from tests.conftest import MakeClient, MakeSettings, problem
from tests.identity.helpers import PASSWORD, register, signed_in
from tests.support.redis import RedisProcess, RedisUnavailable, black_hole, throwaway_redis

pytestmark = pytest.mark.integration

ME = "/api/v1/auth/me"
LOGIN = "/api/v1/auth/login"
REGISTER = "/api/v1/auth/register"
REFRESH = "/api/v1/auth/refresh"
# Public, not a sign-in path, and strict about its query string: a cheap anonymous 400.
LOGOUT_WITH_UNKNOWN_PARAMETER = "/api/v1/auth/logout?unexpected=1"
BAD_BEARER = {"Authorization": "Bearer not-a-valid-token"}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    unavailable = None
    try:
        with throwaway_redis() as url:
            yield url
    except RedisUnavailable as exc:
        unavailable = str(exc)
    if unavailable is not None:  # failed outside the handler: one clear message, no chain
        pytest.fail(f"\n{unavailable}", pytrace=False)


def limited(make_client: MakeClient, **overrides: str) -> TestClient:
    return make_client(rate_limit_enabled="true", **overrides)


def counted(response: Any, status: int, limit: int, remaining: int) -> Any:
    """Assert the response got through with this status and these budget headers."""
    assert response.status_code == status, response.text
    assert response.headers["x-ratelimit-limit"] == str(limit)
    assert response.headers["x-ratelimit-remaining"] == str(remaining)
    assert "retry-after" not in response.headers
    reset = int(response.headers["x-ratelimit-reset"])
    assert time.time() - 1 <= reset <= time.time() + 61
    return response


def rate_limited(response: Any, limit: int) -> dict[str, Any]:
    """Assert a complete 429: problem+json, Retry-After and the spent budget's headers."""
    body = problem(response, 429, "RATE_LIMITED")
    assert f"{limit} requests per minute" in body["detail"]
    retry_after = response.headers["retry-after"]
    assert retry_after.isdigit(), retry_after
    assert 1 <= int(retry_after) <= 60
    assert response.headers["x-ratelimit-limit"] == str(limit)
    assert response.headers["x-ratelimit-remaining"] == "0"
    reset = int(response.headers["x-ratelimit-reset"])
    now = time.time()
    assert now - 1 <= reset <= now + 61
    assert abs(int(retry_after) - (reset - now)) <= 2
    return body


def test_the_defaults_are_60_a_minute_and_10_for_sign_in(make_settings: MakeSettings) -> None:
    settings = make_settings(rate_limit_enabled="true")
    assert settings.rate_limit.requests_per_minute == 60
    assert settings.rate_limit.auth_requests_per_minute == 10
    assert settings.rate_limit.storage_uri == "memory://"


def test_a_principal_gets_its_budget_then_429_with_retry_after(make_client: MakeClient) -> None:
    client = limited(
        make_client,
        rate_limit_requests_per_minute="60",
        rate_limit_auth_requests_per_minute="100",
    )
    account, auth = signed_in(client)
    resets = set()
    for remaining in range(59, -1, -1):
        response = counted(client.get(ME, headers=auth), 200, 60, remaining)
        assert response.json()["id"] == account["id"]
        resets.add(response.headers["x-ratelimit-reset"])
    # A fixed window: its end does not move while it is being spent.
    assert len(resets) == 1

    refused = client.get(ME, headers=auth)
    rate_limited(refused, 60)
    assert refused.headers["x-ratelimit-reset"] in resets
    # Refusals are not a way back in.
    rate_limited(client.get(ME, headers=auth), 60)


def test_each_principal_has_its_own_budget_and_api_keys_share_their_owners(
    make_client: MakeClient,
) -> None:
    client = limited(
        make_client, rate_limit_requests_per_minute="5", rate_limit_auth_requests_per_minute="100"
    )
    alice, alice_bearer = signed_in(client)
    bob, bob_bearer = signed_in(client)
    created = client.post(
        "/api/v1/auth/api-keys",
        json={"name": "bench", "scopes": ["account:read"]},
        headers=alice_bearer,
    )
    counted(created, 201, 5, 4)
    alice_key = {"X-API-Key": created.json()["key"]}

    # Alice's session and Alice's API key draw on one budget, whichever comes first.
    for remaining, headers, method in [
        (3, alice_key, "api_key"),
        (2, alice_bearer, "bearer"),
        (1, alice_key, "api_key"),
        (0, alice_bearer, "bearer"),
    ]:
        body = counted(client.get(ME, headers=headers), 200, 5, remaining).json()
        assert (body["id"], body["auth_method"]) == (alice["id"], method)
    rate_limited(client.get(ME, headers=alice_key), 5)
    rate_limited(client.get(ME, headers=alice_bearer), 5)

    # Bob, on the same IP, still has all of his.
    for remaining in range(4, -1, -1):
        body = counted(client.get(ME, headers=bob_bearer), 200, 5, remaining).json()
        assert body["id"] == bob["id"]
    rate_limited(client.get(ME, headers=bob_bearer), 5)

    # And the anonymous budget of that IP was never touched by either.
    problem(counted(client.get(ME), 401, 5, 4), 401, "UNAUTHENTICATED")


def test_failed_requests_count_against_the_client_ip(make_client: MakeClient) -> None:
    client = limited(make_client, rate_limit_requests_per_minute="5")

    problem(counted(client.get(ME, headers=BAD_BEARER), 401, 5, 4), 401, "UNAUTHENTICATED")
    bad_key = {"X-API-Key": "prk_not_a_key"}
    problem(counted(client.get(ME, headers=bad_key), 401, 5, 3), 401, "UNAUTHENTICATED")
    bad_query = client.post(LOGOUT_WITH_UNKNOWN_PARAMETER, json={"refresh_token": "x"})
    problem(counted(bad_query, 400, 5, 2), 400, "VALIDATION_ERROR")
    problem(counted(client.get(ME, headers=BAD_BEARER), 401, 5, 1), 401, "UNAUTHENTICATED")
    bad_query = client.post(LOGOUT_WITH_UNKNOWN_PARAMETER, json={"refresh_token": "x"})
    problem(counted(bad_query, 400, 5, 0), 400, "VALIDATION_ERROR")

    rate_limited(client.get(ME, headers=BAD_BEARER), 5)
    rate_limited(client.post(LOGOUT_WITH_UNKNOWN_PARAMETER, json={"refresh_token": "x"}), 5)
    rate_limited(client.get("/api/v1/no-such-route"), 5)

    # A signed-in caller from that IP is counted as itself, and its failures count too.
    _, auth = signed_in(client)
    counted(client.get(ME, headers=auth), 200, 5, 4)
    invalid = client.get("/api/v1/auth/api-keys?limit=not-a-number", headers=auth)
    problem(counted(invalid, 400, 5, 3), 400, "VALIDATION_ERROR")


def test_sign_in_has_a_tighter_per_ip_budget_and_probes_have_none(
    make_client: MakeClient,
) -> None:
    unlimited = make_client()  # rate limits off: its sign-ups do not spend the budgets below
    account = register(unlimited)
    _, someone_signed_in = signed_in(unlimited)
    client = limited(
        make_client, rate_limit_requests_per_minute="4", rate_limit_auth_requests_per_minute="3"
    )
    wrong = {"email": account["email"], "password": "not the password at all"}
    problem(counted(client.post(LOGIN, json=wrong), 401, 3, 2), 401, "INVALID_CREDENTIALS")
    # A valid session does not buy more guesses: sign-in is counted per IP, whoever asks.
    with_session = client.post(LOGIN, json=wrong, headers=someone_signed_in)
    problem(counted(with_session, 401, 3, 1), 401, "INVALID_CREDENTIALS")
    problem(counted(client.post(LOGIN, json=wrong), 401, 3, 0), 401, "INVALID_CREDENTIALS")
    rate_limited(client.post(LOGIN, json=wrong), 3)
    rate_limited(client.post(LOGIN, json=wrong, headers=someone_signed_in), 3)
    # Refused before the password is looked at, and sign-up and refresh share the budget.
    rate_limited(client.post(LOGIN, json={"email": account["email"], "password": PASSWORD}), 3)
    rate_limited(
        client.post(
            REGISTER,
            json={
                "email": "late@example.com",
                "password": PASSWORD,
                "first_name": "Late",
                "last_name": "Comer",
            },
        ),
        3,
    )
    rate_limited(client.post(REFRESH, json={"refresh_token": "x"}), 3)

    # The general budget of this IP is separate (limit 4, untouched by the sign-in attempts).
    for remaining in (3, 2, 1, 0):
        counted(client.get(ME), 401, 4, remaining)
    rate_limited(client.get(ME), 4)

    # Both budgets are spent; probes and metrics still answer, without budget headers.
    for _ in range(6):
        for path in ("/health", "/ready", "/metrics", "/api/v1/health"):
            response = client.get(path)
            assert response.status_code == 200, (path, response.text)
            assert "x-ratelimit-limit" not in response.headers
            assert "x-ratelimit-remaining" not in response.headers


def test_forwarded_for_from_a_trusted_proxy_separates_clients(make_client: MakeClient) -> None:
    client = limited(
        make_client,
        rate_limit_requests_per_minute="2",
        rate_limit_auth_requests_per_minute="1",
        server_trusted_proxies="testclient",
    )

    def anonymous(forwarded_for: str) -> Any:
        return client.get(ME, headers={"X-Forwarded-For": forwarded_for})

    counted(anonymous("203.0.113.1"), 401, 2, 1)
    counted(anonymous("203.0.113.1"), 401, 2, 0)
    rate_limited(anonymous("203.0.113.1"), 2)
    counted(anonymous("203.0.113.2"), 401, 2, 1)
    # The proxy's own requests (no header) are keyed by the proxy.
    counted(client.get(ME), 401, 2, 1)

    # The sign-in budget is per forwarded client too.
    wrong = {"email": "nobody@example.com", "password": "not the password at all"}
    counted(client.post(LOGIN, json=wrong, headers={"X-Forwarded-For": "203.0.113.1"}), 401, 1, 0)
    rate_limited(client.post(LOGIN, json=wrong, headers={"X-Forwarded-For": "203.0.113.1"}), 1)
    counted(client.post(LOGIN, json=wrong, headers={"X-Forwarded-For": "203.0.113.2"}), 401, 1, 0)


def test_forwarded_for_from_an_untrusted_peer_is_ignored(make_client: MakeClient) -> None:
    client = limited(make_client, rate_limit_requests_per_minute="2")

    def anonymous(forwarded_for: str) -> Any:
        return client.get(ME, headers={"X-Forwarded-For": forwarded_for})

    counted(anonymous("203.0.113.1"), 401, 2, 1)
    counted(anonymous("203.0.113.2"), 401, 2, 0)
    rate_limited(anonymous("203.0.113.3"), 2)
    rate_limited(client.get(ME), 2)


def test_a_spoofed_forwarded_for_chain_is_keyed_by_the_nearest_untrusted_hop(
    make_client: MakeClient,
) -> None:
    client = limited(
        make_client,
        rate_limit_requests_per_minute="3",
        server_trusted_proxies="testclient,10.0.0.2",
    )

    def anonymous(forwarded_for: str) -> Any:
        return client.get(ME, headers={"X-Forwarded-For": forwarded_for})

    real = "198.51.100.7"
    counted(anonymous(real), 401, 3, 2)
    # What the client wrote itself (left of what our proxies appended) changes nothing.
    counted(anonymous(f"203.0.113.66, {real}"), 401, 3, 1)
    counted(anonymous(f"192.0.2.1, {real}, 10.0.0.2"), 401, 3, 0)
    rate_limited(anonymous(f"192.0.2.99,{real}"), 3)
    # The spoofed addresses were never charged.
    counted(anonymous("203.0.113.66"), 401, 3, 2)
    counted(anonymous("192.0.2.1"), 401, 3, 2)


def test_trusted_proxies_may_be_networks(make_client: MakeClient) -> None:
    client = limited(
        make_client,
        rate_limit_requests_per_minute="2",
        server_trusted_proxies="testclient,10.0.0.0/8",
    )

    def anonymous(forwarded_for: str) -> Any:
        return client.get(ME, headers={"X-Forwarded-For": forwarded_for})

    real = "198.51.100.8"
    # Hops inside the network are our proxies (any address in it): the client is left of them.
    counted(anonymous(f"{real}, 10.1.2.3"), 401, 2, 1)
    counted(anonymous(f"{real}, 10.200.0.9, 10.1.2.3"), 401, 2, 0)
    rate_limited(anonymous(real), 2)
    # An address outside it is a client, whatever it wrote before itself.
    counted(anonymous(f"{real}, 11.0.0.1"), 401, 2, 1)


def test_a_trusted_proxy_network_must_parse(make_settings: MakeSettings) -> None:
    with pytest.raises(ConfigError, match=r"10\.0\.0\.0/33"):
        make_settings(server_trusted_proxies="10.0.0.0/33")


@pytest.fixture
def redis_limited(make_client: MakeClient, redis_url: str) -> MakeClient:
    """Rate-limited apps whose limits live in the module's Redis. Each app closes its Redis
    connections when its lifespan ends (an open socket would be a ResourceWarning: an error)."""

    def make(**overrides: str) -> TestClient:
        return limited(make_client, rate_limit_storage_uri=redis_url, **overrides)

    return make


def test_instances_on_one_redis_share_one_budget(redis_limited: MakeClient) -> None:
    overrides = {
        "rate_limit_requests_per_minute": "6",
        "rate_limit_auth_requests_per_minute": "100",
    }
    first = redis_limited(**overrides)
    second = redis_limited(**overrides)
    _, auth = signed_in(first)

    for remaining, instance in zip(range(5, -1, -1), [first, second] * 3, strict=True):
        counted(instance.get(ME, headers=auth), 200, 6, remaining)
    rate_limited(first.get(ME, headers=auth), 6)
    rate_limited(second.get(ME, headers=auth), 6)


def test_instances_with_memory_storage_count_separately(make_client: MakeClient) -> None:
    """The control for the test above: without shared storage each instance has the full budget."""
    first = limited(make_client, rate_limit_requests_per_minute="2")
    second = limited(make_client, rate_limit_requests_per_minute="2")
    _, auth = signed_in(first)

    counted(first.get(ME, headers=auth), 200, 2, 1)
    counted(first.get(ME, headers=auth), 200, 2, 0)
    rate_limited(first.get(ME, headers=auth), 2)
    counted(second.get(ME, headers=auth), 200, 2, 1)


def test_every_x_forwarded_for_line_is_read(make_client: MakeClient) -> None:
    """A proxy may append its own header line instead of extending the client's: the client's
    first line must not buy it a fresh budget."""
    client = limited(
        make_client, server_trusted_proxies="testclient", rate_limit_requests_per_minute="3"
    )
    for remaining in (2, 1, 0):
        headers = [("X-Forwarded-For", f"10.9.9.{remaining}"), ("X-Forwarded-For", "198.51.100.7")]
        counted(client.get(ME, headers=headers), 401, 3, remaining)
    rate_limited(
        client.get(
            ME, headers=[("X-Forwarded-For", "10.9.9.9"), ("X-Forwarded-For", "198.51.100.7")]
        ),
        3,
    )


def metric(client: TestClient, name: str) -> float:
    for line in client.get("/metrics").text.splitlines():
        if line.startswith(name + " ") or line.startswith(name + "{"):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def brute_force(client: TestClient, email: str, attempts: int) -> list[Any]:
    """Wrong passwords, one after another, each answered within a bound far below a hang."""
    wrong = {"email": email, "password": "not the password at all"}
    responses = []
    for _ in range(attempts):
        started = time.monotonic()
        responses.append(client.post(LOGIN, json=wrong))
        assert time.monotonic() - started < 3.0, "a request waited on the limit storage"
    return responses


def sign_in_limit_holds(client: TestClient, email: str) -> None:
    first, second, third, fourth, fifth = brute_force(client, email, 5)
    counted(first, 401, 3, 2)
    counted(second, 401, 3, 1)
    counted(third, 401, 3, 0)
    rate_limited(fourth, 3)
    rate_limited(fifth, 3)


@pytest.mark.parametrize("storage", ["refused", "never answers"])
def test_a_failed_limit_store_falls_back_to_this_process_limits(
    make_client: MakeClient, storage: str
) -> None:
    """Redis down (connection refused) or hung (accepts, never answers): requests are neither
    held nor unlimited; the sign-in limit still holds, counted in this process."""
    account = register(make_client())
    with contextlib.ExitStack() as stack:
        uri = "redis://127.0.0.1:1/0" if storage == "refused" else stack.enter_context(black_hole())
        client = limited(
            make_client,
            rate_limit_storage_uri=uri,
            rate_limit_auth_requests_per_minute="3",
            rate_limit_storage_timeout_seconds="0.2",
        )
        errors_before = metric(client, "provider_rate_limit_storage_errors_total")
        sign_in_limit_holds(client, account["email"])
        ready = client.get("/ready")
        assert ready.status_code == 200, ready.text
        assert ready.json()["rate_limits"] == "degraded"
        assert metric(client, "provider_rate_limit_storage_errors_total") > errors_before
        assert metric(client, "provider_rate_limit_degraded") == 1.0
        assert metric(client, "provider_rate_limit_fallback_total") >= 1


def test_shared_limits_resume_when_redis_returns(make_client: MakeClient) -> None:
    server = RedisProcess()
    try:
        server.start()
        overrides = {
            "rate_limit_storage_uri": server.url,
            "rate_limit_requests_per_minute": "6",
            "rate_limit_auth_requests_per_minute": "100",
            "rate_limit_storage_timeout_seconds": "0.2",
            "rate_limit_storage_retry_seconds": "0.2",
        }
        first, second = limited(make_client, **overrides), limited(make_client, **overrides)
        _, auth = signed_in(first)
        counted(first.get(ME, headers=auth), 200, 6, 5)
        counted(second.get(ME, headers=auth), 200, 6, 4)
        assert first.get("/ready").json()["rate_limits"] == "shared"

        server.stop()
        # Each instance counts on its own now: a fresh budget each.
        counted(first.get(ME, headers=auth), 200, 6, 5)
        counted(second.get(ME, headers=auth), 200, 6, 5)
        assert first.get("/ready").json()["rate_limits"] == "degraded"

        server.start()  # empty: a restarted Redis keeps no counters
        time.sleep(0.3)  # past storage_retry_seconds
        counted(first.get(ME, headers=auth), 200, 6, 5)
        counted(second.get(ME, headers=auth), 200, 6, 4)
        counted(first.get(ME, headers=auth), 200, 6, 3)
        assert first.get("/ready").json()["rate_limits"] == "shared"
        assert second.get("/ready").json()["rate_limits"] == "shared"
    finally:
        server.close()


def test_a_limit_store_outage_is_logged_once_per_interval(
    caplog: pytest.LogCaptureFixture,
) -> None:
    limits = RateLimits(
        per_minute=5,
        auth_per_minute=5,
        storage_uri="redis://127.0.0.1:1/0",
        storage_timeout=0.2,
        storage_retry=0,  # try the storage on every request
    )

    async def hits() -> list[bool]:
        return [(await limits.hit(limits.item, "ip:1"))[0] for _ in range(7)]

    with caplog.at_level("INFO", logger="provider_registry.ratelimit"):
        allowed = asyncio.run(hits())
    assert allowed == [True] * 5 + [False] * 2
    lines = [r.getMessage() for r in caplog.records if r.name == "provider_registry.ratelimit"]
    outages = [line for line in lines if "rate_limit.storage_unavailable" in line]
    assert len(outages) == 1, lines
    assert limits.state == "degraded"
