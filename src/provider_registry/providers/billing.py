"""Opening a provider's billing account when it is approved.

Built in by default (a row and an id, written by the approval's finishing transaction:
``open_builtin_account``), or an external HTTP billing service, called while no transaction is
open and no row is locked (``providers.service.approve``). The external call is idempotent (the
key is derived from the provider, so a retry, a second approval attempt or the maintenance job
completing an interrupted approval never opens a second account), bounded in time and attempts,
and retried with exponential backoff on connection errors, timeouts, 408, 429 (honouring
Retry-After) and 5xx. Any other answer, or running out of attempts, fails the approval: 502.
"""

from __future__ import annotations

import http.client
import json
import secrets
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Protocol

import structlog
from sqlmodel import Session

from provider_registry.config import BillingSettings
from provider_registry.providers.errors import BillingUnavailable
from provider_registry.providers.models import BillingAccount, Provider
from provider_registry.providers.repository import BillingAccountRepository

log = structlog.get_logger("provider_registry.billing")

RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class BillingGateway(Protocol):
    def open_account(self, provider: Provider) -> str | None:
        """The billing account id of ``provider``, opening it if needed; called outside any
        transaction. None: billing is built in, and the approval's own transaction opens the
        account (``open_builtin_account``)."""
        ...


class BuiltinBilling:
    def open_account(self, provider: Provider) -> str | None:
        return None


def open_builtin_account(session: Session, provider_id: uuid.UUID) -> str:
    accounts = BillingAccountRepository(session)
    existing = accounts.for_provider(provider_id)
    if existing is not None:
        return existing.id
    account = BillingAccount(id="ba_" + secrets.token_hex(12), provider_id=provider_id)
    accounts.add(account)
    return account.id


def idempotency_key(provider: Provider) -> str:
    return f"provider-registry:provider:{provider.id}"


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error: following it would send our token and idempotency key to
    another host (urllib keeps them on the redirected request)."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class HttpBilling:
    def __init__(
        self, settings: BillingSettings, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.settings = settings
        self.sleep = sleep
        self.opener = urllib.request.build_opener(_RefuseRedirects)

    def _attempt(self, request: urllib.request.Request) -> bytes:
        """One call, with a real deadline: the socket timeout only bounds each read, so a
        trickling answer could otherwise hold the approval (and its row lock) indefinitely."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="billing")
        try:

            def call() -> bytes:
                with self.opener.open(request, timeout=self.settings.timeout_seconds) as response:
                    data: bytes = response.read()
                    return data

            return executor.submit(call).result(timeout=self.settings.timeout_seconds)
        except FutureTimeout as exc:
            raise TimeoutError("no complete answer within the timeout") from exc
        finally:
            executor.shutdown(wait=False, cancel_futures=True)

    def open_account(self, provider: Provider) -> str | None:
        body = json.dumps(
            {"provider_id": str(provider.id), "name": provider.name, "email": provider.email}
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Idempotency-Key": idempotency_key(provider),
        }
        if self.settings.api_token:
            headers["Authorization"] = f"Bearer {self.settings.api_token}"
        last_error = "no attempt made"
        for attempt in range(1, self.settings.max_attempts + 1):
            delay = self.settings.backoff_seconds * (2 ** (attempt - 1))
            request = urllib.request.Request(  # noqa: S310 - config allows http(s) URLs only
                self.settings.url + "/accounts", data=body, headers=headers, method="POST"
            )
            try:
                return self._account_id(self._attempt(request))
            except urllib.error.HTTPError as exc:
                last_error = f"HTTP {exc.code}"
                if exc.code not in RETRYABLE_STATUSES:
                    break
                retry_after = exc.headers.get("Retry-After") if exc.headers else None
                if retry_after and retry_after.strip().isdigit():
                    delay = min(float(retry_after), self.settings.max_retry_after_seconds)
            except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as exc:
                # Connection refused or reset, timeouts, garbled or truncated answers: transient.
                last_error = type(exc).__name__ + ": " + str(getattr(exc, "reason", exc))
            log.warning(
                "billing.attempt_failed",
                attempt=attempt,
                error=last_error,
                provider_id=str(provider.id),
            )
            if attempt < self.settings.max_attempts:
                self.sleep(delay)
        raise BillingUnavailable(
            f"The billing service could not open an account ({last_error}); the provider was "
            "not approved. Retry later."
        )

    @staticmethod
    def _account_id(raw: bytes) -> str:
        try:
            payload = json.loads(raw)
            account_id = payload["id"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BillingUnavailable("The billing service answered without an account id.") from exc
        if not isinstance(account_id, str | int) or not str(account_id):
            raise BillingUnavailable("The billing service answered without an account id.")
        return str(account_id)


def gateway_for(settings: BillingSettings) -> BillingGateway:
    return HttpBilling(settings) if settings.url else BuiltinBilling()
