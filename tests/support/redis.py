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
import sys
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


class RedisProcess:
    """A redis-server we start, on one port, that a test may stop and start again (a restart:
    Redis keeps nothing, so every counter is gone)."""

    def __init__(self, startup_timeout: float = 20.0) -> None:
        self.binary = _binary()
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.startup_timeout = startup_timeout
        self.workdir = Path(tempfile.mkdtemp(prefix="provider-registry-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log_path = self.workdir / "server.log"
        with log_path.open("ab") as log:
            self.process = process = subprocess.Popen(
                [
                    self.binary,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                    "--dir",
                    str(self.workdir),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + self.startup_timeout
        while not _answers_ping(self.port):
            if process.poll() is not None:
                raise RedisUnavailable(
                    f"redis-server exited with {process.returncode}:\n"
                    f"{log_path.read_text(errors='replace')}\n" + HOW_TO_GET_ONE
                )
            if time.monotonic() > deadline:
                raise RedisUnavailable(
                    f"redis-server did not answer PING on port {self.port} within "
                    f"{self.startup_timeout:.0f} s:\n{log_path.read_text(errors='replace')}\n"
                    + HOW_TO_GET_ONE
                )
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextlib.contextmanager
def throwaway_redis(startup_timeout: float = 20.0) -> Iterator[str]:
    """Yield a ``redis://127.0.0.1:<port>/0`` URL: the configured one, or a server started now."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    server = RedisProcess(startup_timeout)
    try:
        server.start()
        yield server.url
    finally:
        server.close()


@contextlib.contextmanager
def black_hole() -> Iterator[str]:
    """A ``redis://`` URL of a process that accepts connections and never answers (a hung Redis,
    or one behind a frozen network path). Exactly that process is stopped at the end."""
    script = (
        "import socket, sys, time\n"
        "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(128)\n"
        "print(s.getsockname()[1], flush=True)\n"
        "held = []\n"
        "while True:\n"
        "    held.append(s.accept()[0])\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        assert process.stdout is not None
        port = int(process.stdout.readline())
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)
        if process.stdout is not None:
            process.stdout.close()
