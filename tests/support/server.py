"""Start the real server process (``provider-registry run`` or ``serve``) for a test and stop it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.support import statuses

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get(url: str, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            answer = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        answer = error.code, dict(error.headers), error.read()
    statuses.record("GET", urllib.parse.urlsplit(url).path, answer[0])
    return answer


@contextlib.contextmanager
def running_server(
    command: str, env: dict[str, str], log_path: Path, startup_timeout: float = 60.0
) -> Iterator[str]:
    """Run ``provider-registry <command>`` on a free port; yield its base URL."""
    with server_process(command, env, log_path, startup_timeout) as (base, _process):
        yield base


class Instance:
    """``provider-registry <command>`` on one port (free unless given), which a test may stop and
    start again there: a restart, as an orchestrator does one. Output is appended to
    ``log_path`` across restarts."""

    def __init__(
        self, command: str, env: dict[str, str], log_path: Path, port: int | None = None
    ) -> None:
        self.command = command
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PROVIDER_REGISTRY_")},
            **env,
            "PROVIDER_REGISTRY_SERVER_HOST": "127.0.0.1",
            "PROVIDER_REGISTRY_SERVER_PORT": str(self.port),
        }
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, startup_timeout: float = 60.0) -> None:
        """Start the process and wait until ``/health`` answers."""
        with self.log_path.open("ab") as log:
            self.process = process = subprocess.Popen(
                [str(BIN / "provider-registry"), self.command],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    f"server exited with {process.returncode}:\n{self.log_path.read_text()}"
                )
            try:
                if get(self.base + "/health", timeout=2)[0] in (200, 503):
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"server did not start:\n{self.log_path.read_text()}")
            time.sleep(0.2)

    def terminate(self) -> None:
        """SIGTERM to the main process only (gunicorn's master), as an orchestrator sends it."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        """Stop our own process group (gunicorn master and its workers), however it is doing."""
        process, self.process = self.process, None
        if process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextlib.contextmanager
def server_process(
    command: str, env: dict[str, str], log_path: Path, startup_timeout: float = 60.0
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``provider-registry <command>`` on a free port; yield its base URL and its process
    (gunicorn's master under ``serve``), which a test may signal itself."""
    instance = Instance(command, env, log_path)
    try:
        instance.start(startup_timeout)
        assert instance.process is not None
        yield instance.base, instance.process
    finally:
        instance.stop()
