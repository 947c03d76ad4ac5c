"""One pool of request threads per worker (kit.threads): authentication's database reads and the
handlers run on it, so a burst never opens more database connections than there are threads."""

from __future__ import annotations

import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import event

from provider_registry.kit.threads import RequestThreads, on_loop
from tests.conftest import MakeClient
from tests.identity.helpers import signed_in

pytestmark = pytest.mark.integration


def test_a_burst_uses_no_more_connections_than_request_threads(make_client: MakeClient) -> None:
    client = make_client(server_threads="3", database_pool_size="1")
    _, bearer = signed_in(client)
    engine = client.app.app.extensions["provider_registry"].database.engine  # type: ignore[attr-defined]
    engine.pool.dispose()
    opened: list[str] = []
    users: set[str] = set()
    lock = threading.Lock()

    @event.listens_for(engine, "connect")
    def _connect(*_args: Any) -> None:
        with lock:
            opened.append(threading.current_thread().name)

    @event.listens_for(engine, "checkout")
    def _checkout(*_args: Any) -> None:
        with lock:
            users.add(threading.current_thread().name)

    def me(_: int) -> int:
        # Authentication loads the caller; the handler reads the caller's keys.
        return int(client.get("/api/v1/auth/api-keys", headers=bearer).status_code)

    with ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(pool.map(me, range(120)))
    assert statuses == [200] * 120
    # Authentication (before routing) and the handlers both used the database, only from the
    # three request threads, on at most three connections (the pool was raised to the threads).
    assert all(name.startswith("request") for name in users), users
    assert 1 <= len(users) <= 3
    assert 1 <= len(opened) <= 3, opened


def test_work_runs_in_the_callers_context_and_can_call_back_into_the_loop() -> None:
    threads = RequestThreads(2)
    marker: contextvars.ContextVar[str] = contextvars.ContextVar("marker")

    async def double(value: int) -> int:
        await asyncio.sleep(0)
        return value * 2

    def work() -> tuple[str, str, int]:
        return marker.get(), threading.current_thread().name, on_loop(double, 21)

    async def main() -> tuple[str, str, int]:
        marker.set("request-42")
        return await threads.run(work)

    try:
        seen, thread, doubled = asyncio.run(main())
    finally:
        threads.executor.shutdown()
    assert seen == "request-42"
    assert thread.startswith("request")
    assert doubled == 42
