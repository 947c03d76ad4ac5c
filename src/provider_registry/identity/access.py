"""Who may call what: each operation's ``x-access`` in the spec, enforced in one place.

``x-access: {public: true}``, or any of ``kinds`` (account, provider), any of ``roles`` and all of
``scopes``. Runs after routing and before validation (so a caller who may not use an operation
learns nothing from its validation errors), and first checks the operation's ``security``
requirements (``security.authenticate``), so the caller is known.

A provider principal must also be in one of ``provider_status`` (pending, approved, rejected,
suspended; ``[approved]`` when the operation does not say): the status is the one read with the
provider's row when its principal was loaded for this request, so a suspension takes effect at
once, whatever credentials the provider signed in with. Suspended providers get 403
``PROVIDER_SUSPENDED``, pending and rejected ones 403 ``PROVIDER_NOT_APPROVED``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from provider_registry.identity.errors import Forbidden
from provider_registry.identity.principal import Principal
from provider_registry.identity.security import Requirements, authenticate
from provider_registry.kit.middleware import ROUTING_CONTEXT
from provider_registry.providers.errors import ProviderNotApproved, ProviderSuspended

PROVIDER_STATUSES = frozenset({"pending", "approved", "rejected", "suspended"})
DEFAULT_PROVIDER_STATUS = frozenset({"approved"})


@dataclass(frozen=True)
class AccessRule:
    public: bool = False
    kinds: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()
    provider_status: frozenset[str] = DEFAULT_PROVIDER_STATUS

    @classmethod
    def from_spec(cls, raw: dict[str, Any]) -> AccessRule:
        unknown = set(raw) - {"public", "kinds", "roles", "scopes", "provider_status"}
        if unknown:
            raise ValueError(f"unknown x-access keys: {sorted(unknown)}")
        provider_status = frozenset(raw.get("provider_status", DEFAULT_PROVIDER_STATUS))
        if not provider_status or provider_status - PROVIDER_STATUSES:
            raise ValueError(f"x-access provider_status must name some of {PROVIDER_STATUSES}")
        return cls(
            public=bool(raw.get("public", False)),
            kinds=frozenset(raw.get("kinds", ())),
            roles=frozenset(raw.get("roles", ())),
            scopes=frozenset(raw.get("scopes", ())),
            provider_status=provider_status,
        )

    def needs_provider_status(self, principal: Principal) -> bool:
        """Whether ``principal`` is a provider whose status this operation must look up."""
        return not self.public and principal.kind == "provider"

    def check_provider_status(self, status: str | None) -> None:
        """A provider principal's current status (None: the provider no longer exists)."""
        if status in self.provider_status:
            return
        if status == "suspended":
            raise ProviderSuspended(
                "This provider is suspended: it may read its own data and wind down its running "
                "deployments, nothing else.",
                extra={"current_status": status},
            )
        raise ProviderNotApproved(
            f"This needs an approved provider; this one is {status or 'unknown'}.",
            extra={"current_status": status or "unknown"},
        )

    def check(self, principal: Principal | None) -> None:
        if self.public:
            return
        if principal is None:  # the security requirements answer 401 before we get here
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
    def __init__(
        self, app: ASGIApp, *, rules: dict[str, AccessRule], security: dict[str, Requirements]
    ) -> None:
        self.app = app
        self.rules = rules
        self.security = security

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            extensions = scope.get("extensions", {})
            operation_id = extensions.get(ROUTING_CONTEXT, {}).get("operation_id")
            if operation_id is not None:
                # An operation without a rule is refused: the spec must say who may call it.
                rule = self.rules.get(operation_id)
                if rule is None:
                    raise Forbidden("This operation declares no access rule.")
                alternatives = self.security.get(operation_id)
                principal = authenticate(scope, alternatives) if alternatives else None
                rule.check(principal)
                if principal is not None and rule.needs_provider_status(principal):
                    # The status came with the provider's row when the principal was loaded for
                    # this request, so a suspension applies at once without another query.
                    rule.check_provider_status(principal.provider_status)
        await self.app(scope, receive, send)
