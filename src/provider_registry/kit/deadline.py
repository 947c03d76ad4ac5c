"""An overall deadline per request (``server.request_deadline_seconds``), held in the worker.

Handlers run on request threads, which cannot be stopped from outside, so the deadline is kept
in two halves that agree under a lock (``Deadline``): when it passes before the response has
started, the client gets a 503 at once and the request is marked expired; the handler's
thread, when it gets to its commit, finds the mark and rolls back instead (``kit.db``). So a
request that answered 503 changed nothing, and one that was already committing is waited for
(its statements are bounded by the database time limits) and answers normally.
"""

from __future__ import annotations

import asyncio
import contextvars
import threading

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from provider_registry.kit.errors import DomainError

_CURRENT: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "request_deadline", default=None
)


class DeadlineExceeded(DomainError):
    status = 503
    code = "DEADLINE_EXCEEDED"
    title = "Service Unavailable"


class Deadline:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = "running"

    def expire(self) -> bool:
        """From the event loop, when time is up: False if the handler is already committing."""
        with self._lock:
            if self._state == "committing":
                return False
            self._state = "expired"
            return True

    def begin_commit(self) -> bool:
        """From the handler's thread, before it commits: False once the request expired."""
        with self._lock:
            if self._state == "expired":
                return False
            self._state = "committing"
            return True


def may_commit() -> bool:
    """Whether the current request may still commit (always, outside a request)."""
    deadline = _CURRENT.get()
    return deadline is None or deadline.begin_commit()


class DeadlineMiddleware:
    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = Deadline()
        started = fired = False
        task = asyncio.current_task()
        assert task is not None

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        def time_is_up() -> None:
            nonlocal fired
            # Once the response has started, or the handler is committing, it is let finish.
            if not started and deadline.expire():
                fired = True
                task.cancel()

        # One timer, no extra task: the request's own task is cancelled when time is up.
        timer = asyncio.get_running_loop().call_later(self.seconds, time_is_up)
        token = _CURRENT.set(deadline)  # request threads run in copies of this context
        try:
            await self.app(scope, receive, watching_send)
        except asyncio.CancelledError:
            if not fired:
                raise
            task.uncancel()
            raise DeadlineExceeded(
                f"The request did not complete within {self.seconds:g} seconds; nothing was "
                "changed. Retry shortly.",
                headers={"Retry-After": "5"},
            ) from None
        finally:
            timer.cancel()
            _CURRENT.reset(token)
