"""The fixed list of scopes and which each role may hold (documented in api/schemas/auth.yaml)."""

from __future__ import annotations

SCOPES: tuple[str, ...] = (
    "account:read",
    "keys:read",
    "keys:write",
    "profile:read",
    "profile:write",
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
        "keys:read",
        "services:read",
        "deployments:read",
        "organizations:read",
        "tickets:read",
        "billing:read",
    }
)
_TENANT_WRITE = frozenset({"deployments:write", "organizations:write", "tickets:write"})
# Everyone manages their own API and HMAC keys; a key can still never exceed its minter's scopes.
_OWN_KEYS = frozenset({"keys:write"})
_PROVIDER_PROFILE = frozenset({"profile:read", "profile:write"})

ROLE_SCOPES: dict[str, frozenset[str]] = {
    "admin": frozenset(SCOPES),
    "provider": _READ
    | _OWN_KEYS
    | _TENANT_WRITE
    | _PROVIDER_PROFILE
    | {"services:write", "services:publish"},
    "consumer": _READ | _OWN_KEYS | _TENANT_WRITE,
    "viewer": _READ | _OWN_KEYS,
}


def scopes_for_role(role: str) -> frozenset[str]:
    return ROLE_SCOPES.get(role, frozenset())
