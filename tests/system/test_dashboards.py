"""The operator's alerting rules and Grafana dashboard (deploy/) name only metrics the service
exports, so a renamed metric cannot silently empty a panel or an alert."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from prometheus_client import REGISTRY
from starlette.testclient import TestClient

pytestmark = pytest.mark.integration

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
METRIC = re.compile(r"\bprovider_[a-z_]+\b")


def exported(client: TestClient) -> set[str]:
    assert client.get("/health").status_code == 200  # the app is built: its metrics exist
    names: set[str] = set()
    for family in REGISTRY.collect():
        names.add(family.name)
        if family.type == "counter":
            names.add(family.name + "_total")
        if family.type == "histogram":
            names.update(family.name + suffix for suffix in ("_bucket", "_sum", "_count"))
    return names


def expressions() -> dict[str, list[str]]:
    rules = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yaml").read_text())
    dashboard = json.loads((DEPLOY / "grafana" / "provider-registry.json").read_text())
    return {
        "alerts": [rule["expr"] for group in rules["groups"] for rule in group["rules"]],
        "dashboard": [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]],
    }


def test_alerts_and_dashboard_name_only_exported_metrics(client: TestClient) -> None:
    names = exported(client)
    found = expressions()
    assert found["alerts"]
    assert found["dashboard"]
    for source, exprs in found.items():
        for expr in exprs:
            used = set(METRIC.findall(expr))
            assert used, f"{source}: {expr} names no metric of ours"
            assert used <= names, f"{source}: {sorted(used - names)} not exported"
