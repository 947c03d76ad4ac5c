"""The gunicorn configuration `provider-registry serve` runs with."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest

from tests.conftest import settings_env


def test_a_worker_freezes_what_the_app_built_out_of_the_collectors_generations(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    for name, value in settings_env("sqlite:///unused.db", environment="production").items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    sys.modules.pop("provider_registry.gunicorn_conf", None)
    conf = importlib.import_module("provider_registry.gunicorn_conf")
    long_lived = [{"schema": n} for n in range(1000)]  # what create_app leaves behind
    try:
        assert gc.get_freeze_count() == 0
        conf.post_worker_init(None)
        # Frozen: full collections under load no longer walk it (short pauses, a short p99).
        assert gc.get_freeze_count() >= len(long_lived)
    finally:
        gc.unfreeze()
        sys.modules.pop("provider_registry.gunicorn_conf", None)
