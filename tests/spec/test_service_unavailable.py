"""Every operation that reads or writes the database declares the 503 it answers when the
database is unreachable or a time limit runs out (kit.problems.database_error_handler)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.unit

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")
NO_DATABASE = {"get_jwks", "get_live", "get_metrics"}  # answered from memory


def test_every_database_backed_operation_declares_503() -> None:
    spec = yaml.safe_load(BUNDLE.read_text())
    missing = [
        f"{method.upper()} {path} ({operation['operationId']})"
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
        and operation["operationId"] not in NO_DATABASE
        and "503" not in operation["responses"]
    ]
    assert missing == []
