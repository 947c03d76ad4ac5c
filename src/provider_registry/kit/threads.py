"""The worker's one pool of request threads.

Connexion runs Flask on a2wsgi, which runs each request's handler on a thread pool of its own;
authentication loads the caller from the database before routing, on a thread too. Both use
this pool, so a worker never has more than ``size`` threads using the database at once and its
connection pool of ``size`` connections is never exceeded: without it, authentication ran on
anyio's default pool (40 threads), bursts overflowed the database pool, and the overflow
connections were opened and closed again on every burst (hundreds of PostgreSQL backends
started per second under load).

No task on this pool waits for another task on it (a handler never waits for authentication and
the reverse), so sharing it cannot deadlock.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from connexion import FlaskApp

T = TypeVar("T")

_LOOP: contextvars.ContextVar[asyncio.AbstractEventLoop] = contextvars.ContextVar("request_loop")


class RequestThreads:
    def __init__(self, size: int) -> None:
        self.size = size
        self.executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="request")

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` on a request thread, in a copy of the caller's context (request id
        and log bindings go along), from which ``on_loop`` can call back into this loop."""
        loop = asyncio.get_running_loop()
        context = contextvars.copy_context()
        context.run(_LOOP.set, loop)
        return await loop.run_in_executor(
            self.executor, functools.partial(context.run, function, *args)
        )

    def serve(self, app: FlaskApp) -> None:
        """Make Connexion's WSGI bridge (a2wsgi) run handlers on this pool."""
        bridge = app._middleware_app.asgi_app  # connexion.apps.flask.FlaskASGIApp's a2wsgi
        bridge.executor.shutdown(wait=False)
        bridge.executor = self.executor


def on_loop(function: Callable[..., Coroutine[Any, Any, T]], *args: Any) -> T:
    """From a request thread (``RequestThreads.run``): await ``function(*args)`` on the event
    loop that started the thread's work, and return its result."""
    return asyncio.run_coroutine_threadsafe(function(*args), _LOOP.get()).result()
