"""What runs once before serving: migrations, then the bootstrap admin (if configured)."""

from __future__ import annotations

import structlog

from provider_registry.accounts import service as accounts
from provider_registry.accounts.emails import normalize_email
from provider_registry.accounts.passwords import PasswordPolicyError, check_policy
from provider_registry.config import ConfigError, Settings
from provider_registry.kit import db, migrate
from provider_registry.kit.errors import ValidationFailed

log = structlog.get_logger("provider_registry.bootstrap")


def prepare_database(settings: Settings) -> None:
    migrate.upgrade(settings.database.url)
    log.info("database.migrated", revision=migrate.head_revision())
    ensure_bootstrap_admin(settings)


def ensure_bootstrap_admin(settings: Settings) -> None:
    """Create the configured admin account if it does not exist yet."""
    email, password = settings.bootstrap.admin_email, settings.bootstrap.admin_password
    if not email and not password:
        return
    if not email or not password:
        raise ConfigError(
            "set both PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_EMAIL and "
            "PROVIDER_REGISTRY_BOOTSTRAP_ADMIN_PASSWORD, or neither"
        )
    try:
        check_policy(password)
    except PasswordPolicyError as exc:
        raise ConfigError(f"bootstrap.admin_password {exc}") from exc
    try:
        normalize_email(email)
    except ValidationFailed as exc:
        raise ConfigError(
            f"bootstrap.admin_email is not a valid address: {exc.errors[0].message}"
        ) from exc
    database = db.Database(db.make_engine(settings.database))
    try:
        with database.sessions() as session, session.begin():
            account, created = accounts.ensure_admin(
                session, email, password, bcrypt_rounds=settings.auth.bcrypt_rounds
            )
        log.info("bootstrap.admin", email=account.email, created=created)
    finally:
        database.dispose()
