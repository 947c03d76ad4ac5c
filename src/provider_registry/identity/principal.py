"""The one shape every authentication scheme resolves to."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

PrincipalKind = Literal["account", "provider"]
AuthMethod = Literal["bearer", "api_key", "wallet", "hmac"]


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind
    id: uuid.UUID
    role: str
    scopes: frozenset[str]
    auth_method: AuthMethod
    provider_id: uuid.UUID | None = None
    # The API key or HMAC key used, for principals that signed in with one.
    key_id: uuid.UUID | None = None
    # A provider's review status, read from its row when the principal was loaded for this
    # request (so suspension applies at once); None for accounts.
    provider_status: str | None = None
    # The subject's row as authentication loaded it: a Core row of accounts or providers (or a
    # detached instance): a read request's handler uses it instead of loading it again
    # (``kit.db.reuse``, ``identity.service.account_of``).
    row: object | None = field(default=None, compare=False, repr=False)

    @property
    def is_platform_admin(self) -> bool:
        """An admin account of the marketplace (not an organization's admin)."""
        return self.kind == "account" and self.role == "admin"

    @property
    def rate_limit_key(self) -> str:
        return f"{self.kind}:{self.id}"

    def has_scopes(self, required: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
        return set(required) <= self.scopes
