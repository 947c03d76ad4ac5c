"""Several instances behind a load balancer survive restarts and outages (issue 13): shared
limits and nonces, a rolling restart, PostgreSQL restarted and frozen, Redis stopped and hung, and
a billing service that never answers, each under a bounded load through nginx."""

from __future__ import annotations

import os
import secrets
import signal
import threading
import time
import uuid
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from provider_registry.identity.client_signing import sign_wallet_request
from tests.support.server import Instance
from tests.topology.conftest import (
    DEADLINE_SECONDS,
    DRAIN_SECONDS,
    GRACEFUL_SECONDS,
    Answer,
    Load,
    Outcome,
    Topology,
    acknowledged_writes_are_stored,
    admin_headers,
    call,
    client_ip,
    expect,
    log_events,
    metric,
    new_account,
    ready,
    statuses,
    wait_until,
)

pytestmark = pytest.mark.topology

# Every answer, even in an outage, comes within the deadline (plus the time to send it).
ANSWER_BOUND = DEADLINE_SECONDS + 2
RECOVERY_SECONDS = 5


def assert_service_unavailable(answer: Answer) -> None:
    assert answer.headers.get("content-type") == "application/problem+json", answer
    assert int(answer.headers["retry-after"]) >= 1, answer.headers
    assert answer.body["status"] == 503, answer.body


def assert_answered(outcomes: list[Outcome], allowed: set[int]) -> None:
    """Every request got an answer with an allowed status, within the deadline; 503s are
    problem+json with Retry-After."""
    counted = statuses(outcomes)
    assert set(counted) <= allowed, counted
    slowest = max(o.answer.seconds for o in outcomes)
    assert slowest <= ANSWER_BOUND, f"an answer took {slowest:.1f} s"
    for outcome in outcomes:
        if outcome.answer.status == 503:
            assert_service_unavailable(outcome.answer)


def no_tracebacks(topology: Topology) -> None:
    assert "Traceback" not in topology.logs()


# ------------------------------------------------------------------------ shared across instances


def test_rate_limits_are_shared_across_instances(topology: Topology) -> None:
    _, headers = new_account(topology.base)
    before = len(topology.nginx.access_log())
    answers = [call(topology.base, "GET", "/api/v1/auth/me", None, headers) for _ in range(61)]
    assert [a.status for a in answers].count(200) == 60
    assert answers[-1].status == 429
    assert answers[-1].headers["x-ratelimit-remaining"] == "0"
    served_by = {
        line.split("upstream=")[1].split()[0]
        for line in topology.nginx.access_log()[before:]
        if "/api/v1/auth/me" in line
    }
    assert len(served_by) == 3, served_by  # one budget, counted by every instance
    report(
        "shared limits",
        f"61 requests for one principal over {len(served_by)} instances: "
        f"{statuses([Outcome('read', a) for a in answers])}",
    )


def test_a_wallet_signature_cannot_be_replayed_on_another_instance(topology: Topology) -> None:
    key = ec.generate_private_key(ec.SECP256K1())
    signed = sign_wallet_request(
        key,
        prefix="virtengine",
        method="GET",
        path="/api/v1/auth/me",
        query_string="",
        body=b"",
        timestamp=str(time.time_ns() // 1_000_000),
        nonce=secrets.token_hex(16),
    )
    first, second = topology.instances[0], topology.instances[1]
    expect(call(first.base, "GET", "/api/v1/auth/me", None, signed), 200)
    replayed = call(second.base, "GET", "/api/v1/auth/me", None, signed)
    assert replayed.status == 401, replayed.body
    assert replayed.headers["content-type"] == "application/problem+json"


# ------------------------------------------------------------------------------- rolling restart


def test_a_rolling_restart_loses_no_request(topology: Topology) -> None:
    stops: list[str] = []
    with Load(topology.base) as load:
        time.sleep(2)
        for instance in topology.instances:
            process = instance.process
            assert process is not None
            instance.terminate()
            signalled = time.monotonic()
            # Readiness turns false first, while the instance still serves.
            not_ready = wait_until(lambda i=instance: not ready(i), timeout=1.5, interval=0.05)
            assert call(instance.base, "GET", "/health", timeout=5).status == 200
            assert process.wait(timeout=DRAIN_SECONDS + GRACEFUL_SECONDS + 5) == 0
            stopped_after = time.monotonic() - signalled
            assert stopped_after <= DRAIN_SECONDS + GRACEFUL_SECONDS, stopped_after
            stops.append(f"not ready after {not_ready:.2f} s, exited after {stopped_after:.1f} s")
            instance.start()
            wait_until(lambda i=instance: ready(i), timeout=20)
            time.sleep(1)
    assert len(load.outcomes) > 200, len(load.outcomes)
    assert statuses(load.outcomes).keys() <= {200, 201}, [
        (o.answer.status, o.answer.body, o.answer.error)
        for o in load.outcomes
        if o.answer.status not in (200, 201)
    ][:5]
    verified = acknowledged_writes_are_stored(topology, load.outcomes)
    assert verified > 20
    report(
        "rolling restart",
        f"{len(load.outcomes)} requests, statuses {statuses(load.outcomes)}, slowest answer "
        f"{max(o.answer.seconds for o in load.outcomes):.2f} s, {verified} writes verified; "
        + "; ".join(stops),
    )
    log = topology.logs()
    assert log.count(f"draining for {DRAIN_SECONDS} s") >= 3
    no_tracebacks(topology)


# ------------------------------------------------------------------------------------ PostgreSQL


def report(name: str, line: str) -> None:
    """The numbers of one fault, printed (make test-topology shows them) for the issue note."""
    print(f"\n[topology] {name}: {line}", flush=True)


def database_outage(topology: Topology, name: str, down: Any, up: Any, seconds: float) -> None:
    """Run the load, take the database away for ``seconds`` (``down``/``up``), and check what
    every request, probe and write saw."""
    logged_before = len(failure_lines(topology))
    with Load(topology.base) as load:
        time.sleep(2)
        down()
        went_down = time.monotonic()
        probes: list[Answer] = []
        while time.monotonic() - went_down < seconds:
            for instance in topology.instances:
                probes.append(call(instance.base, "GET", "/health", timeout=ANSWER_BOUND))
            time.sleep(0.5)
        up()
        came_back = time.monotonic()
        recovered = [
            wait_until(lambda i=instance: ready(i), timeout=RECOVERY_SECONDS + 1)
            for instance in topology.instances
        ]
        recovered_after = time.monotonic() - came_back
        time.sleep(max(0.0, came_back + RECOVERY_SECONDS + 3 - time.monotonic()))
    outcomes = load.outcomes
    assert_answered(outcomes, {200, 201, 503})
    # The outage was felt: requests in flight during it (not only started in it: a frozen path
    # holds the requests already on it) got 503s.
    during = [
        o
        for o in outcomes
        if o.answer.started < came_back and o.answer.started + o.answer.seconds > went_down + 1
    ]
    assert statuses(during).get(503, 0) > 0, statuses(during)
    after = load.since(came_back + RECOVERY_SECONDS)
    assert len(after) > 20, statuses(outcomes)
    assert statuses(after).keys() <= {200, 201}, statuses(after)
    assert recovered_after <= RECOVERY_SECONDS, recovered
    # Probes answered throughout (503 while the database was away), none hung.
    assert {p.status for p in probes} <= {200, 503}, [p.error for p in probes if p.status is None]
    assert max(p.seconds for p in probes) <= ANSWER_BOUND
    verified = acknowledged_writes_are_stored(topology, outcomes)
    # One line per failed request, no traceback.
    failures = statuses(outcomes).get(503, 0)
    logged = len(failure_lines(topology)) - logged_before
    assert 0 < logged <= failures, (logged, failures)
    no_tracebacks(topology)
    report(
        name,
        f"{len(outcomes)} requests, statuses {statuses(outcomes)}, slowest answer "
        f"{max(o.answer.seconds for o in outcomes):.1f} s, slowest probe "
        f"{max(p.seconds for p in probes):.1f} s, {logged} failure lines logged, every "
        f"instance ready {recovered_after:.1f} s after the database, {verified} writes verified",
    )


def failure_lines(topology: Topology) -> list[dict[str, Any]]:
    log = topology.logs()
    return log_events(log, "request.database_unavailable") + log_events(
        log, "request.database_timeout"
    )


def test_a_postgresql_restart_gives_clean_503s_and_recovers(topology: Topology) -> None:
    database_outage(
        topology,
        "postgresql restarted (4 s)",
        lambda: topology.cluster.stop("fast"),
        topology.cluster.start,
        seconds=4,
    )


def test_a_frozen_path_to_postgresql_gives_503s_within_the_deadline(topology: Topology) -> None:
    """Nothing fails on a frozen path: connections open and bytes are acknowledged (the proxy's
    kernel takes them), so no database or TCP time limit can fire; the request deadline is what
    answers the requests held on it. Frozen for longer than the deadline."""
    database_outage(
        topology,
        f"postgresql frozen ({DEADLINE_SECONDS + 3} s)",
        topology.database_path.freeze,
        topology.database_path.thaw,
        seconds=DEADLINE_SECONDS + 3,
    )


# ----------------------------------------------------------------------------------------- Redis


def brute_force(topology: Topology, attempts: int) -> dict[int | None, int]:
    """Wrong passwords for one address from one client IP, spread over the instances."""
    ip = {"X-Forwarded-For": client_ip()}
    body = {"email": f"victim-{uuid.uuid4().hex[:8]}@example.com", "password": "wrong-Passw0rd!"}
    answers = [call(topology.base, "POST", "/api/v1/auth/login", body, ip) for _ in range(attempts)]
    return statuses([Outcome("login", a) for a in answers])


def limits_shared(instance: Instance) -> bool:
    call(instance.base, "GET", "/api/v1/auth/me")  # a limited request (401 without a principal)
    return bool(call(instance.base, "GET", "/ready", timeout=5).body["rate_limits"] == "shared")


def redis_outage(topology: Topology, name: str, down: Any, up: Any) -> None:
    fallbacks = [metric(i, "provider_rate_limit_fallback_total") for i in topology.instances]
    with Load(topology.base) as load:
        time.sleep(1)
        down()
        went_down = time.monotonic()
        # Sign-in limits still hold: 10 a minute per client IP in each of the three processes.
        tried = brute_force(topology, 40)
        assert tried.get(429, 0) >= 10, tried
        assert tried.get(401, 0) <= 30, tried
        for instance in topology.instances:
            call(instance.base, "GET", "/api/v1/auth/me")  # each has met the outage
            readiness = call(instance.base, "GET", "/ready", timeout=5)
            assert readiness.status == 200, readiness.body  # degraded, still serving
            assert readiness.body["rate_limits"] == "degraded", readiness.body
        time.sleep(2)
        up()
        came_back = time.monotonic()
    outcomes = load.since(went_down)
    assert_answered(outcomes, {200, 201, 429})
    assert statuses(outcomes).get(429, 0) < len(outcomes) / 10, statuses(outcomes)
    for before, instance in zip(fallbacks, topology.instances, strict=True):
        assert metric(instance, "provider_rate_limit_fallback_total") > before
    # Shared limiting resumes: each instance tries Redis again with its next limited request
    # (probes are not limited), and from then on there is one budget for all.
    wait_until(lambda: all(limits_shared(i) for i in topology.instances), timeout=10)
    test_rate_limits_are_shared_across_instances(topology)
    logged = log_events(topology.logs(), "rate_limit.storage_unavailable")
    seconds = time.monotonic() - went_down
    assert 0 < len(logged) <= 3 * (seconds / 60 + 2), len(logged)  # once per interval
    assert time.monotonic() - came_back < 30
    no_tracebacks(topology)
    report(
        name,
        f"{len(outcomes)} requests, statuses {statuses(outcomes)}, slowest answer "
        f"{max(o.answer.seconds for o in outcomes):.2f} s, 40 wrong passwords {tried}, "
        f"{len(logged)} outage lines logged",
    )


def test_redis_stopped_falls_back_to_per_process_limits(topology: Topology) -> None:
    redis_outage(topology, "redis stopped", topology.redis.stop, topology.redis.start)


def test_redis_that_never_answers_falls_back_too(topology: Topology) -> None:
    process = topology.redis.process
    assert process is not None
    redis_outage(
        topology,
        "redis hung",
        lambda: os.kill(process.pid, signal.SIGSTOP),
        lambda: os.kill(process.pid, signal.SIGCONT),
    )


# --------------------------------------------------------------------------------------- billing


def registered_provider(topology: Topology) -> tuple[str, dict[str, str]]:
    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    ip = {"X-Forwarded-For": client_ip()}
    body = {
        "name": "Topology Compute",
        "email": f"ops-{uuid.uuid4().hex[:12]}@compute.example",
        "public_key": pem,
        "endpoints": [
            {
                "type": "api",
                "url": "https://api.topology.example",
                "protocol": "https",
                "secure": True,
            }
        ],
        "metadata": {"region": "us-west-2"},
        "terms": True,
    }
    registered = expect(call(topology.base, "POST", "/api/v1/registration/register", body, ip), 201)
    provider_id = registered["provider"]["id"]
    tokens = expect(
        call(
            topology.base,
            "POST",
            "/api/v1/registration/auth",
            {"provider_id": provider_id, "api_key": registered["api_key"]},
            ip,
        ),
        200,
    )
    return provider_id, {"Authorization": f"Bearer {tokens['access_token']}"}


def test_a_billing_service_that_never_answers_holds_no_lock_nor_worker(
    topology: Topology,
) -> None:
    admin = admin_headers(topology.base)
    provider_id, provider = registered_provider(topology)
    topology.billing.set_plan([], default={"delay": 600})
    approval: list[Answer] = []
    approving = threading.Thread(
        target=lambda: approval.append(
            call(
                topology.base, "POST", f"/api/v1/admin/providers/{provider_id}/approve", None, admin
            )
        )
    )
    approving.start()
    try:
        wait_until(lambda: len(topology.billing.requests()) > 0, timeout=5)
        # Meanwhile everything about the same provider answers at once.
        quick = [
            call(topology.base, "GET", f"/api/v1/admin/providers/{provider_id}", None, admin),
            call(topology.base, "GET", "/api/v1/provider/profile", None, provider),
            call(
                topology.base,
                "POST",
                f"/api/v1/admin/providers/{provider_id}/reject",
                {"rejection_reason": "Not now."},
                admin,
            ),
            call(topology.base, "GET", "/api/v1/auth/me", None, admin),
        ]
        assert [a.status for a in quick] == [200, 200, 409, 200], [a.body for a in quick]
        assert quick[2].body["code"] == "APPROVAL_IN_PROGRESS"
        assert int(quick[2].headers["retry-after"]) >= 1
        assert max(a.seconds for a in quick) < 1.0, [round(a.seconds, 2) for a in quick]
    finally:
        approving.join(timeout=ANSWER_BOUND + 5)
        topology.billing.set_plan([], default={})
    (answer,) = approval
    assert answer.status == 502, answer.body
    assert answer.body["code"] == "BILLING_UNAVAILABLE"
    assert answer.seconds <= ANSWER_BOUND
    profile = expect(call(topology.base, "GET", "/api/v1/provider/profile", None, provider), 200)
    assert profile["status"] == "pending"
    # and nothing was left claimed: the approval can be retried, and now it goes through
    approved = call(
        topology.base, "POST", f"/api/v1/admin/providers/{provider_id}/approve", None, admin
    )
    assert expect(approved, 200)["status"] == "approved"
    report(
        "billing never answers",
        "meanwhile "
        + ", ".join(f"{a.status} in {a.seconds:.2f} s" for a in quick)
        + f"; the approval {answer.status} after {answer.seconds:.1f} s; a retry approved",
    )
