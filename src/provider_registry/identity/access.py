"""Who may call what: each operation's ``x-access`` in the spec, enforced in one place.

``x-access: {public: true}``, or any of ``kinds`` (account, provider), any of ``roles`` and all of
``scopes``. Runs after Connexion's security (so the caller is known) and before validation (so a
caller who may not use an operation learns nothing from its validation errors).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from provider_registry.identity.errors import Forbidden
from provider_registry.identity.principal import Principal
from provider_registry.kit.middleware import ROUTING_CONTEXT


@dataclass(frozen=True)
class AccessRule:
    public: bool = False
    kinds: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()

    @classmethod
    def from_spec(cls, raw: dict[str, Any]) -> AccessRule:
        unknown = set(raw) - {"public", "kinds", "roles", "scopes"}
        if unknown:
            raise ValueError(f"unknown x-access keys: {sorted(unknown)}")
        return cls(
            public=bool(raw.get("public", False)),
            kinds=frozenset(raw.get("kinds", ())),
            roles=frozenset(raw.get("roles", ())),
            scopes=frozenset(raw.get("scopes", ())),
        )

    def check(self, principal: Principal | None) -> None:
        if self.public:
            return
        if principal is None:  # Connexion's security answers 401 before we get here
            raise Forbidden("This operation needs an authenticated caller.")
        if self.kinds and principal.kind not in self.kinds:
            raise Forbidden(f"This operation is not available to {principal.kind} principals.")
        if self.roles and principal.role not in self.roles:
            raise Forbidden(
                "This operation needs the role " + " or ".join(sorted(self.roles)) + "."
            )
        missing = self.scopes - principal.scopes
        if missing:
            raise Forbidden(
                "Your credentials lack the scope(s): " + ", ".join(sorted(missing)) + "."
            )


class AccessControlMiddleware:
    def __init__(self, app: ASGIApp, *, rules: dict[str, AccessRule]) -> None:
        self.app = app
        self.rules = rules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            extensions = scope.get("extensions", {})
            operation_id = extensions.get(ROUTING_CONTEXT, {}).get("operation_id")
            if operation_id is not None:
                # An operation without a rule is refused: the spec must say who may call it.
                rule = self.rules.get(operation_id)
                if rule is None:
                    raise Forbidden("This operation declares no access rule.")
                token_info = extensions.get("connexion_context", {}).get("token_info") or {}
                rule.check(token_info.get("principal"))
        await self.app(scope, receive, send)
