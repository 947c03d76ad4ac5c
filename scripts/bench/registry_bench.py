#!/usr/bin/env python3
"""`make bench`: this API against a bare Connexion 3 FlaskApp anchor, measured side by side.

    make bench                                  # wrk -t2 -c64 -d10s, 2 rounds per scenario
    make bench BENCH_ARGS="--duration 2 --only me-bearer,health"
    .venv/bin/python scripts/bench/registry_bench.py --help

Starts, all on 127.0.0.1 and stopped by PID at the end (also on Ctrl-C or --time-limit):

  - a throwaway PostgreSQL cluster (tests/support/postgres.py's), migrated by the server itself;
  - the anchor (scripts/bench/anchor/: JWT bearer security, one GET returning 10 fields, no
    database) under gunicorn with uvicorn workers, as the real server;
  - the real server: `provider-registry serve`, production settings, rate limiting off,
    --workers workers.

Seeds through the API and the project's own models (no hand-written SQL): an account with a
bearer token and an API key, a wallet key (its signed requests are made here beforehand, each
with its own nonce, and fed to wrk by a generated Lua script), a tenant with --deployments
deployments, a tenant in three organizations, an approved provider with an active deployment.

Then, per round, measures anchor, s1, anchor, s2, ..., anchor with wrk, and for each run reads
the CPU time of the server processes (gunicorn master and workers), of the cluster's postgres
processes, of wrk and of this process (/proc/<pid>/stat), and the machine's total busy time
(/proc/stat). A run in which anything else used more than --max-other-cpu cores is noisy: it is
retried up to --retries times, then reported as refused. Prints one table: req/s (median over
rounds), p50/p99 (wrk --latency), server and PostgreSQL CPU per request, and the ratio of req/s
to the anchor measured in the neighbouring runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
ANCHOR_DIR = Path(__file__).resolve().parent / "anchor"
BIN = Path(sys.executable).parent
CLK_TCK = os.sysconf("SC_CLK_TCK")
PASSWORD = secrets.token_urlsafe(24)

# ------------------------------------------------------------------------------- CPU accounting


def proc_ticks(pid: int) -> int | None:
    """utime + stime of one process plus cutime + cstime of the children it has reaped, in clock
    ticks; None when it is gone. Counting reaped children keeps a short-lived child's CPU in its
    tree: PostgreSQL's autovacuum workers and any backend that exits during a run are reaped by the
    postmaster, and would otherwise vanish from the tree and count as other processes' CPU."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return sum(int(value) for value in fields[11:15])


def parent_map() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            raw = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(raw[raw.rindex(")") + 2 :].split()[1])
    return parents


def process_tree(root: int, parents: dict[int, int] | None = None) -> set[int]:
    parents = parent_map() if parents is None else parents
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def busy_ticks() -> int:
    """The CPU time all processes on the machine used (all cores) from /proc/stat, in clock
    ticks: user, nice and system, which is what processes' utime + stime add up to. Interrupt
    time (loopback traffic is mostly softirq) and steal belong to no process and are left out."""
    first = Path("/proc/stat").read_text().splitlines()[0].split()
    user, nice, system = (int(v) for v in first[1:4])
    return user + nice + system


def tree_ticks(roots: dict[str, int]) -> dict[str, dict[int, int]]:
    parents = parent_map()
    out: dict[str, dict[int, int]] = {}
    for name, root in roots.items():
        ticks: dict[int, int] = {}
        for pid in process_tree(root, parents):
            value = proc_ticks(pid)
            if value is not None:
                ticks[pid] = value
        out[name] = ticks
    return out


def ticks_delta(before: dict[int, int], after: dict[int, int]) -> int:
    """CPU a process tree used between two snapshots. New processes count in full; a process that
    exited in between is in its parent's reaped-children time (see proc_ticks), in full, so its
    earlier snapshot is subtracted: the totals' difference is the tree's CPU over the interval."""
    return max(0, sum(after.values()) - sum(before.values()))


def self_ticks() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * CLK_TCK


def other_cores(busy: float, known: float, seconds: float) -> float:
    """Cores' worth of CPU used by processes other than the known ones over ``seconds``."""
    return max(0.0, busy - known) / CLK_TCK / max(seconds, 1e-9)


# ----------------------------------------------------------------------------------- wrk output

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(value: str) -> float:
    for unit in ("us", "ms", "s", "m"):
        if value.endswith(unit) and value[: -len(unit)].replace(".", "", 1).isdigit():
            return float(value[: -len(unit)]) * UNITS[unit]
    raise ValueError(f"not a wrk duration: {value!r}")


@dataclass
class WrkResult:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int = 0
    socket_errors: int = 0


def parse_wrk(output: str) -> WrkResult:
    requests = rps = None
    p50 = p99 = None
    non_2xx = errors = 0
    for line in output.splitlines():
        words = line.split()
        if not words:
            continue
        if len(words) >= 4 and words[1:3] == ["requests", "in"]:
            requests = int(words[0])
        elif words[0] == "Requests/sec:":
            rps = float(words[1])
        elif words[0] == "50%" and len(words) == 2:
            p50 = _ms(words[1])
        elif words[0] == "99%" and len(words) == 2:
            p99 = _ms(words[1])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            non_2xx = int(words[-1])
        elif words[0] == "Socket" and words[1] == "errors:":
            errors = sum(int(w.rstrip(",")) for w in words[2:] if w.rstrip(",").isdigit())
    if requests is None or rps is None or p50 is None or p99 is None:
        raise ValueError(f"cannot read wrk's output:\n{output}")
    return WrkResult(requests, rps, p50, p99, non_2xx, errors)


# ------------------------------------------------------------------------------- Lua for wrk


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for ASCII


def lua_request(method: str, path: str, headers: dict[str, str], body: str | None) -> str:
    """One request, sent over and over; ``@@N@@`` in the body becomes a per-request unique id."""
    heads = ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in headers.items())
    return f"""
local n = 0  -- tid is the global setup() gives each thread: a local would shadow it
local next_id = 0
function setup(thread) thread:set("tid", next_id); next_id = next_id + 1 end
local headers = {{{heads}}}
local body = {lua_string(body) if body is not None else "nil"}
local unique = body ~= nil and string.find(body, "@@N@@", 1, true) ~= nil
function request()
  n = n + 1
  local b = body
  if unique then b = string.gsub(body, "@@N@@", tostring(tid) .. "-" .. tostring(n)) end
  return wrk.format({lua_string(method)}, {lua_string(path)}, headers, b)
end
"""


def lua_signed(path: str, header_sets: list[dict[str, str]], threads: int) -> str:
    """Pre-signed requests, each sent once (thread t sends t, t+threads, ...); when they run out
    the first is sent again and fails (a replayed nonce), which shows as non-2xx."""
    rows = ",\n".join(
        "{" + ", ".join(f"[{lua_string(k)}] = {lua_string(v)}" for k, v in h.items()) + "}"
        for h in header_sets
    )
    return f"""
local next_id = 0
function setup(thread) thread:set("tid", next_id); next_id = next_id + 1 end
local sets = {{
{rows}
}}
local i = nil
function request()
  if i == nil then i = tid + 1 else i = i + {threads} end
  local h = sets[i] or sets[1]
  return wrk.format("GET", {lua_string(path)}, h, nil)
end
"""


# ------------------------------------------------------------------------------ processes


class Processes:
    """Every process this tool starts, each in its own session; stopped by PID, group first."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen[bytes]] = []

    def start(self, argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            process = subprocess.Popen(
                argv, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.started.append(process)
        return process

    def stop_all(self) -> None:
        for process in reversed(self.started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.started):
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        self.started.clear()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http(
    base: str,
    method: str,
    path: str,
    body: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, Any]:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Content-Type": "application/json", "Accept": "application/json"}
        | (headers or {}),
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    return status, json.loads(raw) if raw else None


def expect(reply: tuple[int, Any], wanted: int, what: str) -> Any:
    if reply[0] != wanted:
        raise SystemExit(f"setup: {what}: expected {wanted}, got {reply[0]}: {reply[1]}")
    return reply[1]


def wait_ready(base: str, path: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{base} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError):
            urllib.request.urlopen(base + path, timeout=2).close()
            return
        time.sleep(0.3)
    raise SystemExit(f"{base} did not start:\n{log.read_text()[-3000:]}")


def wait_http(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Ready once anything answers HTTP (the anchor's only path needs a token)."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{base} exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{base} did not start:\n{log.read_text()[-3000:]}")


# ---------------------------------------------------------------------------------- scenarios


@dataclass
class Scenario:
    name: str
    target: str  # "anchor" or "registry"
    lua: Callable[[], str]  # called before each run (signed requests are made fresh)
    description: str = ""


@dataclass
class Run:
    result: WrkResult | None
    server_ms_per_request: float = float("nan")
    pg_ms_per_request: float = float("nan")
    # PostgreSQL sessions (backends) started during the run: a pool that churns shows here.
    pg_sessions: int = 0
    other_cores: float = 0.0
    refused: bool = False
    attempts: int = 0


@dataclass
class Row:
    scenario: Scenario
    runs: list[Run] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)


@dataclass
class Bench:
    opts: argparse.Namespace
    workdir: Path
    processes: Processes
    anchor_base: str = ""
    registry_base: str = ""
    roots: dict[str, int] = field(default_factory=dict)
    sessions_url: str = ""

    def pg_sessions(self) -> int:
        """Sessions PostgreSQL has started, over all databases (0 without a URL)."""
        if not self.sessions_url:
            return 0
        import psycopg2

        connection = psycopg2.connect(self.sessions_url)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT coalesce(sum(sessions), 0) FROM pg_stat_database")
                return int(cursor.fetchone()[0])
        finally:
            connection.close()

    def measure(self, scenario: Scenario) -> Run:
        """One wrk run, retried while something else used the CPU."""
        run = Run(result=None)
        for attempt in range(1 + self.opts.retries):
            run = self._once(scenario)
            run.attempts = attempt + 1
            if run.other_cores <= self.opts.max_other_cpu:
                return run
            print(
                f"  {scenario.name}: noisy run ({run.other_cores:.2f} cores used by other "
                f"processes > {self.opts.max_other_cpu}), "
                + ("retrying" if attempt < self.opts.retries else "refused"),
                flush=True,
            )
        run.refused = True
        return run

    def _once(self, scenario: Scenario, seconds: int | None = None) -> Run:
        script = self.workdir / "run.lua"
        script.write_text(scenario.lua())
        base = self.anchor_base if scenario.target == "anchor" else self.registry_base
        argv = [
            self.opts.wrk,
            f"-t{self.opts.threads}",
            f"-c{self.opts.connections}",
            f"-d{seconds or self.opts.duration}s",
            "--latency",
            "-s",
            str(script),
            base,
        ]
        out = self.workdir / "wrk.out"
        self.settle()
        sessions_before = self.pg_sessions()
        before = tree_ticks(self.roots)
        busy0, self0, t0 = busy_ticks(), self_ticks(), time.monotonic()
        with out.open("wb") as sink:
            process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT)
            self.processes.started.append(process)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            self.processes.started.remove(process)
        elapsed = time.monotonic() - t0
        after = tree_ticks(self.roots)
        # Less this reading's own session; sessions are counted as they end, so read after
        # the servers' connections of this run had a moment to be returned or closed.
        sessions = max(self.pg_sessions() - sessions_before - 1, 0)
        busy = busy_ticks() - busy0
        wrk_cpu = (usage.ru_utime + usage.ru_stime) * CLK_TCK
        deltas = {name: ticks_delta(before[name], after[name]) for name in self.roots}
        known = sum(deltas.values()) + wrk_cpu + (self_ticks() - self0)
        text = out.read_text(errors="replace")
        if process.returncode != 0:
            raise SystemExit(f"wrk failed ({process.returncode}):\n{text}")
        result = parse_wrk(text)
        per = 1000.0 / CLK_TCK / max(result.requests, 1)
        server = deltas[scenario.target]
        return Run(
            result=result,
            server_ms_per_request=server * per,
            pg_ms_per_request=deltas.get("postgres", 0) * per,
            pg_sessions=sessions,
            other_cores=other_cores(busy, known, elapsed),
        )

    def settle(self, idle_cores: float = 0.1, limit: float = 60.0) -> None:
        """Wait until the servers and PostgreSQL are idle: work queued by the previous run
        (e.g. slow bcrypt logins) must not be billed to the next one."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            before = tree_ticks(self.roots)
            time.sleep(0.2)
            after = tree_ticks(self.roots)
            used = sum(ticks_delta(before[name], after[name]) for name in self.roots)
            if used / CLK_TCK / 0.2 < idle_cores:
                return
        print("  warning: the servers did not become idle within 60 s", flush=True)

    def warm_up(self, scenario: Scenario) -> None:
        if self.opts.warmup > 0:
            self._once(scenario, seconds=self.opts.warmup)


_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")


def frame_parts(frame: str) -> tuple[str, str]:
    """py-spy's "function (path/to/file.py:line)" as (function, file), the line dropped."""
    match = _FRAME.match(frame)
    return (match["function"], match["file"]) if match else (frame, "")


def layer_of(file: str) -> str:
    """The package a file belongs to (its first folder: site-packages paths are relative), or
    "stdlib" for a top-level module."""
    return file.split("/", 1)[0] if "/" in file else "stdlib"


def profile(bench: Bench, scenario: Scenario, registry_pid: int, folder: Path) -> None:
    """One more wrk run of ``scenario`` while py-spy samples every registry worker (on-CPU
    samples only); writes <scenario>-<pid>.txt (collapsed stacks, for flamegraph tools) and
    prints the share of samples by layer (the leaf frame's package) and the hottest functions
    including their callees."""
    folder.mkdir(parents=True, exist_ok=True)
    workers = sorted(process_tree(registry_pid) - {registry_pid})
    spy = str(BIN / "py-spy")
    seconds = max(bench.opts.duration, 5)
    recorders = []
    for pid in workers:
        out = folder / f"{scenario.name}-{pid}.txt"
        argv = [spy, "record", "--pid", str(pid), "--duration", str(seconds + 1)]
        argv += ["--rate", "250", "--gil", "--format", "raw", "--nonblocking", "--output", str(out)]
        recorders.append((out, subprocess.Popen(argv, stdout=subprocess.DEVNULL)))
    time.sleep(0.5)
    bench._once(scenario, seconds=seconds)
    stacks: Counter[str] = Counter()
    for out, recorder in recorders:
        recorder.wait(timeout=60)
        for line in out.read_text().splitlines() if out.exists() else []:
            stack, _, samples = line.rpartition(" ")
            if samples.isdigit():
                stacks[stack] += int(samples)
    total = sum(stacks.values()) or 1
    layers: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for stack, count in stacks.items():
        frames = [frame_parts(frame) for frame in stack.split(";")]
        layers[layer_of(frames[-1][1])] += count
        for function, file in set(frames):
            inclusive[f"{function} ({file})"] += count
    lines: list[str] = [f"{scenario.name}: {total} samples over {len(workers)} workers"]
    lines += [f"  {share * 100 / total:5.1f}%  {name}" for name, share in layers.most_common()]
    lines.append("  hottest, with callees:")
    lines += [f"  {c * 100 / total:5.1f}%  {f}" for f, c in inclusive.most_common(45)]
    text = "\n".join(lines)
    (folder / f"{scenario.name}-summary.txt").write_text(text + "\n")
    print(text, flush=True)


def run_rounds(bench: Bench, anchor: Scenario, scenarios: list[Scenario], rounds: int) -> list[Row]:
    """anchor, s1, anchor, s2, ..., sN, anchor per round; each ratio uses the neighbouring
    anchor runs."""
    anchor_row = Row(anchor)
    rows = [Row(s) for s in scenarios]
    for scenario in [anchor, *scenarios]:
        bench.warm_up(scenario)
    for number in range(1, rounds + 1):
        print(f"round {number}/{rounds}", flush=True)
        previous = bench.measure(anchor)
        anchor_row.runs.append(previous)
        for row in rows:
            run = bench.measure(row.scenario)
            row.runs.append(run)
            following = bench.measure(anchor)
            anchor_row.runs.append(following)
            neighbours = [
                a.result.rps
                for a in (previous, following)
                if not a.refused and a.result is not None
            ]
            if not run.refused and run.result is not None and neighbours:
                row.ratios.append(run.result.rps / statistics.fmean(neighbours))
            previous = following
    anchor_row.ratios = [1.0] * sum(1 for r in anchor_row.runs if not r.refused)
    return [anchor_row, *rows]


def table(rows: list[Row]) -> str:
    head = (
        f"{'scenario':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'srv CPU':>9} "
        f"{'PG CPU':>8} {'ratio':>6} {'rounds':>7} {'non-2xx':>8} {'others':>7} {'PG conns':>9}"
    )
    lines = [
        head,
        " " * 29 + "(median over rounds)     ms/request" + " " * 31 + "(cores)  (opened)",
        "-" * len(head),
    ]
    for row in rows:
        valid = [r for r in row.runs if not r.refused and r.result is not None]
        refused = len(row.runs) - len(valid)
        rounds = f"{len(valid)}/{len(row.runs)}"
        if not valid:
            lines.append(
                f"{row.scenario.name:<28} {'refused: the machine was busy':>52} {rounds:>7}"
            )
            continue
        results = [r.result for r in valid if r.result is not None]
        rps = statistics.median(r.rps for r in results)
        p50 = statistics.median(r.p50_ms for r in results)
        p99 = statistics.median(r.p99_ms for r in results)
        srv = statistics.median(r.server_ms_per_request for r in valid)
        pg = statistics.median(r.pg_ms_per_request for r in valid)
        ratio = f"{statistics.median(row.ratios):.2f}" if row.ratios else "-"
        bad = sum(r.non_2xx + r.socket_errors for r in results)
        others = max(r.other_cores for r in valid)
        opened = statistics.median(r.pg_sessions for r in valid)
        lines.append(
            f"{row.scenario.name:<28} {rps:>8.0f} {p50:>8.2f} {p99:>8.2f} {srv:>9.3f} "
            f"{pg:>8.3f} {ratio:>6} {rounds:>7} {bad:>8} {others:>7.2f} {opened:>9.0f}"
            + (f"  ({refused} refused)" if refused else "")
        )
    return "\n".join(lines)


# -------------------------------------------------------------------------------- seeding


@dataclass
class Seeded:
    bearer: dict[str, str]
    api_key: dict[str, str]
    login_body: str
    wallet_key: Any
    tenant_headers: dict[str, str]
    deep_path: str
    orgs_headers: dict[str, str]
    provider_headers: dict[str, str]
    log_deployment: str
    logs_deployment: str


def session_for(database_url: str) -> Any:
    from sqlalchemy import create_engine
    from sqlmodel import Session

    import provider_registry.models  # noqa: F401  (every table on the metadata)

    engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg2://", 1))
    return Session(engine, expire_on_commit=False)


def account(base: str, label: str) -> tuple[str, str, dict[str, str]]:
    email = f"bench-{label}-{uuid.uuid4().hex[:10]}@example.com"
    body = {"email": email, "password": PASSWORD, "first_name": "Bench", "last_name": "Mark"}
    created = expect(http(base, "POST", "/api/v1/auth/register", body), 201, f"register {label}")
    tokens = expect(
        http(base, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD}),
        200,
        f"login {label}",
    )
    return created["id"], email, {"Authorization": f"Bearer {tokens['access_token']}"}


def provider(base: str, database_url: str) -> tuple[str, dict[str, str]]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from provider_registry.providers.models import Provider

    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    registered = expect(
        http(base, "POST", "/api/v1/registration/register", registration_body(pem)),
        201,
        "register provider",
    )
    provider_id = registered["provider"]["id"]
    with session_for(database_url) as session:  # approval without an admin session
        row = session.get(Provider, uuid.UUID(provider_id))
        row.status = "approved"
        session.add(row)
        session.commit()
    tokens = expect(
        http(
            base,
            "POST",
            "/api/v1/registration/auth",
            {"provider_id": provider_id, "api_key": registered["api_key"]},
        ),
        200,
        "provider auth",
    )
    return provider_id, {"Authorization": f"Bearer {tokens['access_token']}"}


def registration_body(pem: str, email: str | None = None) -> dict[str, Any]:
    return {
        "name": "Bench Compute",
        "email": email or f"bench-{uuid.uuid4().hex[:12]}@compute.example",
        "public_key": pem,
        "endpoints": [
            {
                "type": "api",
                "url": "https://api.bench.example",
                "protocol": "https",
                "secure": True,
            }
        ],
        "metadata": {"region": "us-west-2", "supported_formats": ["ONNX"]},
        "terms": True,
    }


def insert_deployments(
    database_url: str,
    owner: str,
    provider_id: str,
    count: int,
    organization_id: uuid.UUID | None = None,
    chunk: int = 5000,
) -> list[str]:
    """``count`` deployments through the Deployment model, ``chunk`` rows per flush; returns the
    newest one's id (active) first."""
    from provider_registry.deployments.models import Deployment
    from provider_registry.kit.timeutil import utcnow

    now = utcnow()
    states = ["closed"] * 14 + ["active"] * 5 + ["pending"]
    ids: list[str] = []
    with session_for(database_url) as session:
        for start in range(0, count, chunk):
            rows = []
            for i in range(start, min(count, start + chunk)):
                state = "active" if i == 0 else states[i % len(states)]
                created = now - timedelta(minutes=5 * i, seconds=i % 7)
                rows.append(
                    Deployment(
                        owner_account_id=uuid.UUID(owner),
                        organization_id=organization_id,
                        provider_id=uuid.UUID(provider_id),
                        name=f"bench-{i}",
                        cpu=Decimal("2"),
                        memory=Decimal("4"),
                        storage=Decimal("20"),
                        state=state,
                        lease_id=f"lease-{uuid.uuid4().hex[:12]}" if state != "pending" else None,
                        replicas_ready=1 if state == "active" else 0,
                        replicas_total=1 if state != "pending" else 0,
                        accepted_at=created if state != "pending" else None,
                        closed_at=created if state == "closed" else None,
                        created_at=created,
                        updated_at=created,
                    )
                )
            session.add_all(rows)
            session.flush()
            if not ids:
                ids.append(str(rows[0].id))
            session.commit()
            session.expunge_all()
    return ids


def seed(opts: argparse.Namespace, base: str, database_url: str) -> Seeded:
    from sqlalchemy import text

    from provider_registry.deployments.models import DeploymentLog
    from provider_registry.kit.timeutil import utcnow
    from provider_registry.tenancy.models import Organization, OrganizationMember

    started = time.monotonic()
    _, email, bearer = account(base, "auth")
    key = expect(
        http(
            base,
            "POST",
            "/api/v1/auth/api-keys",
            {"name": "bench", "scopes": ["account:read"]},
            bearer,
        ),
        201,
        "create API key",
    )["key"]
    from cryptography.hazmat.primitives.asymmetric import ec

    wallet_key = ec.generate_private_key(ec.SECP256K1())
    provider_id, provider_headers = provider(base, database_url)
    tenant_id, _, tenant_headers = account(base, "tenant")
    newest = insert_deployments(database_url, tenant_id, provider_id, opts.deployments)[0]
    orgs_id, _, orgs_headers = account(base, "orgs")
    with session_for(database_url) as session:
        organizations = []
        for n in range(3):
            organization = Organization(name=f"Bench org {n}", created_by=uuid.UUID(orgs_id))
            session.add(organization)
            session.flush()
            session.add(
                OrganizationMember(
                    organization_id=organization.id, account_id=uuid.UUID(orgs_id), role="admin"
                )
            )
            organizations.append(organization.id)
        session.commit()
    per_org = max(1, opts.org_deployments // 3)
    for organization_id in organizations:
        insert_deployments(database_url, orgs_id, provider_id, per_org, organization_id)
    insert_deployments(database_url, orgs_id, provider_id, per_org)
    now = utcnow()
    with session_for(database_url) as session:
        session.add_all(
            DeploymentLog(
                deployment_id=uuid.UUID(newest),
                ts=now - timedelta(milliseconds=250 * i),
                service="web",
                line=f"bench line {i}",
            )
            for i in range(opts.log_lines)
        )
        session.commit()
        session.execute(text("ANALYZE"))
        session.commit()
    # The deep page: next_cursor followed --deep-pages times.
    path = "/api/v1/deployments?limit=20"
    for _ in range(opts.deep_pages):
        page = expect(http(base, "GET", path, None, tenant_headers), 200, "deployments page")
        if not page.get("next_cursor"):
            break
        path = f"/api/v1/deployments?limit=20&cursor={page['next_cursor']}"
    print(
        f"seeded in {time.monotonic() - started:.1f}s: {opts.deployments} deployments for one "
        f"tenant, {3 * per_org + per_org} for a tenant in three organizations",
        flush=True,
    )
    return Seeded(
        bearer=bearer,
        api_key={"X-API-Key": key},
        login_body=json.dumps({"email": email, "password": PASSWORD}),
        wallet_key=wallet_key,
        tenant_headers=tenant_headers,
        deep_path=path,
        orgs_headers=orgs_headers,
        provider_headers=provider_headers,
        log_deployment=newest,
        logs_deployment=newest,
    )


def signed_sets(opts: argparse.Namespace, key: Any, path: str, count: int) -> list[dict[str, str]]:
    from provider_registry.identity.client_signing import sign_wallet_request

    now_ms = time.time_ns() // 1_000_000
    return [
        sign_wallet_request(
            key,
            prefix=opts.wallet_prefix,
            method="GET",
            path=path,
            query_string="",
            body=b"",
            timestamp=str(now_ms),
            nonce=secrets.token_hex(16),
        )
        for _ in range(count)
    ]


def scenarios(opts: argparse.Namespace, seeded: Seeded) -> list[Scenario]:
    def get(path: str, headers: dict[str, str] | None = None) -> Callable[[], str]:
        return lambda: lua_request("GET", path, headers or {}, None)

    def post(path: str, headers: dict[str, str], body: str) -> Callable[[], str]:
        return lambda: lua_request(
            "POST", path, {**headers, "Content-Type": "application/json"}, body
        )

    me = "/api/v1/auth/me"
    signed_count = max(200, int(opts.signed_per_second * max(opts.duration, opts.warmup)))

    def wallet() -> str:
        return lua_signed(me, signed_sets(opts, seeded.wallet_key, me, signed_count), opts.threads)

    logs_body = json.dumps({"lines": [{"line": f"bench line {i}"} for i in range(100)]})
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    registration = json.dumps(registration_body(pem, email="bench-@@N@@-RUN@compute.example"))

    def register() -> str:  # a new run id each run: every email is new
        body = registration.replace("RUN", uuid.uuid4().hex[:8])
        return lua_request(
            "POST", "/api/v1/registration/register", {"Content-Type": "application/json"}, body
        )

    logs = f"/api/v1/provider/deployments/{seeded.log_deployment}/logs"
    all_scenarios = [
        Scenario("health", "registry", get("/health")),
        Scenario("me-bearer", "registry", get(me, seeded.bearer)),
        Scenario("me-api-key", "registry", get(me, seeded.api_key)),
        Scenario("me-wallet", "registry", wallet),
        Scenario(
            "deployments-first",
            "registry",
            get("/api/v1/deployments?limit=20", seeded.tenant_headers),
        ),
        Scenario("deployments-deep", "registry", get(seeded.deep_path, seeded.tenant_headers)),
        Scenario(
            "deployments-3-orgs",
            "registry",
            get("/api/v1/deployments?limit=20", seeded.orgs_headers),
        ),
        Scenario("logs-post-100", "registry", post(logs, seeded.provider_headers, logs_body)),
        Scenario(
            "logs-tail-100",
            "registry",
            get(
                f"/api/v1/deployments/{seeded.logs_deployment}/logs?tail=100",
                seeded.tenant_headers,
            ),
        ),
        Scenario("providers-page", "registry", get("/api/v1/providers?limit=20")),
        Scenario("services-page", "registry", get("/api/v1/services?limit=20")),
        Scenario("services-search", "registry", get("/api/v1/services?query=compute&limit=20")),
        Scenario("login-bcrypt", "registry", post("/api/v1/auth/login", {}, seeded.login_body)),
        Scenario("provider-register", "registry", register),
    ]
    if opts.only:
        wanted = set(opts.only.split(","))
        unknown = wanted - {s.name for s in all_scenarios}
        if unknown:
            raise SystemExit(f"unknown scenarios: {sorted(unknown)}")
        all_scenarios = [s for s in all_scenarios if s.name in wanted]
    return all_scenarios


def anchor_scenario(secret: str) -> Scenario:
    import jwt

    token = jwt.encode({"sub": "bench", "exp": int(time.time()) + 86400}, secret, "HS256")
    return Scenario(
        "anchor GET /items/{id}",  # the name shown in the table
        "anchor",
        lambda: lua_request("GET", "/items/42", {"Authorization": f"Bearer {token}"}, None),
    )


# ------------------------------------------------------------------------------------ main


def ensure_wrk(wrk: str) -> str:
    found = subprocess.run(["sh", "-c", f"command -v {wrk}"], capture_output=True, text=True)
    if found.returncode == 0:
        return found.stdout.strip()
    subprocess.run([str(ROOT / "scripts" / "install-system-deps.sh"), "bench"], check=True)
    return "wrk"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add = parser.add_argument
    add("--duration", type=int, default=10, help="seconds per wrk run (wrk -d)")
    add("--threads", type=int, default=2, help="wrk -t")
    add("--connections", type=int, default=64, help="wrk -c")
    add("--rounds", type=int, default=2, help="rounds per scenario (at least 2 for a median)")
    add("--warmup", type=int, default=2, help="seconds of warm-up per scenario, once (0: none)")
    add("--workers", type=int, default=2, help="gunicorn workers, each server")
    add("--only", default="", help="comma-separated scenario names (default: all)")
    add("--deployments", type=int, default=2000, help="the big tenant's deployments (100000)")
    add("--org-deployments", type=int, default=600, help="deployments over the three orgs")
    add("--log-lines", type=int, default=1000, help="lines on the tailed deployment")
    add("--deep-pages", type=int, default=20, help="pages down for deployments-deep")
    add("--signed-per-second", type=float, default=1500, help="wallet requests signed per s")
    add("--wallet-prefix", default="virtengine")
    add("--max-other-cpu", type=float, default=0.05, help="cores others may use in a run")
    add("--retries", type=int, default=2, help="retries of a noisy run before refusing it")
    add("--time-limit", type=int, default=1800, help="seconds before everything is stopped")
    add("--wrk", default="wrk")
    add("--json", default="", help="also write the rows to this file")
    add(
        "--profile",
        default="",
        help="after the rounds, run each scenario once more under py-spy (every registry worker) "
        "and write its collapsed stacks and a summary of where the time went to this folder",
    )
    opts = parser.parse_args(argv)
    if opts.rounds < 1 or opts.duration <= 0 or opts.workers < 1:
        parser.error("--rounds, --duration and --workers must be positive")
    return opts


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)
    opts.wrk = ensure_wrk(opts.wrk)
    from tests.support import postgres

    def stop(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGALRM, stop)
    signal.alarm(opts.time_limit)
    processes = Processes()
    with tempfile.TemporaryDirectory(prefix="provider-registry-bench-") as tmp:
        workdir = Path(tmp)
        try:
            with postgres.throwaway_cluster() as server_url:
                postgres.wait_until_accepting(server_url)
                return measure_all(opts, processes, workdir, postgres, server_url)
        except KeyboardInterrupt as exc:
            print(f"stopped ({exc or 'Ctrl-C'}); stopping every process started", file=sys.stderr)
            return 130
        finally:
            signal.alarm(0)
            processes.stop_all()


def postmaster_pid(database_url: str) -> int:
    import psycopg2

    connection = psycopg2.connect(database_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            backend = int(cursor.fetchone()[0])
        # Read while the backend lives: it exits when the connection closes.
        raw = Path(f"/proc/{backend}/stat").read_text()
    finally:
        connection.close()
    return int(raw[raw.rindex(")") + 2 :].split()[1])


def measure_all(
    opts: argparse.Namespace,
    processes: Processes,
    workdir: Path,
    postgres: Any,
    server_url: str,
) -> int:
    database_url = postgres.recreate_database(server_url, "provider_registry_bench")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PROVIDER_REGISTRY_")}
    jwt_secret = secrets.token_urlsafe(48)
    registry_port, anchor_port = free_port(), free_port()
    registry_env = clean | {
        "PROVIDER_REGISTRY_ENVIRONMENT": "production",
        "PROVIDER_REGISTRY_DATABASE_URL": database_url,
        "PROVIDER_REGISTRY_JWT_SECRET": jwt_secret,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": secrets.token_urlsafe(48),
        "PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "false",
        "PROVIDER_REGISTRY_SERVER_HOST": "127.0.0.1",
        "PROVIDER_REGISTRY_SERVER_PORT": str(registry_port),
        "PROVIDER_REGISTRY_SERVER_WORKERS": str(opts.workers),
        "PROVIDER_REGISTRY_WALLET_ADDRESS_PREFIX": opts.wallet_prefix,
        "PROVIDER_REGISTRY_LOG_LEVEL": "warning",
    }
    registry_log = workdir / "registry.log"
    registry = processes.start(
        [str(BIN / "provider-registry"), "serve"], registry_env, registry_log
    )
    anchor_secret = secrets.token_urlsafe(48)
    anchor_log = workdir / "anchor.log"
    anchor = processes.start(
        [
            str(BIN / "gunicorn"),
            "--bind",
            f"127.0.0.1:{anchor_port}",
            "--workers",
            str(opts.workers),
            "--worker-class",
            "uvicorn_worker.UvicornWorker",
            "--chdir",
            str(ANCHOR_DIR),
            "app:app",
        ],
        clean | {"BENCH_ANCHOR_JWT_SECRET": anchor_secret},
        anchor_log,
    )
    registry_base = f"http://127.0.0.1:{registry_port}"
    anchor_base = f"http://127.0.0.1:{anchor_port}"
    wait_ready(registry_base, "/health", registry, registry_log)
    wait_http(anchor_base, anchor, anchor_log)
    seeded = seed(opts, registry_base, database_url)
    bench = Bench(
        opts,
        workdir,
        processes,
        anchor_base=anchor_base,
        registry_base=registry_base,
        roots={
            "registry": registry.pid,
            "anchor": anchor.pid,
            "postgres": postmaster_pid(server_url),
        },
        sessions_url=server_url,
    )
    chosen = scenarios(opts, seeded)
    rows = run_rounds(bench, anchor_scenario(anchor_secret), chosen, opts.rounds)
    if opts.profile:
        for scenario in chosen:
            profile(bench, scenario, registry.pid, Path(opts.profile))
    print()
    print(
        f"wrk -t{opts.threads} -c{opts.connections} -d{opts.duration:g}s, {opts.workers} workers "
        f"each, {opts.rounds} rounds; a run is refused when other processes used more than "
        f"{opts.max_other_cpu} cores"
    )
    print(table(rows))
    if opts.json:
        Path(opts.json).write_text(
            json.dumps(
                [
                    {
                        "scenario": row.scenario.name,
                        "ratios": row.ratios,
                        "runs": [
                            {
                                "refused": r.refused,
                                "other_cores": r.other_cores,
                                "server_ms_per_request": r.server_ms_per_request,
                                "pg_ms_per_request": r.pg_ms_per_request,
                                "pg_sessions": r.pg_sessions,
                                **(r.result.__dict__ if r.result else {}),
                            }
                            for r in row.runs
                        ],
                    }
                    for row in rows
                ],
                indent=2,
            )
        )
    if any(all(run.refused for run in row.runs) for row in rows):
        print("some scenarios were refused: run again on a quiet machine", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
