"""Every operation in the spec says who may call it; none is left to a default."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from provider_registry.identity.access import AccessRule
from provider_registry.identity.scopes import ROLE_SCOPES, SCOPES

pytestmark = pytest.mark.unit

BUNDLE = Path(__file__).resolve().parents[2] / "generated" / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def _operations() -> list[tuple[str, str, dict[str, object]]]:
    spec = yaml.safe_load(BUNDLE.read_text())
    return [
        (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


def test_every_operation_declares_an_access_rule() -> None:
    spec = yaml.safe_load(BUNDLE.read_text())
    default_security = spec.get("security")
    assert default_security, "operations must be authenticated unless they opt out"
    for method, path, operation in _operations():
        raw = operation.get("x-access")
        assert isinstance(raw, dict), f"{method} {path} has no x-access rule"
        rule = AccessRule.from_spec(raw)
        security = operation.get("security", default_security)
        if rule.public:
            # No credentials needed; optional ones ({} among the alternatives) are allowed.
            assert security == [] or {} in security, (
                f"{method} {path} is public but demands credentials"
            )
            assert not rule.kinds
            assert not rule.roles
            assert not rule.scopes
        else:
            assert security, f"{method} {path} has a rule but no security requirement"
        assert rule.scopes <= set(SCOPES), f"{method} {path} names unknown scopes"
        assert rule.roles <= set(ROLE_SCOPES), f"{method} {path} names unknown roles"
        assert rule.kinds <= {"account", "provider"}


def test_documented_scopes_match_the_code() -> None:
    spec = yaml.safe_load(BUNDLE.read_text())
    assert spec["components"]["schemas"]["Scope"]["enum"] == list(SCOPES)


def test_role_scopes_are_nested_and_admin_has_all() -> None:
    assert ROLE_SCOPES["viewer"] < ROLE_SCOPES["consumer"] < ROLE_SCOPES["provider"]
    assert ROLE_SCOPES["provider"] < ROLE_SCOPES["admin"] == frozenset(SCOPES)
    # A viewer writes nothing but its own (read-only) keys.
    viewer_writes = ROLE_SCOPES["viewer"] - {"keys:write"}
    assert not any(s.endswith((":write", ":publish", ":review")) for s in viewer_writes)


def test_unknown_rule_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown x-access keys"):
        AccessRule.from_spec({"rolez": ["admin"]})
