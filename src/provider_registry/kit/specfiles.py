"""Reading the multi-file spec fast: Connexion resolves every relative ``$ref`` by parsing the
referenced YAML file with PyYAML's pure-Python loader, again for every app it builds (twice per
``create_app``: our spec index and Connexion's own). On a small machine that is seconds per app.

``install()`` registers, for ``file:`` references, a handler that parses each file once with the
C loader (libyaml) and hands out a deep copy per use (Connexion's resolver edits what it gets),
re-reading a file whose modification time changed. The result is the same documents: keys are
strings, as Connexion's own loader makes them.
"""

from __future__ import annotations

import copy
import os
import threading
from typing import Any

import yaml
from connexion import json_schema

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_lock = threading.Lock()
_parsed: dict[str, tuple[int, Any]] = {}


def _string_keys(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(key): _string_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_string_keys(item) for item in node]
    return node


class CachedFileHandler(json_schema.FileHandler):  # type: ignore[misc]
    def __call__(self, uri: str) -> Any:
        path = self._uri_to_path(uri)
        stamp = os.stat(path).st_mtime_ns
        with _lock:
            cached = _parsed.get(path)
            if cached is None or cached[0] != stamp:
                with open(path, encoding="utf-8") as handle:
                    cached = (stamp, _string_keys(yaml.load(handle, Loader=_Loader)))  # noqa: S506
                _parsed[path] = cached
        return copy.deepcopy(cached[1])


def install() -> None:
    handler = CachedFileHandler()
    json_schema.handlers["file"] = handler
    json_schema.handlers[""] = handler
