#!/usr/bin/env python3
"""Provider benchmarks against a running server and its PostgreSQL.

    PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false make serve        # with the usual secrets
    scripts/bench_providers.py --database-url postgresql://postgres@127.0.0.1:5432/registry

Two parts:

  (a) registration throughput: --registrations POST /api/v1/registration/register, each with
      its own email (one RSA key, generated once, for all), over --concurrency keep-alive
      connections. Reports requests/s, p50, p99 and status counts.

  (b) directory depth: bulk-loads --rows approved providers straight into the `providers` table
      (COPY; realistic, distinct created_at values spread over about two years; `provider_formats`
      rows for those that list formats), then measures GET /api/v1/providers?limit=20
        - on the first page,
        - on a page --deep-pages pages down the cursor walk (the walk itself is timed too),
        - on a first page filtered by region, and one filtered by supported format.
      Keyset pages are meant to cost the same at any depth: compare "deep" with "first".
      --reuse skips the load when the table already holds --rows approved providers (and tops
      it up otherwise); without it every run adds --rows more. --explain prints PostgreSQL's
      plan for the first and the deep page query.

The server must run with rate limits disabled (PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false):
registration has a tight per-IP budget and the directory a per-minute one, and the benchmark
stops rather than measure 429s. Only loopback servers and databases are allowed. Prints one line
per scenario; --json adds one machine-readable document at the end. Exits 1 when a scenario got
anything but the expected status.
"""

from __future__ import annotations

import argparse
import base64
import csv
import http.client
import importlib.util
import io
import json
import random
import secrets
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

REGISTER = "/api/v1/registration/register"
DIRECTORY = "/api/v1/providers"
RATE_LIMIT_HINT = (
    "the server is rate limiting: restart it with PROVIDER_REGISTRY_RATE_LIMIT_ENABLED=false "
    "and run the benchmark again"
)
# A directory rate limit below this would turn the measurement into one of 429 answers.
ENOUGH_PER_MINUTE = 100_000
REGIONS = [
    ("us-east-1", 22),
    ("us-west-2", 18),
    ("eu-west-1", 16),
    ("eu-central-1", 12),
    ("ap-southeast-1", 10),
    ("ap-northeast-1", 8),
    ("sa-east-1", 5),
    ("af-south-1", 3),
    ("me-central-1", 3),
    ("ca-central-1", 3),
]
FORMATS = ["ONNX", "TensorRT", "PyTorch", "TensorFlow", "GGUF", "OpenVINO", "CoreML", "TFLite"]
CAPABILITIES = ["inference", "training", "gpu", "fine-tuning", "batch", "streaming"]
GPUS = [("NVIDIA A100", 8), ("NVIDIA H100", 8), ("NVIDIA L4", 4), ("NVIDIA T4", 2)]
COLUMNS = (
    "id, name, email, organization, public_key, endpoints, metadata, region, gpu_model, "
    "gpu_count, pricing, capacity, status, rejection_reason, suspension_reason, "
    "billing_account_id, owner_account_id, version, reviewed_at, created_at, updated_at"
)
# The directory's keyset query as ProviderRepository.page + kit.pagination.paginate build it
# (status filter, newest first by (created_at, id), limit + 1); for --explain only.
PAGE_SQL = (
    "SELECT * FROM providers WHERE status = 'approved'{where} "
    "ORDER BY created_at DESC, id DESC LIMIT 21"
)
AFTER_CURSOR = " AND (created_at < %(c)s OR (created_at = %(c)s AND id < %(i)s))"


def _load_bench() -> ModuleType:
    """scripts/bench.py, imported by path (scripts/ is not a package), registered as "bench" so
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


class Failed(Exception):
    pass


# ------------------------------------------------------------------------------ HTTP helpers


def get(base: str, path: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            status, raw, headers = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, headers = error.code, error.read(), dict(error.headers)
    except OSError as error:
        raise Failed(f"GET {path}: cannot reach {base}: {error}") from error
    try:
        document = json.loads(raw) if raw else {}
    except ValueError:
        document = {"raw": raw[:200].decode("utf-8", "replace")}
    return status, document, headers


def expect_ok(status: int, document: dict[str, Any], headers: dict[str, str], what: str) -> None:
    if status == 429:
        raise Failed(f"{what}: 429 Too Many Requests; {RATE_LIMIT_HINT}")
    if status != 200:
        raise Failed(f"{what}: expected 200, got {status}: {document}")
    limit = {k.lower(): v for k, v in headers.items()}.get("x-ratelimit-limit")
    if limit is not None and (not limit.isdigit() or int(limit) < ENOUGH_PER_MINUTE):
        raise Failed(f"{what}: the server sends X-RateLimit-Limit {limit}; {RATE_LIMIT_HINT}")


def summarize(
    label: str, latencies: list[float], statuses: dict[int, int], seconds: float
) -> dict[str, Any]:
    ordered = sorted(latencies)
    return {
        "scenario": label,
        "requests": len(ordered),
        "seconds": round(seconds, 3),
        "rps": round(len(ordered) / seconds, 1) if seconds > 0 else None,
        "p50_ms": round(bench_module.percentile(ordered, 0.50) * 1000, 2),
        "p99_ms": round(bench_module.percentile(ordered, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(ordered) * 1000, 2) if ordered else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def report(result: dict[str, Any], extra: str = "") -> None:
    print(
        f"{result['scenario']:<34} {result['rps']:>8} req/s  p50 {result['p50_ms']:>8} ms  "
        f"p99 {result['p99_ms']:>8} ms  ({result['requests']} requests{extra}, "
        f"statuses {result['statuses']})",
        flush=True,
    )


# ------------------------------------------------------------------------------ (a) registration


def public_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def registration_body(run: str, index: int, pem: str) -> bytes:
    region = REGIONS[index % len(REGIONS)][0]
    return json.dumps(
        {
            "name": f"Bench Provider {run} {index}",
            "email": f"bench-{run}-{index}@bench.example",
            "organization": "Bench Co",
            "public_key": pem,
            "endpoints": [
                {
                    "type": "api",
                    "url": f"https://api.r{run}-{index}.example",
                    "protocol": "https",
                    "secure": True,
                }
            ],
            "metadata": {"region": region, "supported_formats": ["ONNX"]},
            "terms": True,
        }
    ).encode()


def register_load(
    base: str, count: int, concurrency: int, pem: str, label: str
) -> tuple[dict[str, Any], list[str]]:
    """``count`` registrations over ``concurrency`` keep-alive connections (one thread each)."""
    parts = urlsplit(base)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    run = secrets.token_hex(4)
    bodies = [registration_body(run, i, pem) for i in range(count)]
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    next_index = iter(range(count))
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    samples: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                index = next(next_index, None)
            if index is None:
                break
            started = time.perf_counter()
            try:
                conn.request("POST", REGISTER, body=bodies[index], headers=headers)
                response = conn.getresponse()
                raw = response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=60)
                status, raw = 0, str(exc).encode()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses[status] = statuses.get(status, 0) + 1
                if status != 201 and len(samples) < 3:
                    samples.append(f"{status}: {raw[:200].decode('utf-8', 'replace')}")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(max(1, min(concurrency, count)))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result = summarize(label, latencies, statuses, time.perf_counter() - started)
    result["concurrency"] = len(threads)
    return result, samples


def registration_part(opts: argparse.Namespace, pem: str) -> dict[str, Any]:
    if opts.warmup:
        warm, samples = register_load(opts.url, opts.warmup, 4, pem, "warm-up")
        if warm["statuses"] != {"201": opts.warmup}:
            hint = RATE_LIMIT_HINT if "429" in warm["statuses"] else ""
            raise Failed(f"registration warm-up got {warm['statuses']} {samples} {hint}".rstrip())
    result, samples = register_load(
        opts.url, opts.registrations, opts.concurrency, pem, "register (POST)"
    )
    report(result, f", {result['concurrency']} connections")
    for sample in samples:
        print(f"  unexpected answer {sample}", file=sys.stderr)
    return result


# ------------------------------------------------------------------------------ (b) directory


def connect(database_url: str) -> Any:
    import psycopg2  # type: ignore[import-untyped]

    return psycopg2.connect(database_url.replace("postgresql+psycopg2://", "postgresql://", 1))


def approved_count(connection: Any) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM providers WHERE status = 'approved'")
        return int(cursor.fetchone()[0])


def provider_rows(count: int, pem: str, seed: int) -> tuple[io.StringIO, io.StringIO]:
    """CSV for COPY: ``count`` approved providers, newest about a day ago, 1 s to 20 min apart
    (so about two years deep, every created_at distinct), and their format rows."""
    rng = random.Random(seed)
    run = f"{seed:08x}"
    providers, formats = io.StringIO(), io.StringIO()
    provider_csv, format_csv = csv.writer(providers), csv.writer(formats)
    regions, weights = zip(*REGIONS, strict=True)
    moment = datetime.now(UTC) - timedelta(days=1)
    for index in range(count):
        moment -= timedelta(seconds=rng.randint(1, 1200), microseconds=rng.randint(1, 999_999))
        provider_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        region = rng.choices(regions, weights)[0]
        listed = rng.sample(FORMATS, rng.randint(1, 3)) if rng.random() < 0.6 else []
        metadata: dict[str, Any] = {
            "region": region,
            "capabilities": rng.sample(CAPABILITIES, rng.randint(1, 3)),
            "software_version": f"1.{rng.randint(0, 9)}.{rng.randint(0, 20)}",
        }
        if listed:
            metadata["supported_formats"] = listed
        endpoints = [
            {
                "type": "api",
                "url": f"https://api.p{run}-{index}.example",
                "protocol": "https",
                "secure": True,
            }
        ]
        gpu_model, gpu_count, capacity = None, 0, None
        if rng.random() < 0.5:
            gpu_model, most = rng.choice(GPUS)
            gpu_count = rng.randint(1, most)
            capacity = {
                "gpu_model": gpu_model,
                "gpu_count": gpu_count,
                "cpu_cores": rng.choice([16, 32, 64, 128]),
                "memory_gb": rng.choice([64, 128, 256, 512]),
                "storage_gb": rng.choice([500, 1000, 4000]),
                "region": region,
            }
        reviewed = moment + timedelta(hours=rng.uniform(0.5, 72))
        updated = reviewed + timedelta(hours=rng.uniform(0, 24 * 30))
        now = datetime.now(UTC)
        provider_csv.writerow(
            [
                provider_id,
                f"Bench Provider {run} {index}",
                f"bench-{run}-{index}@bench.example",
                f"Org {index % 5000}",
                pem,
                json.dumps(endpoints),
                json.dumps(metadata),
                region,
                gpu_model,
                gpu_count,
                None,
                json.dumps(capacity) if capacity else None,
                "approved",
                None,
                None,
                f"ba_{rng.getrandbits(96):024x}",
                None,
                1,
                min(reviewed, now).isoformat(),
                moment.isoformat(),
                min(updated, now).isoformat(),
            ]
        )
        for name in sorted({f.lower() for f in listed}):
            format_csv.writerow([provider_id, name])
    providers.seek(0)
    formats.seek(0)
    return providers, formats


def load_providers(opts: argparse.Namespace, pem: str) -> dict[str, Any]:
    connection = connect(opts.database_url)
    try:
        existing = approved_count(connection)
        missing = max(0, opts.rows - existing) if opts.reuse else opts.rows
        if missing == 0:
            print(f"directory: reusing {existing} approved providers (--reuse)", flush=True)
            return {"existing": existing, "inserted": 0, "seconds": 0.0}
        started = time.perf_counter()
        chunk = 25_000
        inserted = 0
        seed = random.SystemRandom().getrandbits(32)
        while inserted < missing:
            size = min(chunk, missing - inserted)
            providers, formats = provider_rows(size, pem, seed + inserted)
            with connection.cursor() as cursor:
                cursor.copy_expert(
                    f"COPY providers ({COLUMNS}) FROM STDIN WITH (FORMAT csv)", providers
                )
                cursor.copy_expert(
                    "COPY provider_formats (provider_id, format) FROM STDIN WITH (FORMAT csv)",
                    formats,
                )
            connection.commit()
            inserted += size
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE providers")
            cursor.execute("ANALYZE provider_formats")
        connection.commit()
        seconds = time.perf_counter() - started
        total = approved_count(connection)
        print(
            f"directory: inserted {inserted} approved providers in {seconds:.1f} s "
            f"({inserted / seconds:,.0f} rows/s); {total} approved in total",
            flush=True,
        )
        return {"existing": existing, "inserted": inserted, "seconds": round(seconds, 2)}
    finally:
        connection.close()


def walk(base: str, pages: int, limit: int) -> tuple[str, dict[str, Any]]:
    """Follow next_cursor ``pages`` pages down; return the last page's path and the timings."""
    path = f"{DIRECTORY}?{urlencode({'limit': limit})}"
    latencies: list[float] = []
    checkpoints: dict[str, float] = {}
    started = time.perf_counter()
    for number in range(1, pages + 1):
        begun = time.perf_counter()
        status, document, headers = get(base, path)
        latencies.append(time.perf_counter() - begun)
        expect_ok(status, document, headers, f"directory page {number}")
        if number in (1, 10, 100, 500, 1000, 2000, 5000) or number == pages:
            checkpoints[str(number)] = round(latencies[-1] * 1000, 2)
        cursor = document.get("next_cursor")
        if not cursor:
            print(f"  the directory ends after {number} pages", file=sys.stderr)
            break
        if number < pages:
            path = f"{DIRECTORY}?{urlencode({'limit': limit, 'cursor': cursor})}"
    result = summarize(
        f"walk {len(latencies)} pages (sequential)",
        latencies,
        {200: len(latencies)},
        time.perf_counter() - started,
    )
    result["page_ms_at"] = checkpoints
    result["depth_rows"] = len(latencies) * limit
    return path, result


def page_scenario(opts: argparse.Namespace, label: str, path: str) -> dict[str, Any]:
    status, document, headers = get(opts.url, path)
    expect_ok(status, document, headers, label)
    if not document.get("items"):
        raise Failed(f"{label}: {path} returned no providers")
    warm = min(100, opts.page_requests // 10)
    if warm:
        bench_module.bench(opts.url, path, "GET", {}, None, warm, min(opts.page_concurrency, 4), 1)
    result: dict[str, Any] = bench_module.bench(
        opts.url, path, "GET", {}, None, opts.page_requests, opts.page_concurrency, opts.processes
    )
    result["scenario"] = label
    report(result, f", {result['concurrency']} connections")
    return result


def explain(opts: argparse.Namespace, deep_path: str) -> None:
    from psycopg2.extras import RealDictCursor  # type: ignore[import-untyped]

    cursor_token = parse_qs(urlsplit(deep_path).query).get("cursor", [""])[0]
    raw = cursor_token + "=" * (-len(cursor_token) % 4)
    created, ident = json.loads(base64.urlsafe_b64decode(raw)) if cursor_token else (None, None)
    connection = connect(opts.database_url)
    try:
        with connection.cursor(cursor_factory=RealDictCursor) as cursor:
            plans: list[tuple[str, str, dict[str, Any]]] = [
                ("first page", PAGE_SQL.format(where=""), {})
            ]
            if created:
                plans.append(
                    ("deep page", PAGE_SQL.format(where=AFTER_CURSOR), {"c": created, "i": ident})
                )
            for label, sql, params in plans:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                print(f"-- plan, {label}:")
                for row in cursor.fetchall():
                    print("   " + row["QUERY PLAN"])
    finally:
        connection.rollback()
        connection.close()


def directory_part(opts: argparse.Namespace, pem: str) -> dict[str, Any]:
    loaded = load_providers(opts, pem)
    results: dict[str, Any] = {"load": loaded}
    first = f"{DIRECTORY}?{urlencode({'limit': opts.limit})}"
    results["first"] = page_scenario(opts, "directory first page", first)
    deep_path, walked = walk(opts.url, opts.deep_pages, opts.limit)
    report(walked, f", page ms at {walked['page_ms_at']}")
    results["walk"] = walked
    results["deep"] = page_scenario(
        opts, f"directory page {opts.deep_pages} (~{walked['depth_rows']} rows deep)", deep_path
    )
    region = f"{DIRECTORY}?{urlencode({'limit': opts.limit, 'region': opts.region})}"
    results["region"] = page_scenario(opts, f"directory region={opts.region}", region)
    fmt = f"{DIRECTORY}?{urlencode({'limit': opts.limit, 'supported_format': opts.format})}"
    results["format"] = page_scenario(opts, f"directory supported_format={opts.format}", fmt)
    ratio = results["deep"]["p50_ms"] / results["first"]["p50_ms"]
    print(f"deep / first page p50: {ratio:.2f}x", flush=True)
    results["deep_over_first_p50"] = round(ratio, 2)
    if opts.explain:
        explain(opts, deep_path)
    return results


# ------------------------------------------------------------------------------ main


def loopback_or_exit(url: str, what: str, allow_socket: bool = False) -> None:
    host = urlsplit(url).hostname
    if host is None and allow_socket:
        return
    if host not in bench_module.LOOPBACK:
        raise SystemExit(f"refusing to use {what} on {host}: only loopback targets are allowed")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/provider_registry_bench"
    )
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16, help="registration connections")
    parser.add_argument("--warmup", type=int, default=10, help="registrations before measuring")
    parser.add_argument("--rows", type=int, default=100_000, help="approved providers to load")
    parser.add_argument("--reuse", action="store_true", help="keep an already loaded table")
    parser.add_argument("--deep-pages", type=int, default=2000)
    parser.add_argument("--limit", type=int, default=20, help="page size")
    parser.add_argument("--page-requests", type=int, default=2000, help="per directory scenario")
    parser.add_argument("--page-concurrency", type=int, default=8)
    parser.add_argument("--processes", type=int, default=2, help="client worker processes")
    parser.add_argument("--region", default="eu-west-1")
    parser.add_argument("--format", default="onnx", help="supported_format filter")
    parser.add_argument("--skip-registration", action="store_true")
    parser.add_argument("--skip-directory", action="store_true")
    parser.add_argument("--explain", action="store_true", help="print the page queries' plans")
    parser.add_argument("--json", action="store_true", help="also print one JSON document")
    opts = parser.parse_args()
    for name in ("registrations", "concurrency", "deep_pages", "page_requests", "limit"):
        if getattr(opts, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    loopback_or_exit(opts.url, "the server")
    loopback_or_exit(opts.database_url, "the database", allow_socket=True)
    opts.url = opts.url.rstrip("/")

    pem = public_key_pem()  # once: RSA generation costs far more than a registration
    results: dict[str, Any] = {"url": opts.url}
    try:
        status, document, _ = get(opts.url, "/health")
        if status not in (200, 503):
            raise Failed(f"/health answered {status}: {document}")
        if not opts.skip_registration:
            results["registration"] = registration_part(opts, pem)
        if not opts.skip_directory:
            results["directory"] = directory_part(opts, pem)
    except Failed as exc:
        print(f"benchmark stopped: {exc}", file=sys.stderr)
        return 1
    if opts.json:
        print(json.dumps(results))
    unexpected = []
    if "registration" in results and set(results["registration"]["statuses"]) != {"201"}:
        unexpected.append(("registration", results["registration"]["statuses"]))
    for key in ("first", "deep", "region", "format"):
        scenario = results.get("directory", {}).get(key)
        if scenario and set(scenario["statuses"]) != {"200"}:
            unexpected.append((key, scenario["statuses"]))
    if unexpected:
        print(f"warning: unexpected statuses: {unexpected}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
