"""The production image, built from the Dockerfile and run for real (``make test-image``).

The engine is the one ``docker`` reaches (``DOCKER_HOST`` or the default socket); when none
answers, this module starts a dockerd of its own (Debian's docker.io, which ``make test-image``
installs) and stops that one, by its PID, at the end. Without an engine the tests fail and say
why: they never skip.

The image is built on ``PROVIDER_REGISTRY_TEST_BASE_IMAGE`` when set (e.g. ``python:3.11-slim``
where it can be pulled), otherwise on a Debian base that ``scripts/image-base.sh`` builds from
Debian packages (once: an existing tag is reused). The containers use the host's network, so
they reach the throwaway PostgreSQL on 127.0.0.1 and the tests reach them the same way.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from provider_registry.config import ServerSettings
from provider_registry.kit import migrate
from tests.conftest import TEST_API_KEY_PEPPER, TEST_JWT_SECRET
from tests.support import postgres

pytestmark = pytest.mark.image

ROOT = Path(__file__).resolve().parents[2]
BASE_IMAGE_ENV = "PROVIDER_REGISTRY_TEST_BASE_IMAGE"
DEBIAN_BASE = "provider-registry-base:bookworm"
IMAGE = "provider-registry:image-test"
# Local certificate authorities (Debian's place for them): pip in the build trusts them too, so
# the build works behind a TLS-inspecting proxy or against a private index.
LOCAL_CA_DIR = Path("/usr/local/share/ca-certificates")
ENGINE_START_SECONDS = 60
BUILD_SECONDS = 1200
READY_SECONDS = 120


def _run(
    args: Sequence[str], env: dict[str, str], timeout: float, check: bool = True
) -> subprocess.CompletedProcess[str]:
    command = " ".join(args)
    try:
        result = subprocess.run(
            list(args), env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{command[:300]}` did not finish within {timeout} s:\n{exc.stderr!r}")
    if check and result.returncode != 0:
        pytest.fail(
            f"`{command[:300]}` exited {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


def _engine_answers(env: dict[str, str]) -> bool:
    try:
        result = subprocess.run(
            ["docker", "info", "--format", "{{.ServerVersion}}"],
            env=env,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False
    return result.returncode == 0


@pytest.fixture(scope="module")
def docker_env() -> Iterator[dict[str, str]]:
    """The environment for `docker` commands: an engine answers there."""
    env = dict(os.environ)
    if shutil.which("docker") is None:
        pytest.fail(
            "no `docker` client: run `scripts/install-system-deps.sh image` (make test-image does)"
        )
    if _engine_answers(env):
        yield env
        return
    dockerd = shutil.which("dockerd")
    if dockerd is None:
        pytest.fail(
            "no container engine answers `docker info` and dockerd is not installed: run "
            "`scripts/install-system-deps.sh image` (make test-image does), or start an engine "
            "and point DOCKER_HOST at it"
        )
    if os.geteuid() != 0:
        pytest.fail(
            "no container engine answers `docker info`, and starting dockerd needs root: start "
            "an engine (or rootless Docker) and point DOCKER_HOST at it"
        )
    # Its own socket; the default state directories otherwise, so a later run reuses the base
    # image and unchanged layers kept in /var/lib/docker.
    run_dir = Path(tempfile.mkdtemp(prefix="provider-registry-dockerd-"))
    log = run_dir / "dockerd.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                dockerd,
                "--host",
                f"unix://{run_dir / 'docker.sock'}",
                "--pidfile",
                str(run_dir / "dockerd.pid"),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    env["DOCKER_HOST"] = f"unix://{run_dir / 'docker.sock'}"
    try:
        deadline = time.monotonic() + ENGINE_START_SECONDS
        while not _engine_answers(env):
            if process.poll() is not None or time.monotonic() > deadline:
                state = (
                    f"exited with {process.returncode}"
                    if process.returncode is not None
                    else f"did not answer within {ENGINE_START_SECONDS} s"
                )
                tail = log.read_text(errors="replace")[-4000:]
                pytest.fail(f"the dockerd this test started {state}:\n{tail}")
            time.sleep(0.5)
        yield env
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        shutil.rmtree(run_dir, ignore_errors=True)


def _build_args() -> list[str]:
    """pip's index settings from the environment (a file:// index is this machine's disk, which
    the build cannot see) and the local certificate authorities."""
    args: list[str] = []
    for name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_TRUSTED_HOST"):
        values = [v for v in os.environ.get(name, "").split() if not v.startswith("file:")]
        if values:
            args += ["--build-arg", f"{name}={' '.join(values)}"]
    certificates = "".join(
        path.read_text() for path in sorted(LOCAL_CA_DIR.glob("**/*.crt")) if path.is_file()
    )
    if certificates:
        args += ["--build-arg", f"EXTRA_CA_CERTS={certificates}"]
    return args


@pytest.fixture(scope="module")
def image(docker_env: dict[str, str]) -> str:
    base = os.environ.get(BASE_IMAGE_ENV)
    if not base:
        base = DEBIAN_BASE
        _run([str(ROOT / "scripts" / "image-base.sh"), base], docker_env, timeout=900)
    _run(
        [
            "docker",
            "build",
            # The build's pip uses the host's name resolution and routes to the package index.
            "--network",
            "host",
            "--build-arg",
            f"BASE_IMAGE={base}",
            *_build_args(),
            "--tag",
            IMAGE,
            str(ROOT),
        ],
        docker_env,
        timeout=BUILD_SECONDS,
    )
    # Each changed build leaves its builder stage behind as an untagged image (the build cache
    # of the next run); those older than a day go, so the engine's disk does not fill up.
    _run(
        [
            "docker",
            "image",
            "prune",
            "--force",
            "--filter",
            "label=org.opencontainers.image.title=provider-registry",
            "--filter",
            "until=24h",
        ],
        docker_env,
        timeout=120,
    )
    return IMAGE


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    try:
        with postgres.server_url() as url:
            postgres.wait_until_accepting(url)
            yield url
    except postgres.PostgresUnavailable as exc:
        pytest.fail(str(exc))


@pytest.fixture
def empty_database(pg_server: str) -> str:
    return postgres.recreate_database(pg_server, "provider_registry_image")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _settings(database_url: str, port: int = 8080) -> list[str]:
    """`docker run` options: production settings (the image's default environment)."""
    env = {
        "PROVIDER_REGISTRY_DATABASE_URL": database_url,
        "PROVIDER_REGISTRY_JWT_SECRET": TEST_JWT_SECRET,
        "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": TEST_API_KEY_PEPPER,
        "PROVIDER_REGISTRY_SERVER_PORT": str(port),
        "PROVIDER_REGISTRY_SERVER_WORKERS": "1",
        "PROVIDER_REGISTRY_SERVER_DRAIN_SECONDS": "1",
        "PROVIDER_REGISTRY_LOG_LEVEL": "warning",
    }
    # What Kubernetes' securityContext (readOnlyRootFilesystem, an emptyDir on /tmp) allows.
    tmpfs = "/tmp:rw,mode=1777"  # noqa: S108 - the container's own /tmp, a fresh tmpfs
    options = ["--network", "host", "--read-only", "--tmpfs", tmpfs]
    for name, value in env.items():
        options += ["--env", f"{name}={value}"]
    return options


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_migrate_applies_the_migrations_to_an_empty_database(
    image: str, docker_env: dict[str, str], empty_database: str
) -> None:
    result = _run(
        ["docker", "run", "--rm", *_settings(empty_database), image, "migrate"],
        docker_env,
        timeout=180,
    )
    assert f"database at revision {migrate.head_revision()}" in result.stdout


def test_serve_is_ready_runs_as_non_root_and_stops_on_sigterm(
    image: str, docker_env: dict[str, str], empty_database: str
) -> None:
    port = _free_port()
    name = f"provider-registry-image-test-{os.getpid()}"
    _run(["docker", "rm", "--force", name], docker_env, timeout=60, check=False)
    _run(
        ["docker", "run", "--detach", "--name", name, *_settings(empty_database, port), image],
        docker_env,
        timeout=60,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_SECONDS
        status = 0
        while status != 200:
            try:
                status = _get(base + "/ready")[0]
            except OSError:
                status = 0
            running = _run(
                ["docker", "inspect", "--format", "{{.State.Running}}", name],
                docker_env,
                timeout=30,
            )
            if status != 200 and (running.stdout.strip() != "true" or time.monotonic() > deadline):
                logs = _run(["docker", "logs", name], docker_env, timeout=30, check=False)
                pytest.fail(
                    f"/ready did not answer 200 within {READY_SECONDS} s (last {status}):\n"
                    f"{logs.stdout[-3000:]}\n{logs.stderr[-3000:]}"
                )
            time.sleep(0.5)
        # The spec (API_DIR) routes, the bundled spec (GENERATED_DIR) is served.
        assert _get(base + "/api/v1/services")[0] == 200
        status, body = _get(base + "/api/v1/openapi.json")
        assert status == 200
        assert json.loads(body)["info"]["title"] == "Provider Registry API"

        uid = _run(["docker", "exec", name, "id", "-u"], docker_env, timeout=30)
        assert uid.stdout.strip() not in ("", "0")

        # The image's own HEALTHCHECK command passes against the running server.
        test = json.loads(
            _run(
                ["docker", "inspect", "--format", "{{json .Config.Healthcheck.Test}}", image],
                docker_env,
                timeout=30,
            ).stdout
        )
        assert test[0] == "CMD"
        _run(["docker", "exec", name, *test[1:]], docker_env, timeout=30)

        # The entrypoint is gunicorn itself (PID 1), so SIGTERM drains and exits cleanly.
        started = time.monotonic()
        _run(["docker", "stop", "--time", "30", name], docker_env, timeout=60)
        assert time.monotonic() - started < 25
        code = _run(
            ["docker", "inspect", "--format", "{{.State.ExitCode}}", name],
            docker_env,
            timeout=30,
        )
        assert code.stdout.strip() == "0"
    finally:
        _run(["docker", "rm", "--force", name], docker_env, timeout=60, check=False)


def test_image_has_no_compiler(image: str, docker_env: dict[str, str]) -> None:
    result = _run(
        [
            "docker",
            "run",
            "--rm",
            "--entrypoint",
            "sh",
            image,
            "-c",
            "command -v gcc || command -v cc || command -v make",
        ],
        docker_env,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0, f"build tools in the image: {result.stdout}"


def _container(manifest: Path) -> dict[str, Any]:
    document = yaml.safe_load(manifest.read_text())
    spec = document["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    container: dict[str, Any] = spec["containers"][0]
    return container


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ("cronjob-maintenance.yaml", "{"),
        ("cronjob-generate-invoices.yaml", '"period":'),
    ],
)
def test_kubernetes_cronjob_commands_run_in_the_image(
    image: str, docker_env: dict[str, str], empty_database: str, manifest: str, expected: str
) -> None:
    """The CronJobs' exact commands (the invoices one computes last month with the base image's
    date) succeed against a migrated database."""
    migrate.upgrade(empty_database)
    container = _container(ROOT / "deploy" / "kubernetes" / manifest)
    command, args = container.get("command", []), container.get("args", [])
    entrypoint = ["--entrypoint", command[0]] if command else []
    result = _run(
        [
            "docker",
            "run",
            "--rm",
            *_settings(empty_database),
            *entrypoint,
            image,
            *command[1:],
            *args,
        ],
        docker_env,
        timeout=180,
    )
    assert expected in result.stdout


def test_compose_file_is_the_reference_topology() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {
        "nginx",
        "api-1",
        "api-2",
        "api-3",
        "postgres",
        "redis",
        "migrate",
        "maintenance",
    }
    settings = ServerSettings()
    for name in ("api-1", "api-2", "api-3"):
        api = services[name]
        assert api["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert api["environment"]["PROVIDER_REGISTRY_RATE_LIMIT_STORAGE_URI"].startswith("redis://")
        grace = int(api["stop_grace_period"].removesuffix("s"))
        assert grace > settings.drain_seconds + settings.graceful_timeout_seconds
    assert services["migrate"]["command"] == ["migrate"]
    assert "provider-registry maintenance" in services["maintenance"]["command"][0]
    for secret in ("PROVIDER_REGISTRY_JWT_SECRET", "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER"):
        assert services["api-1"]["environment"][secret].startswith(f"${{{secret}:?")
    config = services["nginx"]["volumes"][0].split(":")[0]
    assert (ROOT / config).is_file()


def test_kubernetes_grace_period_covers_prestop_drain_and_graceful_stop() -> None:
    kube = ROOT / "deploy" / "kubernetes"
    pod = yaml.safe_load((kube / "deployment.yaml").read_text())["spec"]["template"]["spec"]
    settings = yaml.safe_load((kube / "configmap.yaml").read_text())["data"]
    pre_stop = pod["containers"][0]["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    needed = (
        int(pre_stop[1])
        + int(settings["PROVIDER_REGISTRY_SERVER_DRAIN_SECONDS"])
        + int(settings["PROVIDER_REGISTRY_SERVER_GRACEFUL_TIMEOUT_SECONDS"])
    )
    assert pod["terminationGracePeriodSeconds"] > needed
