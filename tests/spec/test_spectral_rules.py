"""Our naming rules in .spectral.yaml, run by the real Spectral CLI on a small spec with one
operation that follows the scheme and one that breaks each rule."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]

PROBLEM = {"description": "A problem.", "content": {"application/problem+json": {"schema": {}}}}


def _spec() -> dict[str, Any]:
    obj = {"type": "object", "properties": {"name": {"type": "string", "maxLength": 10}}}
    page = {
        "type": "object",
        "properties": {
            "items": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 9}},
            "next_cursor": {"type": "string", "maxLength": 512},
        },
    }
    body = {"application/json": {"schema": {"$ref": "#/components/schemas/WidgetCreate"}}}
    bad_body = {"application/json": {"schema": {"$ref": "#/components/schemas/GadgetRequest"}}}
    ok = {"description": "OK."}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1", "description": "d", "contact": {"name": "x"}},
        "paths": {
            "/api/v1/widgets": {
                "post": {
                    "operationId": "create_widget",
                    "requestBody": {"content": body},
                    "responses": {"201": ok, "400": {"$ref": "#/components/responses/Problem"}},
                }
            },
            "/api/v1/me/gadget_list": {
                "post": {
                    "operationId": "admin_add_gadget",
                    "requestBody": {"content": bad_body},
                    "responses": {"201": ok, "400": PROBLEM},
                }
            },
            "/api/v1/widgets/{widget_id}/publish": {
                "put": {"operationId": "publish_widget", "responses": {"200": ok}}
            },
            # A deprecated alias keeps its old (singular) path until v2: not flagged.
            "/api/v1/widgets/{widget_id}/shell/session": {
                "post": {
                    "operationId": "create_widget_shell_legacy",
                    "deprecated": True,
                    "responses": {"201": ok},
                }
            },
        },
        "components": {
            "schemas": {
                "WidgetCreate": obj,
                "GadgetRequest": obj,
                "WidgetPage": page,
                "GadgetList": page,
                "description-2": obj,
            },
            "responses": {"Problem": PROBLEM},
        },
    }


def test_naming_rules_flag_each_violation_once(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.json"
    spec.write_text(json.dumps(_spec()))
    proc = subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "spectral"),
            "lint",
            str(spec),
            "--ruleset",
            str(ROOT / ".spectral.yaml"),
            "--format",
            "json",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr  # errors found
    found = json.loads(proc.stdout)
    naming = Counter(f["code"] for f in found if f["code"].startswith("naming-"))
    paths = {f["code"]: f["path"] for f in found if f["code"].startswith("naming-")}
    assert naming == {
        "naming-operation-id-verb-noun": 1,  # admin_add_gadget
        "naming-path-plural-kebab": 1,  # gadget_list
        "naming-path-provider-prefix": 1,  # /me/
        "naming-transition-post": 1,  # PUT .../publish not deprecated
        "naming-schema-pascal-case": 1,  # description-2
        "naming-schema-no-request-suffix": 1,  # GadgetRequest
        "naming-request-body": 1,  # POST body GadgetRequest
        "naming-list-envelope": 1,  # GadgetList
        "naming-problem-response-ref": 1,  # inline 400
    }, found
    assert "/api/v1/me/gadget_list" in paths["naming-problem-response-ref"]
