"""A real, throwaway PostgreSQL for the test suite.

``PROVIDER_REGISTRY_TEST_DATABASE_URL`` (a server URL whose user may create databases) wins.
Otherwise a private cluster is created with the installed server binaries (initdb + pg_ctl) in a
temporary directory, listening only on a Unix socket and 127.0.0.1 on a free port, and removed at
the end. When neither is possible the run stops and says how to get PostgreSQL; it never skips.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

URL_ENV = "PROVIDER_REGISTRY_TEST_DATABASE_URL"

HOW_TO_GET_ONE = (
    "PostgreSQL is required for the test suite and none could be started.\n"
    "  - Debian/Ubuntu: `sudo apt-get install -y postgresql` (then re-run `make test`; "
    "`make install` does this for you), or\n"
    f"  - point {URL_ENV} at a server whose user can create databases, e.g.\n"
    f"    {URL_ENV}=postgresql://postgres@127.0.0.1:5432/postgres make test"
)


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    candidates = []
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(out.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(os.path.realpath(initdb)).parent))
    for candidate in candidates:
        if (
            candidate
            and (Path(candidate) / "initdb").exists()
            and (Path(candidate) / "pg_ctl").exists()
        ):
            return Path(candidate)
    raise PostgresUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) found.\n" + HOW_TO_GET_ONE
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """initdb refuses to run as root: then run the server binaries as 'postgres'."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        entry = pwd.getpwnam("postgres")
    except KeyError as exc:
        raise PostgresUnavailable(
            "running as root and there is no 'postgres' user to run the server as.\n"
            + HOW_TO_GET_ONE
        ) from exc
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and `runuser` is missing.\n" + HOW_TO_GET_ONE)
    return [runuser, "-u", "postgres", "--"], entry.pw_uid, entry.pw_gid


class Cluster:
    """A private cluster in a temporary directory, on a free 127.0.0.1 port, that a test may stop
    and start again (a database restart) before ``close()`` removes it."""

    def __init__(self) -> None:
        self.bindir = _bindir()
        self.prefix, uid, gid = _as_server_user()
        self.root = Path(tempfile.mkdtemp(prefix="provider-registry-pg-"))
        self.data, sockets = self.root / "data", self.root / "sock"
        self.data.mkdir()
        sockets.mkdir()
        if uid is not None and gid is not None:
            for path in (self.root, self.data, sockets):
                os.chown(path, uid, gid)
        self.port = _free_port()
        self.log = self.root / "server.log"
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self.options = (
            f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )

    def _run(self, *args: str) -> None:
        try:
            subprocess.run(
                [*self.prefix, *args], check=True, capture_output=True, text=True, timeout=120
            )
        except subprocess.CalledProcessError as exc:
            detail = exc.stderr or exc.stdout
            if self.log.exists():
                detail += self.log.read_text(errors="replace")
            raise PostgresUnavailable(
                f"the throwaway cluster did not start:\n{detail}\n" + HOW_TO_GET_ONE
            ) from exc

    def create(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        self.start()

    def start(self) -> None:
        pg_ctl = str(self.bindir / "pg_ctl")
        self._run(
            pg_ctl,
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            self.options,
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                mode,
                "-w",
                "stop",
            ],
            check=False,
            capture_output=True,
            timeout=120,
        )

    def close(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a private cluster; yield a superuser URL to its 'postgres' database."""
    cluster = Cluster()
    try:
        cluster.create()
        yield cluster.url
    finally:
        cluster.close()


@contextlib.contextmanager
def server_url() -> Iterator[str]:
    """A superuser URL: the configured server, or a throwaway cluster started now."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    with throwaway_cluster() as url:
        yield url


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def wait_until_accepting(url: str, timeout: float = 30.0) -> None:
    import psycopg2

    deadline = time.monotonic() + timeout
    while True:
        try:
            psycopg2.connect(url, connect_timeout=2).close()
            return
        except psycopg2.OperationalError as exc:
            if time.monotonic() > deadline:
                raise PostgresUnavailable(
                    f"PostgreSQL at {url} is not accepting connections: {exc}\n" + HOW_TO_GET_ONE
                ) from exc
            time.sleep(0.2)


def recreate_database(server: str, name: str) -> str:
    import psycopg2

    connection = psycopg2.connect(server)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()
    return with_database(server, name)
