"""Real concurrency for race tests: callables released together from a barrier."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def run_concurrently(attempts: list[Callable[[], T]], timeout: float = 60.0) -> list[T]:
    """Run every attempt on its own thread, all released at once; their results, in the order
    they finished. An attempt that raises fails the caller (after every thread is done)."""
    barrier = threading.Barrier(len(attempts))
    results: list[T] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(attempt: Callable[[], T]) -> None:
        barrier.wait()
        try:
            result = attempt()
        except BaseException as exc:
            with lock:
                errors.append(exc)
            return
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    if errors:
        raise errors[0]
    return results
