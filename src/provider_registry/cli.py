"""``provider-registry``: run, serve, migrate and administer the service."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Sequence

from provider_registry.config import CONFIG_FILE_ENV, ConfigError, Settings, load_settings


def _settings(args: argparse.Namespace) -> Settings:
    if getattr(args, "config", None):
        os.environ[CONFIG_FILE_ENV] = args.config  # so server worker processes see it too
    return load_settings()


def cmd_run(args: argparse.Namespace) -> int:
    """Development server: one process, migrations applied, bootstrap admin created."""
    import uvicorn

    from provider_registry.bootstrap import prepare_database
    from provider_registry.kit.logging import configure_logging

    settings = _settings(args)
    configure_logging(settings.log)
    prepare_database(settings)
    uvicorn.run(
        "provider_registry.asgi:app",
        host=settings.server.host,
        port=settings.server.port,
        log_config=None,
        access_log=False,
        # X-Forwarded-For is interpreted by our middleware, from server.trusted_proxies only.
        proxy_headers=False,
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Production: gunicorn with uvicorn workers (migrations run once, in the master)."""
    _settings(args)  # fail here, clearly, before gunicorn starts workers
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "python:provider_registry.gunicorn_conf",
        "provider_registry.asgi:app",
    ]
    os.execv(argv[0], argv)  # noqa: S606 - replaces this process with gunicorn, fixed argv
    return 0  # pragma: no cover


def cmd_migrate(args: argparse.Namespace) -> int:
    from provider_registry.kit import migrate

    settings = _settings(args)
    migrate.upgrade(settings.database.url)
    print(f"database at revision {migrate.head_revision()}")
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    """Create an admin account; the password comes from a prompt, or stdin when piped."""
    from provider_registry.accounts import service as accounts
    from provider_registry.accounts.passwords import PasswordPolicyError, check_policy
    from provider_registry.kit import db, migrate

    settings = _settings(args)
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat: ") != password:
            print("error: passwords differ", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        check_policy(password)
    except PasswordPolicyError as exc:
        print(f"error: password {exc}", file=sys.stderr)
        return 2
    migrate.upgrade(settings.database.url)
    database = db.Database(db.make_engine(settings.database))
    try:
        with database.sessions() as session, session.begin():
            account, created = accounts.ensure_admin(
                session, args.email, password, bcrypt_rounds=settings.auth.bcrypt_rounds
            )
    finally:
        database.dispose()
    if not created:
        print(f"error: an account with email {account.email} already exists", file=sys.stderr)
        return 1
    print(f"created admin {account.email} ({account.id})")
    return 0


def cmd_generate_invoices(args: argparse.Namespace) -> int:
    """Invoices for a month that has ended; idempotent, safe to run twice or concurrently.

    The database must already be migrated (``migrate``): a billing job does not change the schema.
    """
    from provider_registry.invoicing.service import invoices
    from provider_registry.kit import db, migrate
    from provider_registry.kit.timeutil import utcnow

    settings = _settings(args)
    try:
        period = invoices.parse_period(args.period, utcnow())
    except invoices.PeriodError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    database = db.Database(db.make_engine(settings.database))
    try:
        if migrate.current_revision(database.engine) != migrate.head_revision():
            print(
                "error: the database is not at this build's schema; run "
                "`provider-registry migrate` first",
                file=sys.stderr,
            )
            return 1
        summary = invoices.generate(
            database.sessions, period, due_days=settings.portal.invoice_due_days
        )
    finally:
        database.dispose()
    print(json.dumps(summary, separators=(",", ":")))
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    """Disable, enable or change the role of an account. Its existing sessions end at once."""
    import uuid

    from provider_registry.accounts import service as accounts
    from provider_registry.kit import db

    settings = _settings(args)
    try:
        account_id = uuid.UUID(args.id) if args.id else None
    except ValueError:
        print(f"error: not an account id: {args.id}", file=sys.stderr)
        return 2
    database = db.Database(db.make_engine(settings.database))
    try:
        with database.sessions() as session, session.begin():
            if args.action == "set-role":
                account = accounts.set_role(
                    session, args.role, email=args.email, account_id=account_id
                )
            else:
                status = "disabled" if args.action == "disable" else "active"
                account = accounts.set_status(
                    session, status, email=args.email, account_id=account_id
                )
            summary = {"id": str(account.id), "status": account.status, "role": account.role}
    except accounts.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(summary, separators=(",", ":")))
    return 0


def cmd_maintenance(args: argparse.Namespace) -> int:
    """Prune what is no longer needed; idempotent, safe on several instances at once."""
    from provider_registry import maintenance
    from provider_registry.kit import db, migrate

    settings = _settings(args)
    database = db.Database(db.make_engine(settings.database))
    try:
        if migrate.current_revision(database.engine) != migrate.head_revision():
            print(
                "error: the database is not at this build's schema; run "
                "`provider-registry migrate` first",
                file=sys.stderr,
            )
            return 1
        summary = maintenance.run(database, settings)
    finally:
        database.dispose()
    print(json.dumps(summary, separators=(",", ":")))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="provider-registry", description=__doc__)
    parser.add_argument("--config", help=f"YAML configuration file (or ${CONFIG_FILE_ENV})")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="development server on server.host:server.port")
    sub.add_parser("serve", help="production server: gunicorn with uvicorn workers")
    sub.add_parser("migrate", help="apply database migrations")
    admin = sub.add_parser("create-admin", help="create an admin account")
    admin.add_argument("--email", required=True)
    billing = sub.add_parser(
        "generate-invoices", help="make the invoices of a month that has ended (idempotent)"
    )
    billing.add_argument("--period", required=True, help="the month, YYYY-MM (UTC)")
    account = sub.add_parser(
        "account", help="disable, enable or change the role of an account (ends its sessions)"
    )
    account.add_argument("action", choices=["disable", "enable", "set-role"])
    which = account.add_mutually_exclusive_group(required=True)
    which.add_argument("--email")
    which.add_argument("--id", help="the account id (wallet accounts have no email)")
    account.add_argument("--role", choices=["admin", "provider", "consumer", "viewer"])
    sub.add_parser(
        "maintenance",
        help="prune spent signature nonces, dead refresh tokens, and deployment logs and metrics "
        "past their retention; complete or undo interrupted approvals (idempotent, "
        "concurrency-safe)",
    )
    return parser


COMMANDS = {
    "run": cmd_run,
    "serve": cmd_serve,
    "migrate": cmd_migrate,
    "create-admin": cmd_create_admin,
    "generate-invoices": cmd_generate_invoices,
    "account": cmd_account,
    "maintenance": cmd_maintenance,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "account" and (args.action == "set-role") != (args.role is not None):
        parser.error("account: --role goes with set-role, and only with it")
    try:
        return COMMANDS[args.command](args)
    except ConfigError as exc:
        print(f"provider-registry: configuration error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
