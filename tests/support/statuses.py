"""Every status the server answers is declared: a pytest plugin that records the (method, path
template, status) of every response the test suite gets from the app, and fails the run on any
pair the bundled spec (``generated/openapi.json``) does not declare for that operation.

What is recorded: every response of a test client made by ``make_client`` (and any other client
passed to :func:`watch`) and of the real-server helpers (``get`` in ``tests.support.server`` calls
:func:`record`).
Operations are matched by method and path template, not by operationId, so renaming an operation
does not break the record. ``default`` does not declare a status: a generated client treats a
status it has no entry for as unexpected, whatever ``default`` says.

Across pytest-xdist workers: each worker sends its record to the controller (``workeroutput``),
which compares the union once, at the end of the run, and sets a failing exit status.

To accumulate a record over several runs (the suite in pieces) without failing any of them, set
``PROVIDER_REGISTRY_TEST_STATUSES_RECORD=<file.json>``: each run merges what it saw into that file
and only reports. ``python -m tests.support.statuses <file.json>`` then checks the file (exit 1 on
an undeclared pair).
"""

from __future__ import annotations

import functools
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_SPEC = ROOT / "generated" / "openapi.json"
API_DIR = ROOT / "api"
RECORD_ENV = "PROVIDER_REGISTRY_TEST_STATUSES_RECORD"
SPEC_ENV = "PROVIDER_REGISTRY_TEST_STATUSES_SPEC"
WORKER_KEY = "provider_registry_statuses"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

# Pages that are not API operations and so are not in the spec: the interactive docs and the spec
# document itself (served by system/docs.py next to Connexion, not through it).
DOCS_PATHS = frozenset({"/api/v1/openapi.json", "/docs", "/favicon.ico"})
DOCS_PREFIXES = ("/api/v1/ui", "/api/v1/redoc")

# Why a response is not compared with the spec (each excluded response is counted under its reason).
DOCS = "documentation page (not an API operation)"
UNKNOWN_ROUTE = "unknown route: no operation to declare it on"
UNKNOWN_METHOD = "method the path does not have: no operation to declare it on"
PREFLIGHT = "CORS preflight (OPTIONS), answered by the CORS middleware, not an operation"
# An address outside the API, or a method on it that no operation has, must be refused with one of
# these; anything else there (a 500, a 200) is reported like an undeclared status. 404 NOT_FOUND
# and 405 (with Allow) are the answers by design; 400, 413 and 429 are refusals made before
# routing, so any address can get them: a signed request naming a query parameter twice
# (REPEATED_QUERY_PARAMETER), a body over the size limit, a spent rate limit.
UNKNOWN_ROUTE_STATUSES = frozenset({400, 404, 405, 413, 429})


class Pair(NamedTuple):
    """One (operation, status): the operation as method + path template of the bundled spec."""

    method: str
    template: str
    status: int

    def __str__(self) -> str:
        return f"{self.method} {self.template} -> {self.status}"


@dataclass(frozen=True)
class Operation:
    method: str
    template: str
    operation_id: str
    declared: frozenset[int]


@dataclass(frozen=True)
class SpecIndex:
    """The bundled spec's operations, and how to find the one a concrete path belongs to."""

    operations: dict[tuple[str, str], Operation]
    templates: tuple[tuple[str, re.Pattern[str], int], ...]  # most literal segments first

    def template_of(self, path: str) -> str | None:
        for template, pattern, _ in self.templates:
            if pattern.fullmatch(path):
                return template
        return None


def declared_statuses(responses: Mapping[str, Any]) -> frozenset[int]:
    """Only explicit status codes declare: not ``default``, and not ranges such as ``4XX`` either
    (generated clients give ranges no type of their own)."""
    return frozenset(int(key) for key in responses if str(key).isdigit())


def index_spec(spec: Mapping[str, Any]) -> SpecIndex:
    operations: dict[tuple[str, str], Operation] = {}
    templates = []
    for template, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                operations[(method.upper(), template)] = Operation(
                    method=method.upper(),
                    template=template,
                    operation_id=operation.get("operationId", "?"),
                    declared=declared_statuses(operation.get("responses", {})),
                )
        parts = re.split(r"(\{[^}/]+\})", template)
        pattern = re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))
        literal = sum(1 for s in template.split("/") if s and not s.startswith("{"))
        templates.append((template, pattern, literal))
    # A literal segment beats a parameter, as in every router: /a/me before /a/{id}.
    templates.sort(key=lambda t: (-t[2], t[0]))
    return SpecIndex(operations=operations, templates=tuple(templates))


@functools.cache
def load_index(spec_path: Path) -> SpecIndex:
    return index_spec(json.loads(spec_path.read_text()))


class Outcome(NamedTuple):
    """Where one response goes: an operation's pair, or an exclusion and its reason."""

    pair: Pair | None
    excluded: str | None = None


def classify(index: SpecIndex, method: str, path: str, status: int) -> Outcome:
    method = method.upper()
    if path in DOCS_PATHS or path.startswith(DOCS_PREFIXES):
        return Outcome(None, DOCS)
    template = index.template_of(path)
    if template is None:
        if status in UNKNOWN_ROUTE_STATUSES:
            return Outcome(None, UNKNOWN_ROUTE)
        return Outcome(Pair(method, path, status))  # reported: no operation declares anything
    if (method, template) not in index.operations:
        # HEAD is GET without the body (RFC 9110 9.3.2); the server answers it with the GET
        # operation, so its statuses are the GET operation's.
        if method == "HEAD" and ("GET", template) in index.operations:
            return Outcome(Pair("GET", template, status))
        if method == "OPTIONS" and status != 405:
            return Outcome(None, PREFLIGHT)
        if status in UNKNOWN_ROUTE_STATUSES:
            return Outcome(None, UNKNOWN_METHOD)
    return Outcome(Pair(method, template, status))


def undeclared(index: SpecIndex, pairs: Iterable[Pair]) -> list[tuple[Pair, str]]:
    """Each pair the spec does not declare, with what the spec says instead."""
    found = []
    for pair in sorted(set(pairs)):
        operation = index.operations.get((pair.method, pair.template))
        if operation is None:
            found.append((pair, "no such operation in the spec"))
        elif pair.status not in operation.declared:
            declared = ", ".join(str(s) for s in sorted(operation.declared))
            found.append((pair, f"{operation.operation_id} declares {declared}"))
    return found


@dataclass
class Recorder:
    spec_path: Path
    pairs: Counter[Pair] = field(default_factory=Counter)
    excluded: Counter[str] = field(default_factory=Counter)

    @property
    def index(self) -> SpecIndex:
        return load_index(self.spec_path)

    def record(self, method: str, path: str, status: int, count: int = 1) -> None:
        outcome = classify(self.index, method, path, status)
        if outcome.pair is not None:
            self.pairs[outcome.pair] += count
        else:
            self.excluded[outcome.excluded or "?"] += count

    def dump(self) -> dict[str, Any]:
        return {
            "pairs": [[*pair, count] for pair, count in sorted(self.pairs.items())],
            "excluded": dict(self.excluded),
        }

    def merge(self, data: Mapping[str, Any]) -> None:
        # Classified again: a template matches itself, and the rules may have changed since.
        for method, template, status, count in data.get("pairs", []):
            self.record(method, template, int(status), int(count))
        for reason, count in data.get("excluded", {}).items():
            self.excluded[reason] += int(count)

    def report(self) -> tuple[list[str], bool]:
        """The summary lines, and whether every pair is declared."""
        missing = undeclared(self.index, self.pairs)
        operations = {(p.method, p.template) for p in self.pairs}
        lines = [
            f"{len(self.pairs)} (operation, status) pairs from {sum(self.pairs.values())} "
            f"responses on {len(operations)} of {len(self.index.operations)} operations "
            f"(spec: {_shown(self.spec_path)})"
        ]
        lines += [f"  not compared, {n}: {reason}" for reason, n in sorted(self.excluded.items())]
        if missing:
            lines.append(f"{len(missing)} undeclared (operation, status) pairs:")
            lines += [f"  {pair}  ({why}; seen {self.pairs[pair]}x)" for pair, why in missing]
        else:
            lines.append("every status seen is declared for its operation")
        return lines, not missing


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


# The recorder of the running pytest session. A stack, so that a session run inside a test
# (pytester) records into its own recorder and leaves the outer one untouched.
_recorders: list[Recorder] = []


def record(method: str, path: str, status: int) -> None:
    """Record one response of the app (no-op outside a session that has this plugin)."""
    if _recorders:
        _recorders[-1].record(method, path, status)


def current() -> Recorder | None:
    return _recorders[-1] if _recorders else None


def watch(client: Any, api_dir: Path | str | None = None) -> None:
    """Record every response ``client`` (an httpx-based client such as Starlette's TestClient)
    gets, if it talks to an app serving the project's spec (``api_dir``: the app's, if known)."""
    if api_dir is not None and Path(api_dir).resolve() != API_DIR:
        return  # an app on a fixture spec: its operations are not the API's

    def on_response(response: Any) -> None:
        record(response.request.method, response.request.url.path, response.status_code)

    client.event_hooks["response"] = [*client.event_hooks["response"], on_response]


# --- the plugin -------------------------------------------------------------------------------


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def spec_path() -> Path:
    """The spec to compare with: the bundled one, unless a test of the recorder names its own."""
    return Path(os.environ.get(SPEC_ENV) or BUNDLED_SPEC).resolve()


def pytest_configure(config: pytest.Config) -> None:
    recorder = Recorder(spec_path=spec_path())
    config.stash[_KEY] = recorder
    _recorders.append(recorder)


def pytest_unconfigure(config: pytest.Config) -> None:
    recorder = config.stash.get(_KEY, None)
    if recorder is not None and recorder in _recorders:
        _recorders.remove(recorder)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    """In the xdist controller: take in what a worker recorded."""
    data = getattr(node, "workeroutput", {}).get(WORKER_KEY)
    if data is not None:
        node.config.stash[_KEY].merge(data)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    recorder = config.stash[_KEY]
    if _is_worker(config):
        config.workeroutput[WORKER_KEY] = recorder.dump()  # type: ignore[attr-defined]
        return
    accumulate = os.environ.get(RECORD_ENV)
    if accumulate:
        target = Path(accumulate)
        total = Recorder(spec_path=recorder.spec_path)
        if target.exists():
            total.merge(json.loads(target.read_text()))
        total.merge(recorder.dump())
        target.write_text(json.dumps(total.dump(), indent=1) + "\n")
        recorder = total
    lines, ok = recorder.report()
    config.stash[_REPORT_KEY] = (lines, ok, bool(accumulate))
    if not ok and not accumulate and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    result = config.stash.get(_REPORT_KEY, None)
    if result is None:
        return
    lines, ok, accumulated = result
    if ok and not config.stash[_KEY].pairs:
        return  # this run talked to no app
    title = "statuses vs. spec" + (f" (accumulated in ${RECORD_ENV})" if accumulated else "")
    terminalreporter.write_sep("=", title, red=not ok, green=ok)
    for line in lines:
        terminalreporter.write_line(line)
    if not ok and not accumulated:
        terminalreporter.write_line(
            "Declare each status on its operation in api/paths/*.yaml (a $ref to "
            "api/responses/), then `make generate`.",
            red=True,
        )


_KEY = pytest.StashKey[Recorder]()
_REPORT_KEY = pytest.StashKey[tuple[list[str], bool, bool]]()


def main(argv: list[str]) -> int:
    """Check an accumulated record: ``python -m tests.support.statuses record.json [spec.json]``."""
    if not argv or len(argv) > 2:
        print(main.__doc__, file=sys.stderr)
        return 2
    recorder = Recorder(spec_path=Path(argv[1]).resolve() if len(argv) > 1 else spec_path())
    recorder.merge(json.loads(Path(argv[0]).read_text()))
    lines, ok = recorder.report()
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
