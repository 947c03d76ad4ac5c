#!/usr/bin/env python3
"""Tenant portal benchmark against a running server (`make serve`), over loopback.

    PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false make serve      # in one terminal
    scripts/bench_tenant.py --database-url postgresql://postgres@127.0.0.1:5432/registry

Scenarios (requests/s, p50 and p99 per line, like the other bench scripts):

  - GET /api/v1/auth/me wallet-signed (ADR-036 secp256k1): each request carries its own nonce,
    so every request is pre-signed in this process and workers send them in turn; the server
    verifies the signature and records the nonce (one INSERT) per request;
  - GET /api/v1/deployments?limit=20: the first page, and a page deep in the cursor walk, for a
    tenant who owns --deployments deployments (seeded with SQL straight into the database the
    server uses, then ANALYZE; EXPLAIN ANALYZE of the first-page query is printed);
  - GET /api/v1/deployments/{id}/logs?tail=100 on a deployment with --log-lines lines;
  - POST /api/v1/provider/deployments/{id}/logs, batches of 100 lines (lines/s too).

The server must run with rate limits off (PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false) and its
wallet prefix must match --wallet-prefix. Only loopback targets are allowed. Exits 1 when a
scenario got anything but its expected status.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.util
import json
import multiprocessing as mp
import secrets
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PASSWORD = secrets.token_urlsafe(24)


def _load_bench() -> ModuleType:
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


def call(
    base: str, method: str, path: str, body: Any, headers: dict[str, str] | None = None
) -> Any:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    document = json.loads(raw) if raw else {}
    if status >= 300:
        raise SystemExit(f"setup: {method} {path} -> {status}: {document}")
    return document


def connect(database_url: str) -> Any:
    import psycopg2  # type: ignore[import-untyped]

    return psycopg2.connect(database_url)


# Set-up ---------------------------------------------------------------------------------------


def tenant(base: str) -> tuple[str, dict[str, str]]:
    email = f"bench-tenant-{uuid.uuid4().hex[:12]}@example.com"
    account = call(
        base,
        "POST",
        "/api/v1/auth/register",
        {"email": email, "password": PASSWORD, "first_name": "Bench", "last_name": "Tenant"},
    )
    tokens = call(base, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})
    return account["id"], {"Authorization": f"Bearer {tokens['access_token']}"}


def provider(base: str, connection: Any) -> tuple[str, dict[str, str]]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    registered = call(
        base,
        "POST",
        "/api/v1/registration/register",
        {
            "name": "Bench Compute",
            "email": f"bench-{uuid.uuid4().hex[:12]}@compute.example",
            "public_key": pem,
            "endpoints": [
                {"type": "api", "url": "https://api.bench.example", "protocol": "https",
                 "secure": True}
            ],
            "metadata": {"region": "us-west-2"},
            "terms": True,
        },
    )  # fmt: skip
    provider_id = registered["provider"]["id"]
    with connection, connection.cursor() as cursor:  # approval without an admin session
        cursor.execute("UPDATE providers SET status = 'approved' WHERE id = %s", (provider_id,))
    tokens = call(
        base,
        "POST",
        "/api/v1/registration/auth",
        {"provider_id": provider_id, "api_key": registered["api_key"]},
    )
    return provider_id, {"Authorization": f"Bearer {tokens['access_token']}"}


def seed(connection: Any, owner: str, provider_id: str, deployments: int, log_lines: int) -> str:
    """``deployments`` active deployments of ``owner`` over the last year, and ``log_lines``
    lines on the newest one; returns that deployment's id."""
    started = time.perf_counter()
    with connection, connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO deployments (id, owner_account_id, provider_id, name, cpu, memory, storage,
                gpu, state, lease_id, replicas_ready, replicas_total, services, version,
                accepted_at, created_at, updated_at)
            SELECT gen_random_uuid(), %(owner)s, %(provider)s, 'bench-' || n, 2, 4, 20, 0,
                'active', 'lease-' || n, 1, 1, '[]', 1,
                now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval,
                now() - (n || ' seconds')::interval
            FROM generate_series(1, %(count)s) AS n
            """,
            {"owner": owner, "provider": provider_id, "count": deployments},
        )
        cursor.execute(
            "SELECT id FROM deployments WHERE owner_account_id = %s "
            "ORDER BY created_at DESC, id DESC LIMIT 1",
            (owner,),
        )
        newest = str(cursor.fetchone()[0])
        cursor.execute(
            """
            INSERT INTO deployment_logs (deployment_id, ts, service, line)
            SELECT %(deployment)s, now() - (n || ' milliseconds')::interval, 'web',
                'GET /index.html 200 ' || n
            FROM generate_series(1, %(count)s) AS n
            """,
            {"deployment": newest, "count": log_lines},
        )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE deployments")
        cursor.execute("ANALYZE deployment_logs")
    connection.autocommit = False
    print(
        f"seeded {deployments} deployments and {log_lines} log lines in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )
    return newest


def explain_first_page(connection: Any, owner: str) -> None:
    with connection, connection.cursor() as cursor:
        cursor.execute(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM deployments WHERE owner_account_id = %s "
            "ORDER BY created_at DESC, id DESC LIMIT 21",
            (owner,),
        )
        plan = [row[0] for row in cursor.fetchall()]
    print("EXPLAIN first page: " + " | ".join(line.strip() for line in plan if line), flush=True)


# Scenarios ------------------------------------------------------------------------------------


def _signed_worker(args: dict[str, Any], batches: list[list[dict[str, str]]], out: Any) -> None:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def run(headers_list: list[dict[str, str]]) -> None:
        conn = http.client.HTTPConnection(args["host"], args["port"], timeout=30)
        local: list[float] = []
        local_status: dict[int, int] = {}
        for headers in headers_list:
            started = time.perf_counter()
            try:
                conn.request("GET", args["path"], headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(args["host"], args["port"], timeout=30)
                status = 0
            local.append(time.perf_counter() - started)
            local_status[status] = local_status.get(status, 0) + 1
        conn.close()
        with lock:
            latencies.extend(local)
            for key, value in local_status.items():
                statuses[key] = statuses.get(key, 0) + value

    threads = [threading.Thread(target=run, args=(batch,)) for batch in batches if batch]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.put((latencies, statuses))


def wallet_scenario(opts: argparse.Namespace) -> dict[str, Any]:
    from cryptography.hazmat.primitives.asymmetric import ec

    from provider_registry.identity.signing import sign_wallet_request

    key = ec.generate_private_key(ec.SECP256K1())
    path = "/api/v1/auth/me"
    signed = [
        sign_wallet_request(
            key,
            prefix=opts.wallet_prefix,
            method="GET",
            path=path,
            query_string="",
            body=b"",
            timestamp=str(time.time_ns() // 1_000_000),
            nonce=secrets.token_hex(16),
        )
        for _ in range(opts.requests + 1)
    ]
    parts = urlsplit(opts.url)
    first = call(opts.url.rstrip("/"), "GET", path, None, signed.pop())  # creates the account
    assert first["auth_method"] == "wallet"
    args = {"host": parts.hostname, "port": parts.port or 80, "path": path}
    processes = max(1, min(opts.processes, opts.concurrency))
    per_process = [signed[i::processes] for i in range(processes)]
    threads_each = max(1, opts.concurrency // processes)
    queue: Any = mp.Queue()
    started = time.perf_counter()
    workers = [
        mp.Process(
            target=_signed_worker,
            args=(args, [share[j::threads_each] for j in range(threads_each)], queue),
        )
        for share in per_process
    ]
    for worker in workers:
        worker.start()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    for _ in workers:
        got, counted = queue.get()
        latencies.extend(got)
        for status, count in counted.items():
            statuses[status] = statuses.get(status, 0) + count
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "scenario": "me (wallet-signed)",
        "method": "GET",
        "path": path,
        "requests": len(latencies),
        "concurrency": opts.concurrency,
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(bench_module.percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(bench_module.percentile(latencies, 0.99) * 1000, 2),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def run(
    opts: argparse.Namespace,
    label: str,
    method: str,
    path: str,
    headers: dict[str, str],
    body: str | None,
    requests: int,
) -> dict[str, Any]:
    bench_module.bench(opts.url, path, method, headers, body, min(50, requests), 4, 1)  # warm-up
    result: dict[str, Any] = bench_module.bench(
        opts.url, path, method, headers, body, requests, opts.concurrency, opts.processes
    )
    result["scenario"] = label
    return result


def report(result: dict[str, Any], extra: str = "") -> None:
    print(
        f"{result['scenario']:<26} {result['rps']:>9} req/s  p50 {result['p50_ms']:>8} ms  "
        f"p99 {result['p99_ms']:>8} ms  ({result['requests']} requests, "
        f"statuses {result['statuses']}){extra}",
        flush=True,
    )


def deep_page_path(base: str, headers: dict[str, str], pages: int) -> str:
    path = "/api/v1/deployments?limit=20"
    for _ in range(pages):
        page = call(base, "GET", path, None, headers)
        if not page["next_cursor"]:
            break
        path = f"/api/v1/deployments?limit=20&cursor={page['next_cursor']}"
    return path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/provider_registry"
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--deployments", type=int, default=100_000)
    parser.add_argument("--log-lines", type=int, default=100_000)
    parser.add_argument("--deep-page", type=int, default=500, help="cursor pages to walk")
    parser.add_argument("--ingest-requests", type=int, default=500, help="batches of 100 lines")
    parser.add_argument("--wallet-prefix", default="virtengine")
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    for url in (opts.url, opts.database_url):
        if urlsplit(url).hostname not in bench_module.LOOPBACK:
            print(f"refusing {url}: only loopback targets are allowed", file=sys.stderr)
            return 2
    base = opts.url.rstrip("/")

    connection = connect(opts.database_url)
    owner, tenant_headers = tenant(base)
    provider_id, provider_headers = provider(base, connection)
    newest = seed(connection, owner, provider_id, opts.deployments, opts.log_lines)
    explain_first_page(connection, owner)

    results = [wallet_scenario(opts)]
    report(results[-1])
    first = "/api/v1/deployments?limit=20"
    results.append(run(opts, "deployments first page", "GET", first, tenant_headers, None,
                       opts.requests))  # fmt: skip
    report(results[-1])
    deep = deep_page_path(base, tenant_headers, opts.deep_page)
    results.append(run(opts, f"deployments page {opts.deep_page}", "GET", deep, tenant_headers,
                       None, opts.requests))  # fmt: skip
    report(results[-1])
    logs = f"/api/v1/deployments/{newest}/logs?tail=100"
    results.append(run(opts, "logs tail=100", "GET", logs, tenant_headers, None, opts.requests))
    report(results[-1])
    batch = json.dumps({"lines": [{"line": f"bench line {i}"} for i in range(100)]})
    ingest = run(
        opts,
        "log ingest (100 lines)",
        "POST",
        f"/api/v1/provider/deployments/{newest}/logs",
        {**provider_headers, "Content-Type": "application/json"},
        batch,
        opts.ingest_requests,
    )
    results.append(ingest)
    report(ingest, f"  = {round(ingest['rps'] * 100):,} lines/s")

    if opts.json:
        for result in results:
            print(json.dumps(result))
    expected = {"log ingest (100 lines)": "202"}
    wrong = {
        r["scenario"]: r["statuses"]
        for r in results
        if set(r["statuses"]) != {expected.get(r["scenario"], "200")}
    }
    if wrong:
        print(f"unexpected statuses: {wrong}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
