"""API4 (unrestricted resource consumption): no request costs more than it should.

- Every ``pattern`` in the spec matches in linear time, and ``maxLength`` is checked before
  ``pattern``, so a hostile string costs a worker microseconds, not seconds or hours.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from provider_registry.catalog.service import semver_key
from provider_registry.deployments.models import DeploymentLog
from provider_registry.kit.validation import collect_issues, compiled_validator
from provider_registry.tickets.models import TicketComment
from tests.catalog.test_catalog import service_body
from tests.conftest import MakeClient, problem
from tests.identity.helpers import signed_in
from tests.portal.world import World, db_session

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_SPEC = ROOT / "generated" / "openapi.json"
MIB = 1024 * 1024


def spec_patterns(node: Any) -> set[str]:
    """Every ``pattern`` keyword anywhere in the bundled spec (schemas, parameters, headers)."""
    found: set[str] = set()
    if isinstance(node, dict):
        pattern = node.get("pattern")
        if isinstance(pattern, str) and node.get("type", "string") == "string":
            found.add(pattern)
        for value in node.values():
            found |= spec_patterns(value)
    elif isinstance(node, list):
        for item in node:
            found |= spec_patterns(item)
    return found


# Runs in a child process, so a pattern that backtracks catastrophically fails the test by
# timing out rather than hanging it. For each pattern: pump strings of 100k characters (one
# character or a pair repeated, after an optional short prefix the pattern may need) ending in
# each character of the alphabet, matched as JSON Schema does (re.search).
SWEEP = textwrap.dedent(
    r"""
    import json, re, sys, time
    patterns = json.loads(sys.stdin.read())
    alphabet = ["a", "Z", "0", " ", "\t", "-", ".", "_", "+", ":", "/", "@", "\u00e9",
                "\u00a0", "\u2028", "\x01", "\x7f", "\x9f", '"', "\\", "!"]
    pair_chars = ["a", "0", ".", "-", " ", "@"]
    pumps = alphabet + [x + y for x in pair_chars for y in pair_chars if x != y]
    prefixes = ["", "1", "1.0.0-", "a@", "https://"]
    tails = ["\x01", "!", "\n"]
    length = 100_000
    worst = {}
    for pattern in patterns:
        compiled = re.compile(pattern)
        slowest, culprit = 0.0, ""
        for prefix in prefixes:
            for pump in pumps:
                body = prefix + pump * (length // len(pump))
                for tail in tails:
                    started = time.perf_counter()
                    compiled.search(body + tail)
                    elapsed = time.perf_counter() - started
                    if elapsed > slowest:
                        slowest, culprit = elapsed, body + tail
        # The slowest input again, best of three: a busy machine's hiccup is not backtracking.
        for _ in range(3):
            started = time.perf_counter()
            compiled.search(culprit)
            slowest = min(slowest, time.perf_counter() - started)
        print(json.dumps([pattern, slowest]), flush=True)
    """
)

PER_MATCH_BOUND_SECONDS = 0.1  # a linear match of 100k characters takes about 1-10 ms
SWEEP_TIMEOUT_SECONDS = 180


def test_every_pattern_in_the_spec_matches_in_linear_time() -> None:
    patterns = sorted(spec_patterns(json.loads(BUNDLED_SPEC.read_text())))
    assert len(patterns) > 10  # the sweep really sees the spec's patterns
    with subprocess.Popen(
        [sys.executable, "-c", SWEEP],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as sweep:
        try:
            out, _ = sweep.communicate(json.dumps(patterns), timeout=SWEEP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            sweep.kill()
            out, _ = sweep.communicate()
            done = {json.loads(line)[0] for line in out.splitlines()}
            stuck = [p for p in patterns if p not in done][:1]
            pytest.fail(f"a pattern backtracks catastrophically (the sweep timed out on {stuck})")
    worst = dict(json.loads(line) for line in out.splitlines())
    assert set(worst) == set(patterns)
    slow = {p: round(t, 3) for p, t in worst.items() if t > PER_MATCH_BOUND_SECONDS}
    assert slow == {}, f"patterns slower than linear on 100k-character inputs: {slow}"


def test_max_length_is_checked_before_pattern() -> None:
    """A slow pattern behind a maxLength costs nothing on an over-long string (this one is
    quadratic: about two seconds on 20,000 characters if it ran)."""
    quadratic = "^[^C]*[^\\sC][^C]*$"
    schema = {"type": "string", "minLength": 1, "maxLength": 100, "pattern": quadratic}
    started = time.perf_counter()
    issues = collect_issues(compiled_validator(schema), "a" * 20_000 + "C")
    elapsed = time.perf_counter() - started
    assert [(i.field, i.code) for i in issues] == [("", "TOO_LONG")]
    assert elapsed < 0.1
    # Within the limit, the pattern still applies.
    assert [i.code for i in collect_issues(compiled_validator(schema), "aaaC")] == [
        "INVALID_FORMAT"
    ]


HOSTILE = "a" * MIB + "\x01"  # printable, printable, ..., then one control character


@pytest.fixture
def big_body_client(make_client: MakeClient) -> TestClient:
    # Room for a 1 MiB string inside a JSON body, so the validator (not the size limit) answers.
    return make_client(server_max_body_bytes=str(4 * MIB))


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/v1/organizations", {"name": HOSTILE}, "name"),
        (
            "/api/v1/tickets",
            {
                "deployment_id": str(uuid.uuid4()),
                "subject": HOSTILE,
                "description": "It is slow.",
                "category": "technical",
            },
            "subject",
        ),
    ],
)
def test_a_hostile_megabyte_string_is_refused_at_once(
    big_body_client: TestClient, path: str, body: dict[str, Any], field: str
) -> None:
    _, headers = signed_in(big_body_client)
    payload = json.dumps(body).encode()
    assert len(payload) > MIB
    started = time.perf_counter()
    response = big_body_client.post(
        path, content=payload, headers={**headers, "Content-Type": "application/json"}
    )
    elapsed = time.perf_counter() - started
    problem_body = problem(response, 400, "VALIDATION_ERROR")
    messages = {(e["field"], e["message"]) for e in problem_body["errors"]}
    assert any(f == field and m.startswith("must be at most") for f, m in messages), messages
    assert elapsed < 1.0, f"took {elapsed:.2f} s"


# Unbounded responses ---------------------------------------------------------------------------

LOG_BUDGET = 65_536  # the smallest log_tail_max_bytes allowed


@pytest.fixture
def portal(make_client: MakeClient, clean_db: str) -> World:
    return World(make_client(portal_log_tail_max_bytes=str(LOG_BUDGET)), clean_db)


def test_a_log_tail_is_capped_by_bytes_and_pages_on(portal: World) -> None:
    owner, provider = portal.tenant(), portal.provider()
    deployment = portal.insert_deployment(owner, provider)
    base = datetime(2026, 11, 1, tzinfo=UTC)
    lines = [f"{i:05d} " + "x" * 9_994 for i in range(40)]  # 10,000 characters each, 400 kB
    with db_session(portal.database_url) as session:
        for i, line in enumerate(lines):
            session.add(
                DeploymentLog(
                    deployment_id=uuid.UUID(deployment), ts=base + timedelta(seconds=i), line=line
                )
            )
    url = f"/api/v1/deployments/{deployment}/logs?tail=10000"
    first = portal.client.get(url, headers=owner.headers)
    assert first.status_code == 200, first.text
    assert len(first.content) <= LOG_BUDGET + 1_024
    page = first.json()
    assert page["truncated"] is True
    assert page["next_cursor"]
    assert page["lines"] == lines[-len(page["lines"]) :]  # the newest that fit, oldest first

    seen: list[str] = []
    cursor: str | None = None
    for _ in range(50):
        response = portal.client.get(
            url + (f"&cursor={cursor}" if cursor else ""), headers=owner.headers
        )
        assert response.status_code == 200, response.text
        assert len(response.content) <= LOG_BUDGET + 1_024
        body = response.json()
        seen = body["lines"] + seen
        cursor = body["next_cursor"]
        if cursor is None:
            assert body["truncated"] is False
            break
    assert seen == lines  # every line exactly once, in order

    # Within the budget nothing changes: the newest `tail` lines, not truncated.
    small = portal.client.get(
        f"/api/v1/deployments/{deployment}/logs?tail=2", headers=owner.headers
    ).json()
    assert small["lines"] == lines[-2:]
    assert small["truncated"] is False
    assert small["next_cursor"]
    problem(
        portal.client.get(url + "&cursor=bm90LWEtY3Vyc29y", headers=owner.headers),
        400,
        "VALIDATION_ERROR",
    )


def test_ticket_comments_are_paginated(portal: World) -> None:
    owner, provider = portal.tenant(), portal.provider()
    deployment = portal.insert_deployment(owner, provider)
    opened = portal.client.post(
        "/api/v1/tickets",
        headers=owner.headers,
        json={
            "deployment_id": deployment,
            "subject": "Slow",
            "description": "It is slow.",
            "category": "technical",
        },
    )
    assert opened.status_code == 201, opened.text
    ticket_id = opened.json()["id"]
    base = datetime(2026, 11, 1, tzinfo=UTC)
    bodies = [f"comment {i:03d}" for i in range(250)]
    with db_session(portal.database_url) as session:
        for i, text in enumerate(bodies):
            session.add(
                TicketComment(
                    ticket_id=uuid.UUID(ticket_id),
                    author_kind="account",
                    author_id=uuid.UUID(owner.id),
                    body=text,
                    created_at=base + timedelta(seconds=i),
                )
            )
    detail = portal.client.get(f"/api/v1/tickets/{ticket_id}", headers=owner.headers).json()
    assert [c["body"] for c in detail["comments"]] == bodies[:100]
    assert detail["comments_next_cursor"]

    comments = f"/api/v1/tickets/{ticket_id}/comments"
    rest = portal.client.get(
        f"{comments}?limit=100&cursor={detail['comments_next_cursor']}", headers=owner.headers
    ).json()
    assert [c["body"] for c in rest["items"]] == bodies[100:200]

    assert walk(portal.client, f"{comments}?limit=30", owner.headers, "body") == bodies
    # Someone who may not see the ticket learns nothing about its comments.
    stranger = portal.tenant()
    problem(portal.client.get(comments, headers=stranger.headers), 404, "TICKET_NOT_FOUND")


def walk(client: TestClient, url: str, headers: dict[str, str], field: str) -> list[Any]:
    """Every item of a cursor-paged list, in order (and each page within its limit)."""
    limit = int(url.rpartition("limit=")[2].split("&")[0])
    seen: list[Any] = []
    cursor: str | None = None
    for _ in range(1_000):
        response = client.get(url + (f"&cursor={cursor}" if cursor else ""), headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        assert len(page["items"]) <= limit
        seen += [item[field] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen
    pytest.fail("the cursor walk does not end")


def test_service_versions_are_paginated(portal: World) -> None:
    provider = portal.provider()
    versions = [f"1.{minor}.{patch}" for minor in range(5) for patch in range(5)] + [
        "2.0.0-alpha",
        "2.0.0-alpha.1",
        "2.0.0",
    ]
    for version in versions:
        created = portal.client.post(
            "/api/v1/services",
            headers=provider.headers,
            json=service_body(name="acme-many", version=version),
        )
        assert created.status_code == 201, created.text
        published = portal.client.post(
            f"/api/v1/services/{created.json()['id']}/publish", headers=provider.headers
        )
        assert published.status_code == 200, published.text
    newest_first = sorted(versions, key=semver_key, reverse=True)
    url = "/api/v1/services/acme-many/versions?limit=4"
    assert walk(portal.client, url, {}, "version") == newest_first
    first = portal.client.get("/api/v1/services/acme-many/versions").json()
    assert [s["version"] for s in first["items"]] == newest_first[:20]
    assert first["next_cursor"]
    problem(portal.client.get(url + "&cursor=bm9wZQ"), 400, "VALIDATION_ERROR")
