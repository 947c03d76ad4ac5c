"""``provider-registry maintenance``: prune what the service no longer needs, and complete or undo
approvals a crash interrupted between their steps (``providers.service.approve``).

Each task deletes in small batches, one transaction per batch, taking only rows no other run has
locked (``FOR UPDATE SKIP LOCKED``), so the command is idempotent and several instances may run
it at once (from cron on every node, say) without blocking each other or requests for long.
Add a task by appending to ``TASKS``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlmodel import Session

from provider_registry.config import Settings
from provider_registry.deployments import repository as deployments
from provider_registry.identity import repository as identity
from provider_registry.kit.db import Database
from provider_registry.kit.timeutil import utcnow
from provider_registry.providers import service as providers
from provider_registry.providers.billing import gateway_for

BATCH = 1000

# name -> (settings, now) -> one batch's deleter: (session, batch size) -> rows deleted
Task = Callable[[Settings, datetime], Callable[[Session, int], int]]


def _spent_nonces(settings: Settings, now: datetime) -> Callable[[Session, int], int]:
    # A nonce guards a signature only while its timestamp can pass the window check.
    cutoff = now - timedelta(seconds=2 * settings.wallet.signature_window_seconds)
    return lambda session, batch: identity.prune_nonces(session, cutoff, batch)


def _dead_refresh_tokens(settings: Settings, now: datetime) -> Callable[[Session, int], int]:
    return lambda session, batch: identity.prune_refresh_tokens(session, now, batch)


def _old_log_lines(settings: Settings, now: datetime) -> Callable[[Session, int], int]:
    cutoff = now - timedelta(days=settings.retention.deployment_logs_days)
    return lambda session, batch: deployments.prune_logs(session, cutoff, batch)


def _stale_metrics(settings: Settings, now: datetime) -> Callable[[Session, int], int]:
    cutoff = now - timedelta(days=settings.retention.deployment_metrics_days)
    return lambda session, batch: deployments.prune_metrics(session, cutoff, batch)


TASKS: dict[str, Task] = {
    "request_nonces_pruned": _spent_nonces,
    "refresh_tokens_pruned": _dead_refresh_tokens,
    "deployment_logs_pruned": _old_log_lines,
    "deployment_metrics_pruned": _stale_metrics,
}


def run(database: Database, settings: Settings, *, batch: int = BATCH) -> dict[str, int]:
    """Run every task to completion; returns how many rows each removed in this run."""
    now = utcnow()
    summary: dict[str, int] = {}
    for name, task in TASKS.items():
        deleter = task(settings, now)
        total = 0
        while True:
            with database.sessions() as session, session.begin():
                deleted = deleter(session, batch)
            total += deleted
            if deleted < batch:
                break
        summary[name] = total
    approvals = providers.complete_interrupted_approvals(
        database, settings, gateway_for(settings.billing)
    )
    summary["approvals_completed"] = approvals["completed"]
    summary["approvals_undone"] = approvals["undone"]
    return summary
