"""The generated TypeScript client (generated/clients/typescript) drives the real server: the
story in ts/story.test.ts is compiled by the pinned TypeScript under ts/tsconfig.json (strict), then
run by node's test runner against a `provider-registry serve` this test started. No network
beyond 127.0.0.1: every package is already in node_modules."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.clients.conftest import StoryServer

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
TSC = ROOT / "node_modules" / ".bin" / "tsc"
OUT = ROOT / "build" / "ts-clients"


def compile_story(out: Path) -> subprocess.CompletedProcess[str]:
    """Type-check (strict) and compile the story and the generated client into ``out``."""
    return subprocess.run(
        [str(TSC), "-p", str(ROOT / "tests/clients/ts/tsconfig.json"), "--outDir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_story_through_the_typescript_client(story_server: StoryServer) -> None:
    out = OUT / f"run-{os.getpid()}"
    shutil.rmtree(out, ignore_errors=True)
    try:
        compiled = compile_story(out)
        assert compiled.returncode == 0, compiled.stdout + compiled.stderr
        # The compiled files are ES modules; node reads that from the nearest package.json.
        (out / "package.json").write_text('{"type": "module"}\n')
        env = {
            **os.environ,
            **story_server.env,
            "STORY_BASE_URL": story_server.base_url,
            "STORY_ADMIN_EMAIL": story_server.admin_email,
            "STORY_ADMIN_PASSWORD": story_server.admin_password,
            "STORY_PYTHON": sys.executable,
            "STORY_BILL_SCRIPT": str(ROOT / "tests/clients/billing.py"),
        }
        story = out / "tests/clients/ts/story.test.js"
        done = subprocess.run(
            ["node", "--test", "--test-reporter=spec", str(story)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "the story through the TypeScript client" in done.stdout
    finally:
        shutil.rmtree(out, ignore_errors=True)
