"""A real, throwaway Redis for tests of shared rate-limit storage.

``PROVIDER_REGISTRY_TEST_REDIS_URL`` wins when set. Otherwise ``redis-server`` (on PATH or
/usr/bin) is started on a free 127.0.0.1 port without persistence, in its own session, and exactly
that process is stopped at the end. When neither is possible the run stops and says how to get
Redis; it never skips.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

URL_ENV = "PROVIDER_REGISTRY_TEST_REDIS_URL"

HOW_TO_GET_ONE = (
    "Redis is required for the shared rate-limit storage tests and none could be started.\n"
    "  - Debian/Ubuntu: `sudo apt-get install -y redis-server` (`make install` does this for "
    "you), or\n"
    f"  - point {URL_ENV} at a Redis the tests may use, e.g.\n"
    f"    {URL_ENV}=redis://127.0.0.1:6379/15 make test"
)


class RedisUnavailable(RuntimeError):
    pass


def _binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    if Path("/usr/bin/redis-server").exists():
        return "/usr/bin/redis-server"
    raise RedisUnavailable("no redis-server binary found.\n" + HOW_TO_GET_ONE)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop exactly the process we started (it is alone in its session)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def throwaway_redis(startup_timeout: float = 20.0) -> Iterator[str]:
    """Yield a ``redis://127.0.0.1:<port>/0`` URL: the configured one, or a server started now."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    binary = _binary()
    port = _free_port()
    workdir = Path(tempfile.mkdtemp(prefix="provider-registry-redis-"))
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(workdir),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + startup_timeout
        while not _answers_ping(port):
            if process.poll() is not None:
                raise RedisUnavailable(
                    f"redis-server exited with {process.returncode}:\n"
                    f"{log_path.read_text(errors='replace')}\n" + HOW_TO_GET_ONE
                )
            if time.monotonic() > deadline:
                raise RedisUnavailable(
                    f"redis-server did not answer PING on port {port} within "
                    f"{startup_timeout:.0f} s:\n{log_path.read_text(errors='replace')}\n"
                    + HOW_TO_GET_ONE
                )
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)
        shutil.rmtree(workdir, ignore_errors=True)
