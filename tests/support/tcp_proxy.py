"""A TCP forwarder run as its own process, so a test can make a network path fail silently.

Standard library only: ``python tests/support/tcp_proxy.py <target-port>`` listens on a free
127.0.0.1 port, prints it, and forwards every connection to 127.0.0.1:<target-port>. Stopped with
SIGSTOP it is a frozen network path: connections are still accepted by the kernel and bytes sent
are never answered nor refused; SIGCONT thaws it. In tests, ``frozen_path(port)`` yields a
``Proxy`` (port, freeze(), thaw()) and stops exactly that process at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def _serve(target: int) -> None:
    async def forward(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(_pipe(reader, upstream_writer), _pipe(upstream_reader, writer))

    server = await asyncio.start_server(forward, "127.0.0.1", 0, backlog=512)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


@dataclass
class Proxy:
    port: int
    process: subprocess.Popen[bytes]

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)


@contextlib.contextmanager
def frozen_path(target: int) -> Iterator[Proxy]:
    """A proxy to 127.0.0.1:<target> that the test can freeze; exactly that process is stopped
    at the end (thawed first, so it can die)."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(target)], stdout=subprocess.PIPE, start_new_session=True
    )
    try:
        assert process.stdout is not None
        yield Proxy(int(process.stdout.readline()), process)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGCONT)
            process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


if __name__ == "__main__":
    asyncio.run(_serve(int(sys.argv[1])))
