"""The bundled spec (generated/openapi.json) and what the example tests need from it: every
operation by method and path, `$ref`s inlined, and the example Swagger UI would pre-fill."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "generated" / "openapi.json"
METHODS = ("get", "put", "post", "patch", "delete", "head", "options")


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(BUNDLE.read_text(encoding="utf-8"))
    return loaded


def resolve(node: Any, root: dict[str, Any] | None = None, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every local ``$ref`` replaced by what it points at (the spec has no cycles;
    one would fail here rather than loop)."""
    root = root if root is not None else spec()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            assert ref not in seen, f"recursive $ref {ref}"
            target: Any = root
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            return resolve(target, root, (*seen, ref))
        return {key: resolve(value, root, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(item, root, seen) for item in node]
    return node


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation: dict[str, Any]  # $refs inlined

    @property
    def id(self) -> str:
        return str(self.operation.get("operationId", f"{self.method.upper()} {self.path}"))

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.id})"


def operations() -> Iterator[Operation]:
    for path, item in spec()["paths"].items():
        item = resolve(item)
        for method in METHODS:
            if method in item:
                yield Operation(method, path, item[method])


def is_json(media_type: str) -> bool:
    bare = media_type.split(";")[0].strip().lower()
    return bare == "application/json" or bare.endswith("+json")


def prefilled(media: dict[str, Any]) -> tuple[bool, Any]:
    """(found, value): the example Swagger UI shows for a media type: the media type's own
    ``example`` or first ``examples`` entry, else its schema's ``example``."""
    if "example" in media:
        return True, media["example"]
    examples = media.get("examples")
    if isinstance(examples, dict) and examples:
        first = next(iter(examples.values()))
        if isinstance(first, dict) and "value" in first:
            return True, first["value"]
    schema = media.get("schema")
    if isinstance(schema, dict) and "example" in schema:
        return True, schema["example"]
    return False, None
