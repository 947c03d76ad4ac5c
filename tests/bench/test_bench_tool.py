"""`make bench` (scripts/bench/registry_bench.py): wrk's output is read right, other processes'
CPU is seen, and a real short run prints the table and refuses a run a CPU burner spoils."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scripts.bench import registry_bench as bench

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "scripts" / "bench" / "registry_bench.py"

WRK_OUTPUT = """\
Running 1s test @ http://127.0.0.1:40001
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.12ms   10.00ms 301.20ms   90.00%
    Req/Sec   450.00    50.00   500.00     70.00%
  Latency Distribution
     50%  812.00us
     75%   45.00ms
     90%   60.00ms
     99%    1.20s
  915 requests in 1.00s, 300.00KB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:    915.37
Transfer/sec:    299.00KB
"""


def test_wrk_output_is_read_with_its_units() -> None:
    result = bench.parse_wrk(WRK_OUTPUT)
    assert result.requests == 915
    assert result.rps == pytest.approx(915.37)
    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(1200.0)
    assert result.non_2xx == 7
    assert result.socket_errors == 5


def test_unreadable_wrk_output_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot read"):
        bench.parse_wrk("Running 1s test\nunable to connect to 127.0.0.1:1\n")


def burner() -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def test_a_cpu_burner_counts_as_other_processes_cpu() -> None:
    hog = burner()
    try:
        time.sleep(0.3)
        busy0, self0, t0 = bench.busy_ticks(), bench.self_ticks(), time.monotonic()
        time.sleep(1.0)
        busy = bench.busy_ticks() - busy0
        known = bench.self_ticks() - self0
        others = bench.other_cores(busy, known, time.monotonic() - t0)
        # Counted as ours, the burner's CPU is not "other".
        mine = bench.tree_ticks({"hog": hog.pid})
        assert mine["hog"][hog.pid] > 0
    finally:
        stop(hog)
    assert others > 0.3


def run_tool(*args: str, status: int = 0) -> str:
    completed = subprocess.run(
        [sys.executable, str(TOOL), "--duration", "1", "--warmup", "0", "--rounds", "2",
         "--only", "me-bearer", "--deployments", "50", "--org-deployments", "30",
         "--log-lines", "10", "--deep-pages", "1", "--time-limit", "240", *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert completed.returncode == status, completed.stdout + completed.stderr
    return completed.stdout


@pytest.mark.bench
def test_a_short_run_prints_the_table_and_refuses_a_noisy_run() -> None:
    assert shutil.which("wrk"), "wrk is missing: run `make install` (or `make bench-deps`)"
    quiet = run_tool("--max-other-cpu", "64", "--only", "me-bearer,provider-register")
    lines = quiet.splitlines()
    header = next(line for line in lines if line.startswith("scenario"))
    for column in ("req/s", "p50 ms", "p99 ms", "srv CPU", "PG CPU", "ratio", "PG conns"):
        assert column in header
    anchor = next(line for line in lines if line.startswith("anchor GET /items/{id}"))
    me = next(line for line in lines if line.startswith("me-bearer")).split()
    assert float(me[1]) > 0  # req/s
    assert float(me[4]) > 0  # server CPU per request
    assert me[7] == "2/2"
    assert me[8] == "0"
    assert anchor.split()[-3] == "0"  # anchor: no errors
    # Each wrk thread numbers its own requests: every registration is a new email (no 409).
    register = next(line for line in lines if line.startswith("provider-register")).split()
    assert register[8] == "0", quiet
    assert anchor.split()[-1] == "0"  # the anchor has no database: no PostgreSQL sessions

    hog = burner()
    try:
        noisy = run_tool("--max-other-cpu", "0.2", "--retries", "1", status=2)
    finally:
        stop(hog)
    assert "noisy run" in noisy
    assert "refused" in noisy
    row = next(line for line in noisy.splitlines() if line.startswith("me-bearer"))
    assert "refused" in row


@pytest.mark.bench
def test_profile_samples_the_workers_and_says_where_the_time_went(tmp_path: Path) -> None:
    out = run_tool("--max-other-cpu", "64", "--rounds", "1", "--profile", str(tmp_path))
    summary = (tmp_path / "me-bearer-summary.txt").read_text()
    assert summary.splitlines()[0] in out  # printed too
    samples = int(summary.split()[1])
    assert samples > 50
    stacks = list(tmp_path.glob("me-bearer-[0-9]*.txt"))
    assert len(stacks) == 2  # one file per worker
    # The request path is in the stacks, and the layers add up to every sample.
    assert any("principal_from_access_token" in path.read_text() for path in stacks)
    assert "RequestThreads.run" in summary or "Thread._bootstrap" in summary
    layers = [line for line in summary.split("hottest")[0].splitlines()[1:] if "%" in line]
    assert layers
    assert abs(sum(float(line.split("%")[0]) for line in layers) - 100) < 1.0


def test_frames_are_split_into_function_and_file() -> None:
    assert bench.frame_parts("get (sqlalchemy/orm/session.py:123)") == (
        "get",
        "sqlalchemy/orm/session.py",
    )
    assert bench.frame_parts("<module> (<frozen runpy>)") == ("<module>", "<frozen runpy>")
    assert bench.layer_of("sqlalchemy/orm/session.py") == "sqlalchemy"
    assert bench.layer_of("threading.py") == "stdlib"
