"""All SQL for tokens and keys. Ownership is part of every statement that reads a key."""

from __future__ import annotations

import functools
import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, insert, or_, tuple_, update
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, select

from provider_registry.identity.models import ApiKey, HmacKey, RefreshToken, RequestNonce
from provider_registry.identity.principal import Principal
from provider_registry.kit.pagination import Page, paginate
from provider_registry.kit.repository import Repository, skip_locked

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
                col(RefreshToken.family_expires_at) > now,
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

    def revoke_for_key(self, api_key_id: uuid.UUID, now: datetime) -> int:
        result: Any = self.session.execute(
            update(RefreshToken)
            .where(
                col(RefreshToken.api_key_id) == api_key_id, col(RefreshToken.revoked_at).is_(None)
            )
            .values(revoked_at=now)
        )
        return int(result.rowcount)

    def revoke_subject(self, subject_kind: str, subject_id: uuid.UUID, now: datetime) -> int:
        result: Any = self.session.execute(
            update(RefreshToken)
            .where(
                col(RefreshToken.subject_kind) == subject_kind,
                col(RefreshToken.subject_id) == subject_id,
                col(RefreshToken.revoked_at).is_(None),
            )
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

    def get_usable(self, key_id: uuid.UUID, now: datetime) -> Row[Any] | None:
        """The key if it is neither revoked nor expired, as a Core row (no ORM instance: it is
        read on every request an API key or a token obtained with one authenticates)."""
        return self.session.connection().execute(_USABLE, {"id": key_id, "now": now}).first()

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


class HmacKeyRepository(Repository[HmacKey]):
    """Legacy HMAC signing keys; an account sees and revokes only its own."""

    model = HmacKey

    def usable(self, key_id: uuid.UUID) -> HmacKey | None:
        return self.session.exec(
            select(HmacKey).where(col(HmacKey.id) == key_id, col(HmacKey.revoked_at).is_(None))
        ).first()

    @staticmethod
    def _owned_by(principal: Principal) -> Any:
        return select(HmacKey).where(
            col(HmacKey.account_id) == principal.id, col(HmacKey.revoked_at).is_(None)
        )

    def page_owned_by(self, principal: Principal, limit: int, cursor: str | None) -> Page[HmacKey]:
        return paginate(self.session, self._owned_by(principal), HmacKey, limit, cursor)

    def get_owned_by(self, principal: Principal, key_id: uuid.UUID) -> HmacKey | None:
        key: HmacKey | None = self.session.exec(
            self._owned_by(principal).where(col(HmacKey.id) == key_id)
        ).first()
        return key

    def touch(self, key: HmacKey, now: datetime) -> None:
        """``last_used_at``, to the minute (one write per key per minute, not per request)."""
        if key.last_used_at is not None and key.last_used_at >= now - LAST_USED_RESOLUTION:
            return
        self.session.execute(
            update(HmacKey)
            .where(
                col(HmacKey.id) == key.id,
                or_(
                    col(HmacKey.last_used_at).is_(None),
                    col(HmacKey.last_used_at) < now - LAST_USED_RESOLUTION,
                ),
            )
            .values(last_used_at=now)
        )

    def revoke(self, key: HmacKey, now: datetime) -> None:
        key.revoked_at = now
        self.session.add(key)
        self.session.flush()


def prune_signer_nonces(session: Session, signer: str, older_than: datetime) -> None:
    """Delete the signer's nonces created before ``older_than`` (on each of its requests, so a
    busy signer's rows stay few; ``prune_nonces`` sweeps the rest)."""
    session.connection().execute(_PRUNE_SIGNER, {"signer": signer, "before": older_than})


def record_nonce(session: Session, signer: str, nonce: str, now: datetime) -> bool:
    """Record the nonce; False if the signer had used it (a replay). The insert skips on
    conflict, so concurrent replays leave exactly one winner and no aborted transaction.

    Both statements are Core, built once, on the session's connection: through the ORM a DML
    statement is planned as a bulk operation on every call, which cost more than sending it."""
    connection = session.connection()
    result = connection.execute(
        _record_nonce(connection.dialect.name),
        {"signer": signer, "nonce": nonce, "created_at": now},
    )
    return bool(result.rowcount == 1)


def prune_nonces(session: Session, older_than: datetime, batch: int) -> int:
    """Delete up to ``batch`` nonces created before ``older_than``: they can no longer pass the
    time check, so they guard nothing (signers who never come back are never pruned inline)."""
    doomed = skip_locked(
        session,
        sa_select(col(RequestNonce.signer), col(RequestNonce.nonce))
        .where(col(RequestNonce.created_at) < older_than)
        .limit(batch),
    )
    result: Any = session.execute(
        delete(RequestNonce).where(
            tuple_(col(RequestNonce.signer), col(RequestNonce.nonce)).in_(doomed)
        )
    )
    return int(result.rowcount)


def prune_refresh_tokens(session: Session, now: datetime, batch: int) -> int:
    """Delete up to ``batch`` refresh tokens that can never be exchanged again: expired, or
    revoked. Spent but unexpired ones stay, so their reuse is still detected."""
    doomed = skip_locked(
        session,
        sa_select(col(RefreshToken.jti))
        .where(
            or_(
                col(RefreshToken.expires_at) < now,
                col(RefreshToken.family_expires_at) < now,
                col(RefreshToken.revoked_at).is_not(None),
            )
        )
        .limit(batch),
    )
    result: Any = session.execute(delete(RefreshToken).where(col(RefreshToken.jti).in_(doomed)))
    return int(result.rowcount)


_KEYS: Any = ApiKey.__table__  # type: ignore[attr-defined]
_USABLE: Select[Any] = sa_select(_KEYS).where(
    _KEYS.c.id == bindparam("id"),
    _KEYS.c.revoked_at.is_(None),
    or_(_KEYS.c.expires_at.is_(None), _KEYS.c.expires_at > bindparam("now")),
)

_NONCES: Any = RequestNonce.__table__  # type: ignore[attr-defined]
_PRUNE_SIGNER = delete(_NONCES).where(
    _NONCES.c.signer == bindparam("signer"), _NONCES.c.created_at < bindparam("before")
)


@functools.cache
def _record_nonce(dialect: str) -> Any:
    values: dict[str, Any] = {name: bindparam(name) for name in ("signer", "nonce", "created_at")}
    if dialect == "postgresql":
        return pg_insert(_NONCES).values(**values).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite_insert(_NONCES).values(**values).on_conflict_do_nothing()
    return insert(_NONCES).values(**values).prefix_with("IGNORE")
