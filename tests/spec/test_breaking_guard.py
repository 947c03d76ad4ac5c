"""The breaking-change guard (scripts/check-breaking.py, run by `make lint`): api-smart-diff finds
the breaking changes between api/baseline.json and a spec, and each must be listed under
[Unreleased] in the changelog. Real tool, real files: the specs are edited copies of the baseline.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "api" / "baseline.json"
SCRIPT = ROOT / "scripts" / "check-breaking.py"
EMPTY_CHANGELOG = "# API changelog\n\n## [Unreleased]\n\n"


def _guard(
    tmp_path: Path, spec: dict[str, Any], changelog: str, *extra: str
) -> subprocess.CompletedProcess[str]:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text(json.dumps(spec))
    log = tmp_path / "CHANGELOG.md"
    log.write_text(changelog)
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--spec", str(spec_file), "--changelog", str(log), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _keys(tmp_path: Path, spec: dict[str, Any]) -> list[str]:
    """The changelog keys the guard asks for (from --suggest)."""
    proc = _guard(tmp_path, spec, EMPTY_CHANGELOG, "--suggest")
    assert proc.returncode in (0, 1), proc.stderr
    return [line.split("`")[1] for line in proc.stdout.splitlines() if line.startswith("- `")]


def _acknowledging(keys: list[str]) -> str:
    return EMPTY_CHANGELOG + "".join(f"- `{k}`: clients must adapt.\n" for k in keys)


@pytest.fixture
def baseline() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(BASELINE.read_text())
    return copy.deepcopy(spec)


def _assert_breaking(tmp_path: Path, spec: dict[str, Any], expected: list[str]) -> None:
    keys = _keys(tmp_path, spec)
    for key in expected:
        assert key in keys, keys
    unlisted = _guard(tmp_path, spec, EMPTY_CHANGELOG)
    assert unlisted.returncode == 1
    for key in expected:
        assert f"`{key}`" in unlisted.stderr
    # Listing all but one still fails, naming only the missing one.
    partial = _guard(tmp_path, spec, _acknowledging(keys[1:]))
    assert partial.returncode == 1
    assert f"`{keys[0]}`" in partial.stderr
    assert all(f"`{k}`" not in partial.stderr for k in keys[1:])
    listed = _guard(tmp_path, spec, _acknowledging(keys))
    assert listed.returncode == 0, listed.stderr


def test_unchanged_spec_passes(tmp_path: Path, baseline: dict[str, Any]) -> None:
    proc = _guard(tmp_path, baseline, EMPTY_CHANGELOG)
    assert proc.returncode == 0, proc.stderr
    assert "0 breaking change(s)" in proc.stdout


def test_removed_operation_is_breaking(tmp_path: Path, baseline: dict[str, Any]) -> None:
    del baseline["paths"]["/api/v1/auth/logout"]["post"]
    _assert_breaking(tmp_path, baseline, ["POST /api/v1/auth/logout: operation removed"])


def test_new_required_request_field_is_breaking(tmp_path: Path, baseline: dict[str, Any]) -> None:
    schema = baseline["components"]["schemas"]["RegisterRequest"]
    schema["properties"]["nickname"] = {"type": "string", "maxLength": 50}
    schema["required"].append("nickname")
    _assert_breaking(
        tmp_path,
        baseline,
        ['POST /api/v1/auth/register request body application/json: required added "nickname"'],
    )


def test_removed_response_enum_value_is_breaking(tmp_path: Path, baseline: dict[str, Any]) -> None:
    # DeploymentActionStatus appears in responses only.
    baseline["components"]["schemas"]["DeploymentActionStatus"]["enum"].remove("failed")
    _assert_breaking(
        tmp_path,
        baseline,
        [
            "POST /api/v1/deployments/{deployment_id}/actions response 202 application/json: "
            'status enum removed "failed"'
        ],
    )


def test_tighter_request_limit_is_breaking(tmp_path: Path, baseline: dict[str, Any]) -> None:
    baseline["components"]["schemas"]["RegisterRequest"]["properties"]["first_name"][
        "maxLength"
    ] = 50
    _assert_breaking(
        tmp_path,
        baseline,
        [
            "POST /api/v1/auth/register request body application/json: "
            "first_name maxLength changed 100 -> 50"
        ],
    )


def test_additive_changes_pass(tmp_path: Path, baseline: dict[str, Any]) -> None:
    schemas = baseline["components"]["schemas"]
    # A new optional request field, a new response field, a new operation, a new status.
    schemas["RegisterRequest"]["properties"]["nickname"] = {"type": "string", "maxLength": 50}
    schemas["Account"]["properties"]["nickname"] = {"type": "string", "maxLength": 50}
    baseline["paths"]["/api/v1/auth/whoami"] = {
        "get": {"operationId": "get_whoami", "responses": {"204": {"description": "Signed in."}}}
    }
    baseline["paths"]["/api/v1/auth/logout"]["post"]["responses"]["429"] = {
        "description": "Too many requests."
    }
    proc = _guard(tmp_path, baseline, EMPTY_CHANGELOG)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 breaking change(s)" in proc.stdout


def test_only_the_unreleased_section_acknowledges(tmp_path: Path, baseline: dict[str, Any]) -> None:
    del baseline["paths"]["/api/v1/auth/logout"]["post"]
    key = "POST /api/v1/auth/logout: operation removed"
    released = f"# API changelog\n\n## [Unreleased]\n\n## [0.1.0] - 2026-01-01\n\n- `{key}`: old.\n"
    assert _guard(tmp_path, baseline, released).returncode == 1


def test_committed_spec_matches_the_changelog() -> None:
    """What `make lint` checks: today's generated spec against the baseline and api/CHANGELOG.md."""
    proc = subprocess.run(
        [sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_limits_added_to_a_response_are_not_breaking(
    tmp_path: Path, baseline: dict[str, Any]
) -> None:
    """The server promising less than before breaks no client; the same limit on a request does."""
    account = baseline["components"]["schemas"]["Account"]["properties"]
    account["first_name"]["maxLength"] = 100
    proc = _guard(tmp_path, baseline, EMPTY_CHANGELOG)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_wildcard_key_covers_every_operation(tmp_path: Path, baseline: dict[str, Any]) -> None:
    baseline["components"]["parameters"]["Limit"]["schema"]["maximum"] = 50
    keys = _keys(tmp_path, baseline)
    assert len(keys) == 1, keys
    assert keys[0].startswith("* query parameter limit: maximum changed"), keys
    assert _guard(tmp_path, baseline, _acknowledging(keys)).returncode == 0
