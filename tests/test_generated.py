"""generated/ is what api/ produces, byte for byte; an edit to api/ without `make generate` fails
`make check-generated` (and so CI)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from provider_registry_api import models

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]


def _copy_tree(tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    for name in ("api", "generated", "scripts"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copy(ROOT / "pyproject.toml", work / "pyproject.toml")
    (work / "node_modules").symlink_to(ROOT / "node_modules")
    return work


def _check(work: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "scripts/check-generated.sh"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHON": sys.executable},
    )


def test_check_generated_passes_on_the_committed_tree_and_fails_on_drift(tmp_path: Path) -> None:
    work = _copy_tree(tmp_path)
    clean = _check(work)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    schema = work / "api" / "schemas" / "system.yaml"
    schema.write_text(
        schema.read_text().replace(
            "enum: [healthy, unhealthy]", "enum: [healthy, unhealthy, degraded]"
        )
    )
    drifted = _check(work)
    assert drifted.returncode == 1
    assert "make generate" in drifted.stderr
    assert "degraded" in drifted.stdout


def test_handlers_use_the_generated_models() -> None:
    report = models.Health.model_validate(
        {
            "status": "healthy",
            "service": "s",
            "version": "1",
            "timestamp": "2026-01-01T00:00:00Z",
            "database": "connected",
        }
    )
    assert report.database == "connected"
    with pytest.raises(ValueError, match="extra"):
        models.Health.model_validate({**report.model_dump(), "surprise": 1})
