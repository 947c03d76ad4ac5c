"""All SQL for tokens and keys. Ownership is part of every statement that reads a key."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import col, select

from provider_registry.identity.models import ApiKey, RefreshToken
from provider_registry.identity.principal import Principal
from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository

# last_used_at is kept to the minute: one write per key per minute, not per request.
LAST_USED_RESOLUTION = timedelta(seconds=60)


class RefreshTokenRepository(Repository[RefreshToken]):
    model = RefreshToken

    def consume(self, jti: uuid.UUID, now: datetime) -> bool:
        """Mark the token used if it is still usable. Exactly one concurrent caller wins."""
        result: Any = self.session.execute(
            update(RefreshToken)
            .where(
                col(RefreshToken.jti) == jti,
                col(RefreshToken.used_at).is_(None),
                col(RefreshToken.revoked_at).is_(None),
                col(RefreshToken.expires_at) > now,
            )
            .values(used_at=now)
        )
        return bool(result.rowcount == 1)

    def revoke_family(self, family_id: uuid.UUID, now: datetime) -> int:
        result: Any = self.session.execute(
            update(RefreshToken)
            .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
            .values(revoked_at=now)
        )
        return int(result.rowcount)


class ApiKeyRepository(Repository[ApiKey]):
    model = ApiKey

    @staticmethod
    def _owned_by(principal: Principal) -> Any:
        return select(ApiKey).where(
            col(ApiKey.owner_kind) == principal.kind,
            col(ApiKey.owner_id) == principal.id,
            col(ApiKey.revoked_at).is_(None),
        )

    def page_owned_by(self, principal: Principal, limit: int, cursor: str | None) -> Page[ApiKey]:
        return paginate(self.session, self._owned_by(principal), ApiKey, limit, cursor)

    def get_owned_by(self, principal: Principal, key_id: uuid.UUID) -> ApiKey | None:
        statement = self._owned_by(principal).where(col(ApiKey.id) == key_id)
        key: ApiKey | None = self.session.exec(statement).first()
        return key

    def get_usable(self, key_id: uuid.UUID, now: datetime) -> ApiKey | None:
        key: ApiKey | None = self.session.exec(
            select(ApiKey).where(
                col(ApiKey.id) == key_id,
                col(ApiKey.revoked_at).is_(None),
                or_(col(ApiKey.expires_at).is_(None), col(ApiKey.expires_at) > now),
            )
        ).first()
        return key

    def touch(self, key_id: uuid.UUID, now: datetime) -> None:
        self.session.execute(
            update(ApiKey)
            .where(
                col(ApiKey.id) == key_id,
                or_(
                    col(ApiKey.last_used_at).is_(None),
                    col(ApiKey.last_used_at) < now - LAST_USED_RESOLUTION,
                ),
            )
            .values(last_used_at=now)
        )

    def revoke(self, key: ApiKey, now: datetime) -> None:
        key.revoked_at = now
        self.session.add(key)
        self.session.flush()
