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


@contextlib.contextmanager
def server_process(
    command: str, env: dict[str, str], log_path: Path, startup_timeout: float = 60.0
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run ``provider-registry <command>`` on a free port; yield its base URL and its process
    (gunicorn's master under ``serve``), which a test may signal itself."""
    port = free_port()
    full_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PROVIDER_REGISTRY_")},
        **env,
        "PROVIDER_REGISTRY_SERVER_HOST": "127.0.0.1",
        "PROVIDER_REGISTRY_SERVER_PORT": str(port),
    }
    base = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "provider-registry"), command],
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if process.poll() is not None:
                    raise AssertionError(
                        f"server exited with {process.returncode}:\n{log_path.read_text()}"
                    )
                try:
                    if get(base + "/health", timeout=2)[0] in (200, 503):
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise AssertionError(f"server did not start:\n{log_path.read_text()}")
                time.sleep(0.2)
            yield base, process
        finally:
            # Our own process group only (gunicorn master and its workers).
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
