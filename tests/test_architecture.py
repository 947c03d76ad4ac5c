"""The house rules an import graph cannot see (import-linter holds the others, in `make lint`):
every operation is routed to a domain's handlers, SQL lives in repositories, and the errors a
request can answer with live in ``errors.py`` modules.

SQL rule: outside ``repository.py`` (and kit, migrations, models) no module builds a statement
or asks the session directly. ``NOT_YET_MOVED`` is where a module could be listed while a move
is under way (empty now); a listed module that no longer needs it fails too.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "provider_registry"
BUNDLE = ROOT / "generated" / "openapi.json"
METHODS = ("get", "put", "post", "delete", "patch")
HANDLERS = re.compile(r"^provider_registry\.[a-z_]+\.handlers(\.[a-z_]+)?$")

# SQL construction imported from SQLAlchemy/SQLModel, and what a Session is asked to do.
SQL_BUILDERS = frozenset({"select", "text", "update", "delete", "insert", "and_", "or_", "tuple_"})
SESSION_CALLS = frozenset(
    {
        *("execute", "exec", "scalar", "scalars", "get", "add", "add_all"),
        *("flush", "delete", "merge", "refresh"),
    }
)
# Where SQL belongs (besides repository.py): shared kit (the request transaction, pagination),
# migrations, table definitions.
SQL_HOMES = ("kit", "migrations")
NOT_YET_MOVED: frozenset[str] = frozenset()


def test_every_operation_is_routed_to_a_handlers_module() -> None:
    spec = json.loads(BUNDLE.read_text())
    elsewhere = {
        f"{method.upper()} {path}": operation.get("x-openapi-router-controller")
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
        and not HANDLERS.match(operation.get("x-openapi-router-controller") or "")
    }
    assert elsewhere == {}


def test_semantic_validators_live_in_validation_modules() -> None:
    """``x-semantic-validator`` names ``provider_registry.<domain>.validation.<name>_issues``."""
    validators: list[str] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if "x-semantic-validator" in node:
                validators.append(node["x-semantic-validator"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(json.loads(BUNDLE.read_text()))
    assert validators, "the spec names no semantic validator any more: drop this test"
    pattern = re.compile(r"^provider_registry\.[a-z_]+\.validation\.[a-z_]+_issues$")
    assert [name for name in validators if not pattern.match(name)] == []


def sql_uses(source: str) -> list[str]:
    """``line: what`` for each SQL statement built or session call made in ``source``."""
    tree = ast.parse(source)
    builders = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module.split(".")[0] in ("sqlalchemy", "sqlmodel")
        for alias in node.names
        if alias.name in SQL_BUILDERS
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id in builders:
            found.append(f"{node.lineno}: {function.id}(")
        elif (
            isinstance(function, ast.Attribute)
            and function.attr in SESSION_CALLS
            and isinstance(function.value, ast.Name)
            and function.value.id == "session"
        ):
            found.append(f"{node.lineno}: session.{function.attr}(")
    return sorted(found, key=lambda use: int(use.split(":")[0]))


def test_sql_lives_in_repositories() -> None:
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in SQL_HOMES or path.name in ("repository.py", "models.py"):
            continue
        uses = sql_uses(path.read_text())
        if uses:
            offenders[relative.as_posix()] = uses
    new = {name: uses for name, uses in offenders.items() if name not in NOT_YET_MOVED}
    moved = sorted(NOT_YET_MOVED - offenders.keys())
    assert new == {}, "SQL outside a repository: move it into the domain's repository.py"
    assert moved == [], "no SQL left here: take it off NOT_YET_MOVED"


def error_classes(tree: ast.Module) -> dict[str, list[str]]:
    return {
        node.name: [base.id for base in node.bases if isinstance(base, ast.Name)]
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }


def test_domain_errors_live_in_errors_modules() -> None:
    """Every error a request can answer with (a DomainError) is defined in an ``errors.py``,
    where the codes a client may see are listed together."""
    trees = {
        path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text())
        for path in PACKAGE.rglob("*.py")
    }
    known = {"DomainError"}
    for name, tree in trees.items():
        if name.endswith("errors.py"):
            known |= set(error_classes(tree))
    elsewhere = sorted(
        f"{name}: {cls}"
        for name, tree in trees.items()
        if not name.endswith("errors.py") and not name.startswith("kit/")
        for cls, bases in error_classes(tree).items()
        if known & set(bases)
    )
    assert elsewhere == []


def test_the_sql_rule_sees_what_it_forbids() -> None:
    source = (
        "from sqlmodel import select\n"
        "from sqlalchemy import text as sql_text\n"
        "def f(session):\n"
        "    session.execute(select(X))\n"
        "    return sql_text('SELECT 1')\n"
    )
    assert sql_uses(source) == ["4: session.execute(", "4: select(", "5: sql_text("]
    assert sql_uses("def f(repository):\n    return repository.get(1)\n") == []
