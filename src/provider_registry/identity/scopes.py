"""The fixed list of scopes and which each role may hold (documented in api/schemas/auth.yaml)."""

from __future__ import annotations

SCOPES: tuple[str, ...] = (
    "account:read",
    "services:read",
    "services:write",
    "services:publish",
    "deployments:read",
    "deployments:write",
    "organizations:read",
    "organizations:write",
    "tickets:read",
    "tickets:write",
    "billing:read",
    "billing:write",
    "providers:review",
    "audit:read",
)

_READ = frozenset(
    {
        "account:read",
        "services:read",
        "deployments:read",
        "organizations:read",
        "tickets:read",
        "billing:read",
    }
)
_TENANT_WRITE = frozenset({"deployments:write", "organizations:write", "tickets:write"})

ROLE_SCOPES: dict[str, frozenset[str]] = {
    "admin": frozenset(SCOPES),
    "provider": _READ | _TENANT_WRITE | {"services:write", "services:publish"},
    "consumer": _READ | _TENANT_WRITE,
    "viewer": _READ,
}


def scopes_for_role(role: str) -> frozenset[str]:
    return ROLE_SCOPES.get(role, frozenset())
