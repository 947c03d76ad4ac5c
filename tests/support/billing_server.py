"""A fake external billing service, run as a separate process, driven by a fault plan.

Standard library only, so it runs with any interpreter: ``python tests/support/billing_server.py
--plan plan.json --port-file port.txt`` (or ``python -m tests.support.billing_server``). It binds
127.0.0.1 on a free port (``--port 0``, the default) and writes the port to ``--port-file``.

``POST /accounts`` answers with the next step of the plan, then with the plan's default (success)
once the steps are used up. A step is a JSON object; every member is optional:

    {"status": 500}                      answer 500 (no account is opened)
    {"status": 429, "retry_after": 1}    answer 429 with ``Retry-After: 1``
    {"delay": 3}                         open the account, answer only after 3 s (a slow service)
    {"status": 500, "commit": true}      open the account but answer 500 (the answer is "lost")
    {"status": 201, "body": {...}}       answer this JSON body instead of the account
    {"raw": "garbage\\r\\n"}             write these bytes instead of an HTTP answer, then close
    {"truncate": true}                   announce a longer body than is sent, then close
    {"drip": 0.2, "drip_bytes": 10}      send the first 10 body bytes (default: all) one every
                                         0.2 s, then the rest (a trickle that never times out)
    {"status": 302, "location": "..."}   a redirect

Without ``status`` a step succeeds: 201 with ``{"id": ..., "provider_id": ...}`` for a new
account, 200 with the same account for a key seen before. Like a real billing service it is
idempotent: an ``Idempotency-Key`` always maps to the same account (one account per key); a
request without the header is a 400.

Control endpoints (never recorded, never subject to the plan):

    GET /_health     200 once serving
    GET /_requests   every other request received, in order: method, path, idempotency_key,
                     authorization, content_type, body (JSON when it parses), time (wall clock),
                     monotonic (this process's clock, for spacing), status answered, step
    GET /_accounts   the accounts opened, in order
    PUT /_plan       {"steps": [...], "default": {...}} replaces the plan (the remaining steps)

In tests, ``running_billing_server(steps)`` starts the process, waits until it answers, yields a
``BillingServer`` (url, requests(), accounts(), set_plan(), pid) and stops exactly that process.
``unused_url()`` is a URL where nothing listens (a billing service that is down).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

Step = dict[str, Any]

SUCCESS: Step = {}


class _State:
    def __init__(self, steps: list[Step], default: Step) -> None:
        self.lock = threading.Lock()
        self.steps = list(steps)
        self.default = dict(default)
        self.requests: list[dict[str, Any]] = []
        self.accounts: dict[str, dict[str, Any]] = {}

    def next_step(self) -> Step:
        with self.lock:
            return self.steps.pop(0) if self.steps else dict(self.default)

    def set_plan(self, steps: list[Step], default: Step | None) -> None:
        with self.lock:
            self.steps = list(steps)
            self.default = dict(default) if default is not None else dict(SUCCESS)

    def record(self, entry: dict[str, Any]) -> None:
        with self.lock:
            self.requests.append(entry)

    def open_account(self, key: str, body: Any) -> tuple[dict[str, Any], bool]:
        """The account for ``key``: (account, created now)."""
        with self.lock:
            existing = self.accounts.get(key)
            if existing is not None:
                return existing, False
            provider_id = body.get("provider_id") if isinstance(body, dict) else None
            account = {
                "id": "acct_" + uuid.uuid4().hex[:16],
                "idempotency_key": key,
                "provider_id": provider_id,
                "request": body,
                "created_at": time.time(),
            }
            self.accounts[key] = account
            return account, True


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeBilling/1.0"
    protocol_version = "HTTP/1.1"
    state: _State  # set on the subclass built in serve()

    def log_message(self, format: str, *args: Any) -> None:
        sys.stderr.write(f"{self.address_string()} {format % args}\n")

    # ---------------------------------------------------------------- plumbing
    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send_json(self, status: int, document: Any, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    # ---------------------------------------------------------------- control endpoints
    def do_GET(self) -> None:
        with self.state.lock:
            if self.path == "/_health":
                document: Any = {"status": "ok"}
            elif self.path == "/_requests":
                document = list(self.state.requests)
            elif self.path == "/_accounts":
                document = list(self.state.accounts.values())
            else:
                document = None
        if document is None:
            self._planned()
        else:
            self._send_json(200, document)

    def do_PUT(self) -> None:
        if self.path != "/_plan":
            self._planned()
            return
        plan = json.loads(self._read_body() or b"{}")
        self.state.set_plan(plan.get("steps", []), plan.get("default"))
        self._send_json(200, {"status": "ok"})

    def do_POST(self) -> None:
        self._planned()

    def do_DELETE(self) -> None:
        self._planned()

    # ---------------------------------------------------------------- the billing API
    def _planned(self) -> None:
        arrived_wall, arrived = time.time(), time.monotonic()
        raw = self._read_body()
        try:
            body: Any = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        key = self.headers.get("Idempotency-Key")
        entry: dict[str, Any] = {
            "method": self.command,
            "path": self.path,
            "idempotency_key": key,
            "authorization": self.headers.get("Authorization"),
            "content_type": self.headers.get("Content-Type"),
            "body": body,
            "time": arrived_wall,
            "monotonic": arrived,
            "status": None,
            "step": None,
        }
        if self.command != "POST" or self.path != "/accounts":
            entry["status"] = 404
            self.state.record(entry)
            self._send_json(404, {"error": "not found"})
            return
        if not key:
            entry["status"] = 400
            self.state.record(entry)
            self._send_json(400, {"error": "Idempotency-Key is required"})
            return
        step = self.state.next_step()
        entry["step"] = step
        status = step.get("status")
        account: dict[str, Any] | None = None
        created = False
        if status is None or 200 <= int(status) < 300 or step.get("commit"):
            account, created = self.state.open_account(key, body)
        if status is None:
            status = 201 if created else 200
        entry["status"] = int(status)
        self.state.record(entry)
        with contextlib.suppress(OSError):  # the client may have given up (timeouts)
            if step.get("delay"):
                time.sleep(float(step["delay"]))
            self._answer(step, int(status), account)

    def _answer(self, step: Step, status: int, account: dict[str, Any] | None) -> None:
        if "raw" in step:
            self.close_connection = True
            self.wfile.write(str(step["raw"]).encode())
            self.wfile.flush()
            return
        if "body" in step:
            document: Any = step["body"]
        elif account is not None and 200 <= status < 300:
            document = {"id": account["id"], "provider_id": account["provider_id"]}
        else:
            document = {"error": f"planned {status}"}
        payload = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        if step.get("truncate"):
            self.close_connection = True
            self.send_header("Content-Length", str(len(payload) + 100))
            self.end_headers()
            self.wfile.write(payload[: len(payload) // 2])
            self.wfile.flush()
            return
        self.send_header("Content-Length", str(len(payload)))
        if step.get("retry_after") is not None:
            self.send_header("Retry-After", str(step["retry_after"]))
        if step.get("location"):
            self.send_header("Location", str(step["location"]))
        self.end_headers()
        if step.get("drip"):
            dripped = min(len(payload), int(step.get("drip_bytes", len(payload))))
            for index in range(dripped):
                self.wfile.write(payload[index : index + 1])
                self.wfile.flush()
                time.sleep(float(step["drip"]))
            payload = payload[dripped:]
        self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve(steps: list[Step], default: Step, port: int, port_file: Path | None) -> None:
    handler = type("Handler", (_Handler,), {"state": _State(steps, default)})
    server = _Server(("127.0.0.1", port), handler)
    bound = server.server_address[1]
    if port_file is not None:
        partial = port_file.with_name(port_file.name + ".partial")
        partial.write_text(str(bound))
        partial.replace(port_file)  # atomic: readers never see a half-written port
    sys.stderr.write(f"fake billing listening on 127.0.0.1:{bound}\n")
    sys.stderr.flush()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever(poll_interval=0.1)
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fake billing service driven by a fault plan.")
    parser.add_argument("--port", type=int, default=0, help="0 (default): any free port")
    parser.add_argument("--port-file", type=Path, help="write the bound port here")
    parser.add_argument(
        "--plan", type=Path, help='JSON file: a list of steps, or {"steps": [...], "default": {}}'
    )
    opts = parser.parse_args(argv)
    steps: list[Step] = []
    default: Step = dict(SUCCESS)
    if opts.plan is not None:
        plan = json.loads(opts.plan.read_text())
        if isinstance(plan, list):
            steps = plan
        else:
            steps = plan.get("steps", [])
            default = plan.get("default") or dict(SUCCESS)
    serve(steps, default, opts.port, opts.port_file)
    return 0


# -------------------------------------------------------------------- test-side helpers


def unused_url() -> str:
    """A loopback URL where nothing listens: the billing service is down."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    return f"http://127.0.0.1:{port}"


def _call(url: str, method: str = "GET", document: Any = None) -> Any:
    data = json.dumps(document).encode() if document is not None else None
    request = urllib.request.Request(
        url, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


class BillingServer(NamedTuple):
    url: str
    requests: Callable[[], list[dict[str, Any]]]
    accounts: Callable[[], list[dict[str, Any]]]
    set_plan: Callable[..., None]
    pid: int


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop exactly the process we started (it is alone in its session, with no children)."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        process.wait(timeout=5)


@contextlib.contextmanager
def running_billing_server(
    steps: list[Step] | None = None,
    default: Step | None = None,
    startup_timeout: float = 15.0,
) -> Iterator[BillingServer]:
    """Run the fake billing service in its own process with this plan; stop it at exit."""
    workdir = Path(tempfile.mkdtemp(prefix="fake-billing-"))
    plan_file, port_file, log_path = (
        workdir / "plan.json",
        workdir / "port",
        workdir / "server.log",
    )
    plan_file.write_text(json.dumps({"steps": steps or [], "default": default or SUCCESS}))
    try:
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--plan",
                    str(plan_file),
                    "--port-file",
                    str(port_file),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            base = _wait_until_serving(process, port_file, log_path, startup_timeout)

            def set_plan(steps: list[Step], default: Step | None = None) -> None:
                _call(base + "/_plan", "PUT", {"steps": steps, "default": default})

            yield BillingServer(
                url=base,
                requests=lambda: list(_call(base + "/_requests")),
                accounts=lambda: list(_call(base + "/_accounts")),
                set_plan=set_plan,
                pid=process.pid,
            )
        finally:
            _stop(process)
    finally:
        for path in (plan_file, port_file, log_path):
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            workdir.rmdir()


def _wait_until_serving(
    process: subprocess.Popen[bytes], port_file: Path, log_path: Path, timeout: float
) -> str:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise AssertionError(
                f"fake billing exited with {process.returncode}:\n"
                f"{log_path.read_text(errors='replace')}"
            )
        if port_file.exists():
            base = f"http://127.0.0.1:{int(port_file.read_text())}"
            try:
                if _call(base + "/_health").get("status") == "ok":
                    return base
            except (OSError, ValueError):
                pass
        if time.monotonic() > deadline:
            raise AssertionError(
                f"fake billing did not start within {timeout:.0f} s:\n"
                f"{log_path.read_text(errors='replace')}"
            )
        time.sleep(0.02)


if __name__ == "__main__":
    sys.exit(main())
