"""The reference topology as processes: nginx (deploy/nginx/nginx.conf) in front of three
``provider-registry serve`` instances on one PostgreSQL (reached through a TCP path the tests can
freeze) and one Redis, with an external billing service. Started once for the module; the tests
stop, freeze and restart its parts and leave it whole again."""

from __future__ import annotations

import contextlib
import http.client
import json
import random
import re
import secrets
import threading
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import psycopg2
import pytest

from tests.conftest import TEST_API_KEY_PEPPER, TEST_JWT_SECRET
from tests.support import postgres
from tests.support.billing_server import BillingServer, running_billing_server
from tests.support.nginx import Nginx, running_nginx
from tests.support.redis import RedisProcess
from tests.support.server import Instance, free_port
from tests.support.tcp_proxy import Proxy, frozen_path

INSTANCES = 3
DEADLINE_SECONDS = 10
DRAIN_SECONDS = 2
GRACEFUL_SECONDS = 10
ADMIN_EMAIL = "ops-admin@example.com"
PASSWORD = "Topology-Passw0rd!"


@dataclass
class Topology:
    cluster: postgres.Cluster
    database_url: str  # direct, for the test's own checks
    database_path: Proxy  # the instances' way to PostgreSQL
    redis: RedisProcess
    billing: BillingServer
    instances: list[Instance]
    nginx: Nginx

    @property
    def base(self) -> str:
        return self.nginx.base

    def logs(self) -> str:
        return "".join(i.log_path.read_text(errors="replace") for i in self.instances)

    def rows(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        connection = psycopg2.connect(self.database_url, connect_timeout=5)
        with contextlib.closing(connection), connection.cursor() as cursor:
            cursor.execute(sql, args)
            return list(cursor.fetchall())


def instance_env(database_url: str, redis_url: str, billing_url: str) -> dict[str, str]:
    return {
        "PROVIDER_REGISTRY_ENVIRONMENT": "production",
        "PROVIDER_REGISTRY_DATABASE_URL": database_url,
        "PROVIDER_REGISTRY_DATABASE_CONNECT_TIMEOUT_SECONDS": "2",
        "PROVIDER_REGISTRY_DATABASE_KEEPALIVE_SECONDS": "2",
        "PROVIDER_REGISTRY_JWT_SECRET": TEST_JWT_SECRET,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": TEST_API_KEY_PEPPER,
        "PROVIDER_REGISTRY_AUTH_BCRYPT_ROUNDS": "4",
        "PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_EMAIL": ADMIN_EMAIL,
        "PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_PASSWORD": PASSWORD,
        "PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "true",
        "PROVIDER_REGISTRY_RATE_LIMIT_STORAGE_URI": redis_url,
        "PROVIDER_REGISTRY_RATE_LIMIT_STORAGE_RETRY_SECONDS": "1",
        "PROVIDER_REGISTRY_BILLING_URL": billing_url,
        "PROVIDER_REGISTRY_BILLING_API_TOKEN": "topology-billing-token",
        "PROVIDER_REGISTRY_BILLING_TIMEOUT_SECONDS": "1",
        "PROVIDER_REGISTRY_BILLING_MAX_ATTEMPTS": "2",
        "PROVIDER_REGISTRY_SERVER_WORKERS": "1",
        "PROVIDER_REGISTRY_SERVER_TRUSTED_PROXIES": "127.0.0.1",
        "PROVIDER_REGISTRY_SERVER_DRAIN_SECONDS": str(DRAIN_SECONDS),
        "PROVIDER_REGISTRY_SERVER_GRACEFUL_TIMEOUT_SECONDS": str(GRACEFUL_SECONDS),
        "PROVIDER_REGISTRY_SERVER_REQUEST_DEADLINE_SECONDS": str(DEADLINE_SECONDS),
        "PROVIDER_REGISTRY_LOG_LEVEL": "info",
        "PROVIDER_REGISTRY_LOG_FORMAT": "json",
    }


@pytest.fixture(scope="module")
def topology(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    logs = tmp_path_factory.mktemp("topology")
    cluster = postgres.Cluster()
    redis = RedisProcess()
    instances: list[Instance] = []
    try:
        cluster.create()
        redis.start()
        database_url = postgres.recreate_database(cluster.url, "registry")
        with (
            frozen_path(cluster.port) as path,
            running_billing_server([]) as billing,
        ):
            proxied = database_url.replace(f":{cluster.port}/", f":{path.port}/")
            env = instance_env(proxied, redis.url, billing.url)
            instances = [
                Instance("serve", env, logs / f"api-{n + 1}.log", port=free_port())
                for n in range(INSTANCES)
            ]
            instances[0].start()  # migrates the empty database; the others find it current
            for instance in instances[1:]:
                instance.start()
            with running_nginx([i.port for i in instances]) as nginx:
                yield Topology(cluster, database_url, path, redis, billing, instances, nginx)
    finally:
        for instance in instances:
            instance.stop()
        redis.close()
        cluster.close()


# ------------------------------------------------------------------------------------ clients


@dataclass
class Answer:
    status: int | None  # None: no answer at all (connection refused, reset or timed out)
    headers: dict[str, str]
    body: Any
    started: float
    seconds: float
    error: str = ""


def call(
    base: str,
    method: str,
    path: str,
    body: Any = None,
    headers: dict[str, str] | None = None,
    connection: http.client.HTTPConnection | None = None,
    timeout: float = DEADLINE_SECONDS + 10,
) -> Answer:
    """One request; on a kept ``connection`` when given (it is closed after a failure)."""
    address = urllib.parse.urlsplit(base)
    own = connection is None
    conn = connection or http.client.HTTPConnection(
        address.hostname or "", address.port, timeout=timeout
    )
    payload = json.dumps(body).encode() if body is not None else None
    sent = {"Accept": "application/json", **(headers or {})}
    if payload is not None:
        sent["Content-Type"] = "application/json"
    started = time.monotonic()
    try:
        conn.request(method, path, body=payload, headers=sent)
        response = conn.getresponse()
        raw = response.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return Answer(None, {}, None, started, time.monotonic() - started, repr(exc))
    finally:
        if own:
            conn.close()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = raw.decode(errors="replace")
    return Answer(
        response.status,
        {k.lower(): v for k, v in response.getheaders()},
        parsed,
        started,
        time.monotonic() - started,
    )


def expect(answer: Answer, status: int) -> Any:
    assert answer.status == status, (answer.status, answer.body, answer.error)
    return answer.body


def client_ip() -> str:
    """A made-up client address, passed by nginx in X-Forwarded-For (sign-in limits are per IP)."""
    return f"10.{secrets.randbelow(256)}.{secrets.randbelow(256)}.{1 + secrets.randbelow(254)}"


def new_account(base: str) -> tuple[str, dict[str, str]]:
    """A fresh consumer account; its id and bearer headers."""
    ip = {"X-Forwarded-For": client_ip()}
    email = f"load-{uuid.uuid4().hex[:12]}@example.com"
    created = expect(
        call(
            base,
            "POST",
            "/api/v1/auth/register",
            {"email": email, "password": PASSWORD, "first_name": "Load", "last_name": "Test"},
            ip,
        ),
        201,
    )
    tokens = expect(
        call(base, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD}, ip), 200
    )
    return created["id"], {"Authorization": f"Bearer {tokens['access_token']}"}


def admin_headers(base: str) -> dict[str, str]:
    tokens = expect(
        call(
            base,
            "POST",
            "/api/v1/auth/login",
            {"email": ADMIN_EMAIL, "password": PASSWORD},
            {"X-Forwarded-For": client_ip()},
        ),
        200,
    )
    return {"Authorization": f"Bearer {tokens['access_token']}"}


@dataclass
class Outcome:
    kind: str  # "read" or "write"
    answer: Answer
    # A write's name, so the test can find the row an acknowledged write created.
    name: str = ""


@dataclass
class Load:
    """Bounded load through the load balancer: ``clients`` threads, each on one kept-alive
    connection (reopened after a failure), 30% writes (an organization created), the rest reads
    (``/auth/me``), each client with its own accounts so per-principal limits are not reached."""

    base: str
    clients: int = 6
    pause: float = 0.1
    write_share: float = 0.3
    accounts_per_client: int = 8
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self.accounts = [
            [new_account(self.base)[1] for _ in range(self.accounts_per_client)]
            for _ in range(self.clients)
        ]

    def _run(self, n: int) -> None:
        rng = random.Random(n)  # noqa: S311 - which request to send, not a secret
        address = urllib.parse.urlsplit(self.base)
        connection = http.client.HTTPConnection(
            address.hostname or "", address.port, timeout=DEADLINE_SECONDS + 10
        )
        turn = 0
        while not self._stop.is_set():
            headers = self.accounts[n][turn % self.accounts_per_client]
            turn += 1
            if rng.random() < self.write_share:
                name = f"topology {uuid.uuid4().hex}"
                answer = call(
                    self.base, "POST", "/api/v1/organizations", {"name": name}, headers, connection
                )
                outcome = Outcome("write", answer, name)
            else:
                outcome = Outcome(
                    "read", call(self.base, "GET", "/api/v1/auth/me", None, headers, connection)
                )
            with self._lock:
                self.outcomes.append(outcome)
            self._stop.wait(self.pause)
        connection.close()

    def __enter__(self) -> Load:
        for n in range(self.clients):
            thread = threading.Thread(target=self._run, args=(n,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=DEADLINE_SECONDS + 15)

    def since(self, moment: float) -> list[Outcome]:
        return [o for o in self.outcomes if o.answer.started >= moment]


def statuses(outcomes: list[Outcome]) -> dict[int | None, int]:
    counted: dict[int | None, int] = {}
    for outcome in outcomes:
        counted[outcome.answer.status] = counted.get(outcome.answer.status, 0) + 1
    return counted


def acknowledged_writes_are_stored(topology: Topology, outcomes: list[Outcome]) -> int:
    """Every write answered 201 is in the database, row by row; returns how many were."""
    acknowledged = {
        o.answer.body["id"]: o.name
        for o in outcomes
        if o.kind == "write" and o.answer.status == 201
    }
    stored = dict(
        topology.rows(
            "SELECT id::text, name FROM organizations WHERE id::text = ANY(%s)", list(acknowledged)
        )
    )
    missing = {k: v for k, v in acknowledged.items() if stored.get(k) != v}
    assert not missing, f"{len(missing)} acknowledged writes are not in the database: {missing}"
    return len(acknowledged)


def wait_until(check: Any, timeout: float, interval: float = 0.1) -> float:
    """Poll ``check()`` until it is true; the seconds it took (fails past ``timeout``)."""
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise AssertionError(f"not true within {timeout} s: {check}")
        time.sleep(interval)
    return time.monotonic() - started


def ready(instance: Instance) -> bool:
    answer = call(instance.base, "GET", "/ready", timeout=5)
    return answer.status == 200


def log_events(text: str, event: str) -> list[dict[str, Any]]:
    found = []
    for line in text.splitlines():
        if f'"{event}"' in line:
            with contextlib.suppress(ValueError):
                found.append(json.loads(line[line.index("{") :]))
    return found


def metric(instance: Instance, name: str) -> float:
    answer = call(instance.base, "GET", "/metrics", timeout=5)
    text = answer.body if isinstance(answer.body, str) else ""
    match = re.search(rf"^{re.escape(name)}(?:{{[^}}]*}})? ([0-9.e+-]+)$", text, flags=re.M)
    return float(match[1]) if match else 0.0
