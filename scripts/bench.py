#!/usr/bin/env python3
"""HTTP load benchmark against a running server (`make serve`): requests/s and latency percentiles.

    scripts/bench.py --path /api/v1/health --requests 5000 --concurrency 32
    scripts/bench.py --path /api/v1/auth/me -H "Authorization: Bearer $TOKEN"

Keep-alive connections, spread over worker processes (one thread per connection) so the client is
not the bottleneck on small machines. Only loopback targets are allowed. Prints a summary line per
run and, with --json, a machine-readable line.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _worker(args: dict, count: int, connections: int, out: mp.Queue) -> None:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    per_conn = [
        count // connections + (1 if i < count % connections else 0) for i in range(connections)
    ]

    def run(n: int) -> None:
        conn = http.client.HTTPConnection(args["host"], args["port"], timeout=30)
        local: list[float] = []
        local_status: dict[int, int] = {}
        body = args["body"].encode() if args["body"] is not None else None
        for _ in range(n):
            started = time.perf_counter()
            try:
                conn.request(args["method"], args["path"], body=body, headers=args["headers"])
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
            for k, v in local_status.items():
                statuses[k] = statuses.get(k, 0) + v

    threads = [threading.Thread(target=run, args=(n,)) for n in per_conn if n]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.put((latencies, statuses))


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[index]


def bench(
    url: str,
    path: str,
    method: str,
    headers: dict[str, str],
    body: str | None,
    requests: int,
    concurrency: int,
    processes: int,
) -> dict:
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"refusing to load {parts.hostname}: only loopback targets are allowed")
    args = {
        "host": parts.hostname,
        "port": parts.port or 80,
        "path": path,
        "method": method,
        "headers": headers,
        "body": body,
    }
    processes = max(1, min(processes, concurrency))
    queue: mp.Queue = mp.Queue()
    shares = [
        requests // processes + (1 if i < requests % processes else 0) for i in range(processes)
    ]
    conns = [
        concurrency // processes + (1 if i < concurrency % processes else 0)
        for i in range(processes)
    ]
    started = time.perf_counter()
    workers = [
        mp.Process(target=_worker, args=(args, s, c, queue))
        for s, c in zip(shares, conns, strict=True)
    ]
    for w in workers:
        w.start()
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    for _ in workers:
        lat, st = queue.get()
        latencies.extend(lat)
        for k, v in st.items():
            statuses[k] = statuses.get(k, 0) + v
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "method": method,
        "path": path,
        "requests": len(latencies),
        "concurrency": concurrency,
        "seconds": round(elapsed, 3),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else None,
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--path", default="/api/v1/health")
    parser.add_argument("--method", default="GET")
    parser.add_argument("-H", "--header", action="append", default=[])
    parser.add_argument("--body")
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    opts = parser.parse_args()
    headers = {}
    for raw in opts.header:
        name, _, value = raw.partition(":")
        headers[name.strip()] = value.strip()
    if opts.body is not None:
        headers.setdefault("Content-Type", "application/json")
    if opts.warmup:
        bench(
            opts.url,
            opts.path,
            opts.method,
            headers,
            opts.body,
            opts.warmup,
            min(opts.concurrency, 8),
            1,
        )
    result = bench(
        opts.url,
        opts.path,
        opts.method,
        headers,
        opts.body,
        opts.requests,
        opts.concurrency,
        opts.processes,
    )
    print(
        f"{result['method']} {result['path']}: {result['rps']} req/s, "
        f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms "
        f"({result['requests']} requests, {result['concurrency']} connections, "
        f"statuses {result['statuses']})"
    )
    if opts.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
