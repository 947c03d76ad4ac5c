#!/usr/bin/env python3
"""Authentication benchmark against a running server: the cost of each way in.

    PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false make serve     # in one terminal, with the
                                                              # usual JWT secret and pepper
    scripts/bench_auth.py --requests 3000 --login-requests 300 --concurrency 32

Run it against `make serve` (gunicorn with uvicorn workers, as in production), not `make run`.
The server must run with rate limits disabled (PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false) or
raised far above the request counts used here; otherwise the benchmark measures 429 answers,
not authentication. It refuses to start when the server's X-RateLimit-Limit is below what the
run needs, or when setting up gets a 429.

It registers a fresh account (a unique email), signs in, creates an API key with the
"account:read" scope, then measures with scripts/bench.py's machinery (keep-alive connections
spread over worker processes):

  - GET /api/v1/auth/me with the bearer token (JWT check in-process),
  - GET /api/v1/auth/me with the X-API-Key header (one database lookup per request),
  - POST /api/v1/auth/login with a JSON body (bcrypt-bound: fewer requests by default).

One summary line per scenario: requests/s, p50 and p99 latency, status counts. Only loopback
targets are allowed. Exits 1 when a scenario got anything but 200s.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import secrets
import sys
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

# A throwaway account per run: a random password, never a fixed one.
PASSWORD = secrets.token_urlsafe(24)
LIMIT = "X-RateLimit-Limit"
RATE_LIMIT_HINT = (
    "the server is rate limiting: restart it with PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false "
    "(or limits far above the request counts) and run the benchmark again"
)


def _load_bench() -> ModuleType:
    """scripts/bench.py, imported by path (scripts/ is not a package). Registered as "bench" so
    its worker function can be found by name in worker processes, whatever the start method."""
    if "bench" in sys.modules:
        return sys.modules["bench"]
    path = Path(__file__).resolve().with_name("bench.py")
    spec = importlib.util.spec_from_file_location("bench", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench"] = module
    spec.loader.exec_module(module)
    return module


bench_module = _load_bench()


class SetupFailed(Exception):
    pass


@dataclass(frozen=True)
class Reply:
    status: int
    document: dict[str, Any]
    # X-RateLimit-Limit, when the server is rate limiting.
    rate_limit: int | None


def call(
    base: str, method: str, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
) -> Reply:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        method=method,
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw, limit = response.status, response.read(), response.headers.get(LIMIT)
    except urllib.error.HTTPError as error:
        status, raw, limit = error.code, error.read(), error.headers.get(LIMIT)
    except OSError as error:
        raise SetupFailed(f"{method} {path}: cannot reach {base}: {error}") from error
    try:
        document = json.loads(raw) if raw else {}
    except ValueError:
        document = {"raw": raw[:200].decode("utf-8", "replace")}
    return Reply(status, document, int(limit) if limit and limit.isdigit() else None)


def expect(reply: Reply, wanted: int, what: str) -> Reply:
    if reply.status == 429:
        raise SetupFailed(f"{what}: 429 Too Many Requests; {RATE_LIMIT_HINT}")
    if reply.status != wanted:
        raise SetupFailed(f"{what}: expected {wanted}, got {reply.status}: {reply.document}")
    return reply


def check_budget(reply: Reply, needed: int, what: str) -> None:
    """Refuse to measure 429s: the server's per-minute limit must cover the whole scenario."""
    if reply.rate_limit is not None and reply.rate_limit < needed:
        raise SetupFailed(
            f"{what} is limited to {reply.rate_limit} requests per minute and this run needs "
            f"{needed}; {RATE_LIMIT_HINT}"
        )


def warmup_count(requests: int) -> int:
    return min(100, requests // 10)


def set_up(base: str, requests: int, login_requests: int) -> tuple[str, str, str]:
    """A fresh account, its access token and an API key; returns (email, token, key)."""
    email = f"bench-{uuid.uuid4().hex[:16]}@example.com"
    account = {"email": email, "password": PASSWORD, "first_name": "Bench", "last_name": "Mark"}
    expect(call(base, "POST", "/api/v1/auth/register", account), 201, "register")
    credentials = {"email": email, "password": PASSWORD}
    signed_in = expect(call(base, "POST", "/api/v1/auth/login", credentials), 200, "login")
    # Sign-in has its own per-IP budget: register, this login, the warm-up and the run.
    check_budget(signed_in, 2 + login_requests + warmup_count(login_requests), "sign-in")
    token = signed_in.document["access_token"]
    key_request = {"name": "bench_auth", "scopes": ["account:read"]}
    bearer = {"Authorization": f"Bearer {token}"}
    created = expect(
        call(base, "POST", "/api/v1/auth/api-keys", key_request, bearer), 201, "create API key"
    )
    # The bearer and the API key draw on one budget, the account's.
    check_budget(created, 1 + 2 * (requests + warmup_count(requests)), "the account")
    return email, token, created.document["key"]


def run_scenario(
    opts: argparse.Namespace,
    label: str,
    method: str,
    path: str,
    headers: dict[str, str],
    body: str | None,
    requests: int,
) -> dict[str, Any]:
    warmup = warmup_count(requests)
    if warmup:
        bench_module.bench(
            opts.url, path, method, headers, body, warmup, min(opts.concurrency, 8), 1
        )
    result: dict[str, Any] = bench_module.bench(
        opts.url, path, method, headers, body, requests, opts.concurrency, opts.processes
    )
    result["scenario"] = label
    print(
        f"{label:<22} {result['rps']:>9} req/s  p50 {result['p50_ms']:>8} ms  "
        f"p99 {result['p99_ms']:>8} ms  ({result['requests']} requests, "
        f"{result['concurrency']} connections, statuses {result['statuses']})",
        flush=True,
    )
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--requests", type=int, default=3000, help="per /me scenario")
    parser.add_argument("--login-requests", type=int, default=300, help="bcrypt-bound")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2, help="client worker processes")
    parser.add_argument("--json", action="store_true", help="also print one JSON line per run")
    opts = parser.parse_args()
    if opts.requests < 1 or opts.login_requests < 1 or opts.concurrency < 1:
        parser.error("--requests, --login-requests and --concurrency must be at least 1")

    host = urlsplit(opts.url).hostname
    if host not in bench_module.LOOPBACK:
        print(f"refusing to load {host}: only loopback targets are allowed", file=sys.stderr)
        return 2
    base = opts.url.rstrip("/")

    try:
        email, token, key = set_up(base, opts.requests, opts.login_requests)
    except SetupFailed as exc:
        print(f"setup failed: {exc}", file=sys.stderr)
        return 1

    login_body = json.dumps({"email": email, "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token}"}
    api_key = {"X-API-Key": key}
    json_body = {"Content-Type": "application/json"}
    scenarios = [
        ("me (bearer)", "GET", "/api/v1/auth/me", bearer, None, opts.requests),
        ("me (X-API-Key)", "GET", "/api/v1/auth/me", api_key, None, opts.requests),
        (
            "login (bcrypt)",
            "POST",
            "/api/v1/auth/login",
            json_body,
            login_body,
            opts.login_requests,
        ),
    ]
    results = [run_scenario(opts, *scenario) for scenario in scenarios]

    if opts.json:
        for result in results:
            print(json.dumps(result))
    unexpected = {r["scenario"]: r["statuses"] for r in results if set(r["statuses"]) != {"200"}}
    if unexpected:
        hint = RATE_LIMIT_HINT if any("429" in s for s in unexpected.values()) else ""
        print(f"warning: responses other than 200: {unexpected}. {hint}".rstrip(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
