#!/usr/bin/env python3
"""Breaking-change guard: fail on a breaking API change that api/CHANGELOG.md does not list.

    scripts/check-breaking.py [--baseline api/baseline.json] [--spec generated/openapi.json]
                              [--changelog api/CHANGELOG.md] [--suggest]

The diff and its classification (breaking / non-breaking / deprecated / annotation) come from
api-smart-diff (npm, pinned in package.json; run through scripts/api-diff.cjs). This script only
turns each breaking change under `paths` into a one-line key and checks that the changelog's
`[Unreleased]` section carries that key in backticks, e.g.

    - `POST /api/v1/auth/register request body: nickname required added "nickname"`: why ...

Changes under `components` are not checked: clients see the wire format, which the `paths` view
(with every $ref resolved) already covers; a component rename alone breaks no request.
`--suggest` prints the changelog lines for every unacknowledged breaking change.
Exit status: 0 = nothing unacknowledged, 1 = unacknowledged breaking changes, 2 = usage/tool error.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
ACTIONS = {"add": "added", "remove": "removed", "replace": "changed", "rename": "renamed"}


def run_diff(baseline: Path, spec: Path) -> list[dict[str, Any]]:
    """The classified changes api-smart-diff finds between two bundled specs."""
    node = ROOT / "scripts" / "api-diff.cjs"
    proc = subprocess.run(
        ["node", str(node), str(baseline), str(spec)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(2)
    diffs: list[dict[str, Any]] = json.loads(proc.stdout)
    return diffs


def _value(value: Any) -> str:
    """A short rendering of a changed value (objects are named by their type only)."""
    if isinstance(value, dict | list):
        return ""
    return json.dumps(value)


def _schema_field(parts: list[Any]) -> str:
    """`properties/a/items/properties/b/maxLength` -> `a[].b maxLength`."""
    field: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(parts):
        part = str(parts[i])
        if part == "properties" and i + 1 < len(parts) and not rest:
            field.append(str(parts[i + 1]))
            i += 2
            continue
        if part == "items" and not rest:
            field.append("[]")
            i += 1
            continue
        rest.append(part)
        i += 1
    name = ".".join(field).replace(".[]", "[]")
    # An enum member or a `required` entry is named by its value, not its index.
    if rest and rest[-1].isdigit():
        rest = rest[:-1]
    return " ".join(x for x in (name, " ".join(rest)) if x)


def _parameter(spec: dict[str, Any], path: str, method: str, index: int) -> dict[str, Any]:
    params = spec.get("paths", {}).get(path, {}).get(method, {}).get("parameters", [])
    if not 0 <= index < len(params):
        return {}
    found: dict[str, Any] = params[index]
    ref = found.get("$ref", "")
    if ref.startswith("#/components/parameters/"):
        resolved: dict[str, Any] = spec["components"]["parameters"][ref.rsplit("/", 1)[1]]
        return resolved
    return found


def key_of(diff: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> str:
    """The changelog key of one change under `paths`."""
    path = diff["path"]
    action = ACTIONS.get(diff["action"], diff["action"])
    if diff["action"] == "replace":
        what = f"{action} {_value(diff.get('before'))} -> {_value(diff.get('after'))}".rstrip(" ->")
    else:
        what = f"{action} {_value(diff.get('after' if diff['action'] == 'add' else 'before'))}"
    what = what.strip()
    if len(path) < 3 or str(path[2]) not in METHODS:
        return f"{' '.join(str(p) for p in path[1:])}: {what}"
    op = f"{str(path[2]).upper()} {path[1]}"
    rest = list(path[3:])
    if not rest:
        return f"{op}: operation {action}"
    where: str
    inner: list[Any]
    if rest[0] == "requestBody":
        if len(rest) >= 4 and rest[1] == "content" and rest[3] == "schema":
            where, inner = f"request body {rest[2]}", rest[4:]
        else:
            where, inner = "request body", rest[1:]
    elif rest[0] == "responses" and len(rest) >= 2:
        if len(rest) >= 5 and rest[2] == "content" and rest[4] == "schema":
            where, inner = f"response {rest[1]} {rest[3]}", rest[5:]
        else:
            where, inner = f"response {rest[1]}", rest[2:]
    elif rest[0] == "parameters" and len(rest) >= 2:
        doc = after if diff["action"] == "add" else before
        param = _parameter(doc, path[1], path[2], int(rest[1]))
        where = f"{param.get('in', '?')} parameter {param.get('name', rest[1])}"
        inner = rest[3:] if len(rest) > 2 and rest[2] == "schema" else rest[2:]
    else:
        where, inner = " ".join(str(p) for p in rest[:1]), rest[1:]
    field = _schema_field(inner)
    return f"{op} {where}: {field} {what}".replace("  ", " ").strip()


# Keywords that only narrow what a response may hold when they are added to it.
NARROWING = {"format", "maxLength", "minLength", "maxItems", "minItems", "maximum", "minimum"}


def is_breaking(diff: dict[str, Any]) -> bool:
    """api-smart-diff's verdict, with two policies of ours for responses:
    - removing an enum value from a response is breaking (the tool calls it non-breaking: a client
      never receives the value again, but one that branches on it or sends it back in a filter
      silently changes behaviour);
    - adding a limit or a format to a response is not (the tool calls it breaking: the server
      promises less than before, which no client can break on)."""
    path = diff["path"]
    if not path or path[0] != "paths":
        return False
    in_response = len(path) > 3 and path[3] == "responses"
    if in_response and diff["action"] == "add" and str(path[-1]) in NARROWING:
        return False
    if diff.get("type") == "breaking":
        return True
    return in_response and diff["action"] == "remove" and len(path) > 1 and path[-2] == "enum"


def breaking_keys(baseline: Path, spec: Path) -> list[str]:
    """One key per breaking change under `paths`, sorted and de-duplicated."""
    before = json.loads(baseline.read_text())
    after = json.loads(spec.read_text())
    keys = {key_of(d, before, after) for d in run_diff(baseline, spec) if is_breaking(d)}
    return sorted(keys)


def acknowledged(changelog: Path) -> list[re.Pattern[str]]:
    """Every backticked text in the changelog's `## [Unreleased]` section, as a pattern: a key
    matches itself, and a `*` stands for any text (`* query parameter limit: ...` covers the
    same change in every operation)."""
    text = changelog.read_text()
    match = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## \[|\Z)", text, re.M | re.S)
    if not match:
        return []
    return [
        re.compile(re.escape(key).replace(r"\*", ".*"))
        for key in re.findall(r"`([^`\n]+)`", match.group(1))
    ]


def suggestions(keys: list[str]) -> list[str]:
    """Changelog keys for `keys`: one `* <where>: <change>` line for a change to the same field
    found in several operations (an operation removed is always listed by itself)."""
    by_change: dict[tuple[str, str], list[str]] = {}
    for key in keys:
        head, _, change = key.partition(": ")
        parts = head.split(" ", 2)  # METHOD, path and, unless the operation itself changed, where
        where = parts[2] if len(parts) == 3 else ""
        by_change.setdefault((where, change), []).append(key)
    out: list[str] = []
    for (where, change), found in sorted(by_change.items()):
        if len(found) > 1 and where:
            out.append(f"* {where}: {change}")
        else:
            out.extend(found)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, default=ROOT / "api" / "baseline.json")
    parser.add_argument("--spec", type=Path, default=ROOT / "generated" / "openapi.json")
    parser.add_argument("--changelog", type=Path, default=ROOT / "api" / "CHANGELOG.md")
    parser.add_argument("--suggest", action="store_true", help="print changelog lines to add")
    args = parser.parse_args(argv)

    keys = breaking_keys(args.baseline, args.spec)
    known = acknowledged(args.changelog)
    missing = [k for k in keys if not any(p.fullmatch(k) for p in known)]
    print(
        f"breaking-change guard: {len(keys)} breaking change(s) against {args.baseline.name}, "
        f"{len(keys) - len(missing)} listed in {args.changelog.name}, {len(missing)} not."
    )
    if not missing:
        return 0
    if args.suggest:
        for key in suggestions(missing):
            print(f"- `{key}`: ")
        return 1
    print(f"Breaking changes not listed under [Unreleased] in {args.changelog}:", file=sys.stderr)
    for key in missing:
        print(f"  `{key}`", file=sys.stderr)
    print(
        "List each (in backticks, as shown) with what clients must change, or undo the change. "
        "scripts/check-breaking.py --suggest prints the lines.",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
