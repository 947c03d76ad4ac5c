"""Account rules. Services flush, never commit."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from provider_registry.accounts.emails import normalize_email
from provider_registry.accounts.models import ROLES, Account
from provider_registry.accounts.passwords import hash_password
from provider_registry.accounts.repository import AccountRepository
from provider_registry.audit import service as audit
from provider_registry.identity.principal import Principal
from provider_registry.identity.repository import RefreshTokenRepository
from provider_registry.kit.timeutil import utcnow


def ensure_admin(
    session: Session, email: str, password: str, *, bcrypt_rounds: int
) -> tuple[Account, bool]:
    """The admin account for ``email``, created if missing. Returns (account, created).

    An existing account keeps its password and role: bootstrap never overwrites a person's data.
    Safe when several workers start at once: the unique email makes one insert win.
    """
    email = normalize_email(email)
    accounts = AccountRepository(session)
    existing = accounts.by_email(email)
    if existing is not None:
        return existing, False
    account = Account(
        email=email.strip().lower(),
        password_hash=hash_password(password, bcrypt_rounds),
        first_name="Admin",
        last_name="Account",
        role="admin",
        email_verified=True,
    )
    try:
        with session.begin_nested():
            accounts.add(account)
    except IntegrityError:
        winner = accounts.by_email(email)
        assert winner is not None
        return winner, False
    return account, True


class AccountError(Exception):
    """An administrative change that cannot be made; the message is for the operator."""


def _find(session: Session, email: str | None, account_id: uuid.UUID | None) -> Account:
    accounts = AccountRepository(session)
    account = accounts.by_email(normalize_email(email)) if email else None
    if account_id is not None:
        account = accounts.get(account_id)
    if account is None:
        raise AccountError("no such account")
    return account


def _end_sessions(session: Session, account: Account, values: dict[str, Any]) -> None:
    """Apply ``values`` and move the token epoch on in one UPDATE, so every access token issued
    before stops working at once; every refresh token is revoked too (a new sign-in is needed)."""
    now = utcnow()
    RefreshTokenRepository(session).revoke_subject("account", account.id, now)
    AccountRepository(session).set_and_end_sessions(account, values, now)


def set_status(
    session: Session,
    status: str,
    *,
    email: str | None = None,
    account_id: uuid.UUID | None = None,
    actor: Principal | None = None,
) -> Account:
    """Disable or enable an account (no change if it already is). Disabling ends its sessions at
    once; enabling does not bring them back."""
    if status not in ("active", "disabled"):
        raise AccountError(f"unknown status {status!r}")
    account = _find(session, email, account_id)
    before = account.status
    if before == status:
        return account
    _end_sessions(session, account, {"status": status})
    audit.record(
        session,
        actor,
        "account.status_changed",
        "account",
        account.id,
        to=status,
        **{"from": before},
    )
    return account


def set_role(
    session: Session,
    role: str,
    *,
    email: str | None = None,
    account_id: uuid.UUID | None = None,
    actor: Principal | None = None,
) -> Account:
    """Change an account's role (no change if it already has it); its sessions end at once (they
    held the old role's scopes)."""
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    account = _find(session, email, account_id)
    before = account.role
    if before == role:
        return account
    _end_sessions(session, account, {"role": role})
    audit.record(
        session, actor, "account.role_changed", "account", account.id, to=role, **{"from": before}
    )
    return account
