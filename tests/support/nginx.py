"""nginx (Debian's package) as the load balancer in front of server instances, for topology tests.

The configuration is the reference one operators deploy (``deploy/nginx/nginx.conf``): only the
``upstream`` servers and the listening address are replaced for processes on 127.0.0.1, and the
paths nginx writes go to a temporary directory. The process is started in its own session, in the
foreground, and exactly that process is stopped at the end. When nginx is missing the run stops
and says how to get it; it never skips.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.server import free_port, get

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_CONFIG = ROOT / "deploy" / "nginx" / "nginx.conf"

HOW_TO_GET_ONE = (
    "nginx is required for the topology tests and none was found.\n"
    "  - Debian/Ubuntu: `sudo apt-get install -y nginx` (`make test-topology` does this for you)"
)


class NginxUnavailable(RuntimeError):
    pass


@dataclass
class Nginx:
    base: str
    root: Path

    def access_log(self) -> list[str]:
        """One line per request: ``upstream=<address> upstream_status=<status>`` among others."""
        path = self.root / "access.log"
        return path.read_text(errors="replace").splitlines() if path.exists() else []


def _binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        raise NginxUnavailable("no nginx binary found.\n" + HOW_TO_GET_ONE)
    return found


def local_config(reference: str, upstream_ports: list[int], port: int, root: Path) -> str:
    """The reference configuration with its upstream servers, listening port and writable paths
    pointed at this machine's processes and ``root``."""
    servers = re.findall(r"^\s*server\s+api-\d+:\d+(.*);$", reference, flags=re.M)
    assert len(servers) == len(upstream_ports), "one upstream server per instance"
    lines = iter(upstream_ports)
    text = re.sub(
        r"^(\s*)server\s+api-\d+:\d+(.*);$",
        lambda match: f"{match[1]}server 127.0.0.1:{next(lines)}{match[2]};",
        reference,
        flags=re.M,
    )
    text = re.sub(r"^(\s*)listen\s+\d+;$", rf"\g<1>listen 127.0.0.1:{port};", text, flags=re.M)
    text = re.sub(r"^pid\s+.*;$", f"pid {root}/nginx.pid;", text, flags=re.M)
    text = re.sub(
        r"^(\s*)error_log\s+[^\s;]+", rf"\g<1>error_log {root}/error.log", text, flags=re.M
    )
    text = re.sub(
        r"^(\s*)access_log\s+[^\s;]+", rf"\g<1>access_log {root}/access.log", text, flags=re.M
    )
    temp = "\n".join(
        f"    {kind}_temp_path {root}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    text = text.replace("http {\n", "http {\n" + temp + "\n", 1)
    if os.geteuid() == 0:  # workers as root too: they write under root's temporary directory
        text = "user root;\n" + text
    return text


@contextlib.contextmanager
def running_nginx(upstream_ports: list[int], startup_timeout: float = 20.0) -> Iterator[Nginx]:
    """Start nginx in front of the given instances (127.0.0.1 ports); yield its base URL and the
    directory holding its logs."""
    binary = _binary()
    root = Path(tempfile.mkdtemp(prefix="provider-registry-nginx-"))
    port = free_port()
    config = root / "nginx.conf"
    config.write_text(local_config(REFERENCE_CONFIG.read_text(), upstream_ports, port, root))
    process = subprocess.Popen(
        [
            binary,
            "-p",
            str(root),
            "-c",
            str(config),
            "-e",
            str(root / "error.log"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while True:
            if process.poll() is not None:
                log = root / "error.log"
                raise NginxUnavailable(
                    f"nginx exited with {process.returncode}:\n"
                    f"{log.read_text(errors='replace') if log.exists() else ''}"
                )
            try:
                get(base + "/health", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Nginx(base, root)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
