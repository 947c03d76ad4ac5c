"""Account rules. Services flush, never commit."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from provider_registry.accounts.emails import normalize_email
from provider_registry.accounts.models import Account
from provider_registry.accounts.passwords import hash_password
from provider_registry.accounts.repository import AccountRepository


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
