"""Provider rules: registration, sign-in, profile, prices and capacity, admin review.

Services flush, never commit. State changes are conditional UPDATEs (status and version in the
WHERE clause), so of several concurrent reviews exactly one wins and the rest get 409.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from prometheus_client import Counter
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

from provider_registry.accounts.emails import normalize_email
from provider_registry.audit import service as audit
from provider_registry.config import Settings
from provider_registry.identity import service as identity
from provider_registry.identity.errors import InvalidCredentials
from provider_registry.identity.principal import Principal
from provider_registry.identity.scopes import scopes_for_role
from provider_registry.identity.service import IdentityConfig, Subject, TokenPair
from provider_registry.kit import db, preconditions
from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.pagination import Page
from provider_registry.kit.parsing import document
from provider_registry.kit.preconditions import etag_for
from provider_registry.kit.timeutil import utcnow
from provider_registry.providers import validation
from provider_registry.providers.billing import BillingGateway, open_builtin_account
from provider_registry.providers.errors import (
    ApprovalInProgress,
    BillingUnavailable,
    InvalidTransition,
    ProviderEmailTaken,
    ProviderNotFound,
)
from provider_registry.providers.models import Provider
from provider_registry.providers.repository import ProviderRepository
from provider_registry_api import models as api

REGISTRATIONS = Counter(
    "provider_registrations_total", "Providers registered (requests that reached the service)."
)
REVIEWS = Counter(
    "provider_reviews_total", "Provider review actions recorded, by action.", ["action"]
)

PROVIDER_ROLE = "provider"

# action -> (from status, to status, past tense for messages)
TRANSITIONS: dict[str, tuple[str, str, str]] = {
    "approve": ("pending", "approved", "approved"),
    "reject": ("pending", "rejected", "rejected"),
    "suspend": ("approved", "suspended", "suspended"),
    "reinstate": ("suspended", "approved", "reinstated"),
}


@dataclass(frozen=True)
class ProvidersConfig:
    settings: Settings
    identity: IdentityConfig
    billing: BillingGateway


def etag(provider: Provider) -> str:
    return etag_for(provider.version)


def check_if_match(provider: Provider, if_match: str | None) -> None:
    preconditions.check_if_match(etag(provider), if_match, "provider")


def load_provider_subject(session: Session, provider_id: uuid.UUID) -> Subject | None:
    """Providers may sign in whatever their status: pending or suspended ones see their own
    profile; what needs approval checks the status itself."""
    provider = ProviderRepository(session).row(provider_id)
    if provider is None:
        return None
    return Subject(
        kind="provider",
        id=provider.id,
        role=PROVIDER_ROLE,
        provider_id=provider.id,
        token_epoch=provider.token_epoch,
        provider_status=provider.status,
        row=provider,
    )


def provider_principal(provider: Provider) -> Principal:
    return Principal(
        kind="provider",
        id=provider.id,
        role=PROVIDER_ROLE,
        scopes=scopes_for_role(PROVIDER_ROLE),
        auth_method="bearer",
        provider_id=provider.id,
        provider_status=provider.status,
    )


def _formats(metadata: api.ProviderMetadata) -> list[str]:
    return [item.root for item in metadata.supported_formats or []]


def _raise_issues(issues: list[FieldIssue]) -> None:
    if issues:
        raise ValidationFailed("The request body is invalid.", errors=issues)


def register(
    session: Session,
    config: ProvidersConfig,
    body: api.ProviderCreate,
    owner: Principal | None,
) -> tuple[Provider, str]:
    _raise_issues(validation.registration_issues(document(body), config.settings))
    email = normalize_email(body.email)
    providers = ProviderRepository(session)
    if providers.by_email(email) is not None:
        raise ProviderEmailTaken("A provider with this email address is already registered.")
    provider = Provider(
        name=body.name.strip(),
        email=email,
        organization=(body.organization or "").strip() or None,
        public_key=body.public_key.strip() + "\n",
        endpoints=[document(endpoint) for endpoint in body.endpoints],
        provider_metadata=document(body.metadata),
        region=body.metadata.region.lower(),
        owner_account_id=owner.id if owner is not None and owner.kind == "account" else None,
    )
    try:
        with session.begin_nested():
            providers.add(provider)
    except IntegrityError as exc:  # a concurrent registration took the email first
        raise ProviderEmailTaken(
            "A provider with this email address is already registered."
        ) from exc
    providers.set_formats(provider.id, _formats(body.metadata))
    key, raw_key = identity.create_api_key(
        session,
        config.identity,
        provider_principal(provider),
        name="initial key",
        scopes=sorted(scopes_for_role(PROVIDER_ROLE)),
        expires_in_days=None,
    )
    audit.record(
        session,
        owner,
        "provider.registered",
        "provider",
        provider.id,
        email=provider.email,
        initial_key_id=str(key.id),
    )
    REGISTRATIONS.inc()
    return provider, raw_key


def sign_in(
    session: Session, config: ProvidersConfig, provider_id: uuid.UUID, raw_key: str
) -> TokenPair:
    key = identity.verify_api_key(session, config.identity.api_key_pepper, raw_key)
    if key is None or key.owner_kind != "provider" or key.owner_id != provider_id:
        raise InvalidCredentials("The provider id or API key is incorrect.")
    subject = load_provider_subject(session, provider_id)
    if subject is None:
        raise InvalidCredentials("The provider id or API key is incorrect.")
    # The session holds at most the key's scopes and ends when the key is revoked or expires.
    return identity.start_session(session, config.identity, subject, key)


def refresh(session: Session, config: ProvidersConfig, token: str) -> TokenPair:
    return identity.refresh(
        session, config.identity, token, kind="provider", load_subject=load_provider_subject
    )


def own(session: Session, principal: Principal) -> Provider:
    provider = db.reuse(session, principal.row, Provider) or ProviderRepository(session).get(
        principal.id
    )
    if provider is None:
        raise ProviderNotFound("This provider no longer exists.")
    return provider


def _save(
    session: Session, provider: Provider, values: dict[str, Any], if_match: str | None
) -> Provider:
    """Write ``values`` if the provider is still at the version we read."""
    providers = ProviderRepository(session)
    values = {**values, "updated_at": utcnow()}
    if not providers.update_versioned(provider.id, version=provider.version, values=values):
        current = providers.refresh(provider)
        if if_match is not None:
            check_if_match(current, if_match)
        raise InvalidTransition(
            "The provider was changed by another request; read it again and retry.",
            extra={"current_status": current.status},
        )
    return providers.refresh(provider)


def update_profile(
    session: Session,
    config: ProvidersConfig,
    principal: Principal,
    body: api.ProviderUpdate,
    if_match: str | None,
) -> Provider:
    provider = own(session, principal)
    check_if_match(provider, if_match)
    _raise_issues(validation.update_issues(document(body), config.settings))
    values: dict[str, Any] = {}
    if body.name is not None:
        values["name"] = body.name.strip()
    if body.organization is not None:
        values["organization"] = body.organization.strip() or None
    if body.public_key is not None:
        values["public_key"] = body.public_key.strip() + "\n"
    if body.endpoints is not None:
        values["endpoints"] = [document(endpoint) for endpoint in body.endpoints]
    if body.metadata is not None:
        values["provider_metadata"] = document(body.metadata)
        values["region"] = body.metadata.region.lower()
    saved = _save(session, provider, values, if_match)
    if body.metadata is not None:
        ProviderRepository(session).set_formats(saved.id, _formats(body.metadata))
    audit.record(
        session,
        principal,
        "provider.profile_updated",
        "provider",
        saved.id,
        fields=sorted(body.model_fields_set),
    )
    return saved


def replace_pricing(
    session: Session, principal: Principal, body: api.Pricing, if_match: str | None
) -> Provider:
    provider = own(session, principal)
    check_if_match(provider, if_match)
    resources = [price.resource for price in body.prices]
    duplicates = sorted({r for r in resources if resources.count(r) > 1})
    _raise_issues(
        [
            FieldIssue("prices", f"lists {name} more than once", "DUPLICATE_RESOURCE")
            for name in duplicates
        ]
    )
    pricing = {
        "currency": body.currency,
        # Decimal strings, normalised; never floats.
        "prices": [
            {
                "resource": price.resource,
                "unit": price.unit,
                "price": str(Decimal(price.price)),
                "interval": price.interval,
            }
            for price in body.prices
        ],
    }
    return _save(session, provider, {"pricing": pricing}, if_match)


def replace_capacity(
    session: Session, principal: Principal, body: api.Capacity, if_match: str | None
) -> Provider:
    provider = own(session, principal)
    check_if_match(provider, if_match)
    declared = {
        "gpu_model": body.gpu_model,
        "gpu_count": body.gpu_count,
        "gpu_memory_gb": body.gpu_memory_gb,
        "cpu_cores": body.cpu_cores,
        "memory_gb": body.memory_gb,
        "storage_gb": body.storage_gb,
        "region": body.region.lower(),
    }
    capacity = {name: value for name, value in declared.items() if value is not None}
    values = {"capacity": capacity, "gpu_model": body.gpu_model, "gpu_count": body.gpu_count}
    return _save(session, provider, values, if_match)


def get_for_review(session: Session, provider_id: uuid.UUID) -> Provider:
    provider = ProviderRepository(session).get(provider_id)
    if provider is None:
        raise ProviderNotFound("No provider with this id exists.")
    return provider


def review(
    session: Session,
    config: ProvidersConfig,
    actor: Principal,
    provider_id: uuid.UUID,
    action: str,
    *,
    if_match: str | None,
    reason: str | None = None,
) -> Provider:
    """Reject, suspend or reinstate (``approve`` calls billing: see ``approve``)."""
    providers = ProviderRepository(session)
    provider = get_for_review(session, provider_id)
    check_if_match(provider, if_match)
    from_status, to_status, past = TRANSITIONS[action]
    if provider.status != from_status:
        raise InvalidTransition(
            f"The provider is {provider.status}; it cannot be {past}.",
            extra={"current_status": provider.status},
        )
    now = utcnow()
    claims_since = now - _claim_lifetime(config.settings)
    values: dict[str, Any] = {"status": to_status, "reviewed_at": now, "updated_at": now}
    if action == "reject":
        values["rejection_reason"] = reason
    elif action == "suspend":
        values["suspension_reason"] = reason
    if action in ("reject", "suspend"):
        # Its sessions end now; it may sign in again and see its status.
        values["token_epoch"] = col(Provider.token_epoch) + 1
        identity.end_sessions(session, "provider", provider.id)
    elif action == "reinstate":
        values["suspension_reason"] = None
    # Claim the transition first: the row stays locked until this request ends, so concurrent
    # reviewers wait here and then find the status changed (409). An approval in progress keeps
    # a rejection out: billing may be opening the account right now.
    if not providers.transition(
        provider.id,
        from_status=from_status,
        version=provider.version,
        values=values,
        claims_since=claims_since,
    ):
        current = providers.refresh(provider)
        _refuse_during_approval(current, claims_since)
        raise InvalidTransition(
            f"Another request changed this provider first; it is now {current.status}.",
            extra={"current_status": current.status},
        )
    provider = providers.refresh(provider)
    details: dict[str, Any] = {"from": from_status, "to": to_status}
    if reason:
        details["reason"] = reason
    audit.record(session, actor, f"provider.{past}", "provider", provider.id, **details)
    REVIEWS.labels(action).inc()
    return provider


def approve(
    database: db.Database,
    config: ProvidersConfig,
    actor: Principal | None,
    provider_id: uuid.UUID,
    *,
    if_match: str | None,
) -> Provider:
    """Approve in three steps, so that no row is locked and no transaction is open while the
    billing service is called: claim the pending provider (a short transaction, audited), call
    billing (idempotent, bounded), then apply the approval if the claim still stands (or, when
    billing failed, release the claim; both audited). A second approval or a rejection meanwhile
    is 409 ``APPROVAL_IN_PROGRESS`` at once; a claim a crash left behind is completed or undone
    by the maintenance job (``complete_interrupted_approvals``)."""
    claimed_at = utcnow()
    provider = database.run(
        lambda session: _claim(session, config, actor, provider_id, if_match, claimed_at)
    )
    return _call_billing_and_apply(database, config.billing, actor, provider, claimed_at)


def _claim(
    session: Session,
    config: ProvidersConfig,
    actor: Principal | None,
    provider_id: uuid.UUID,
    if_match: str | None,
    claimed_at: datetime,
) -> Provider:
    providers = ProviderRepository(session)
    provider = get_for_review(session, provider_id)
    check_if_match(provider, if_match)
    claims_since = claimed_at - _claim_lifetime(config.settings)
    _refuse_during_approval(provider, claims_since)
    if provider.status != "pending":
        raise InvalidTransition(
            f"The provider is {provider.status}; it cannot be approved.",
            extra={"current_status": provider.status},
        )
    if not providers.claim_approval(
        provider.id, version=provider.version, claimed_at=claimed_at, claims_since=claims_since
    ):
        current = providers.refresh(provider)
        _refuse_during_approval(current, claims_since)
        raise InvalidTransition(
            f"Another request changed this provider first; it is now {current.status}.",
            extra={"current_status": current.status},
        )
    audit.record(session, actor, "provider.approval_started", "provider", provider.id)
    return provider


def _call_billing_and_apply(
    database: db.Database,
    billing: BillingGateway,
    actor: Principal | None,
    provider: Provider,
    claimed_at: datetime,
) -> Provider:
    try:
        account_id = billing.open_account(provider)  # no transaction, no lock
    except Exception as exc:
        error = exc.detail if isinstance(exc, BillingUnavailable) else type(exc).__name__
        database.run(lambda session: _abandon(session, actor, provider.id, claimed_at, error))
        raise
    return database.run(
        lambda session: _apply_approval(session, actor, provider.id, claimed_at, account_id)
    )


def _apply_approval(
    session: Session,
    actor: Principal | None,
    provider_id: uuid.UUID,
    claimed_at: datetime,
    account_id: str | None,
) -> Provider:
    providers = ProviderRepository(session)
    account_id = account_id or open_builtin_account(session, provider_id)
    now = utcnow()
    values = {
        "status": "approved",
        "reviewed_at": now,
        "updated_at": now,
        "billing_account_id": account_id,
    }
    if not providers.finish_approval(provider_id, claimed_at=claimed_at, values=values):
        raise InvalidTransition(
            "This approval was taken over or undone while billing answered; read the provider "
            "and its audit events for the outcome."
        )
    details = {"from": "pending", "to": "approved", "billing_account_id": account_id}
    audit.record(session, actor, "provider.approved", "provider", provider_id, **details)
    REVIEWS.labels("approve").inc()
    provider = providers.get(provider_id)
    assert provider is not None
    return provider


def _abandon(
    session: Session,
    actor: Principal | None,
    provider_id: uuid.UUID,
    claimed_at: datetime,
    error: str,
) -> None:
    ProviderRepository(session).release_claim(provider_id, claimed_at=claimed_at)
    audit.record(
        session, actor, "provider.approval_failed", "provider", provider_id, error=error[:500]
    )


def complete_interrupted_approvals(
    database: db.Database, settings: Settings, billing: BillingGateway, *, batch: int = 100
) -> dict[str, int]:
    """Approvals a crash left claimed past ``billing.approval_timeout_seconds``: each is taken
    over (a conditional update, so concurrent runs never double up) and completed the way the
    request would have: billing is asked again with the same idempotency key (so the account
    the interrupted call may have opened is the one used), then the approval is applied, or
    released when billing fails. Returns how many were completed and how many undone."""
    outcome = {"completed": 0, "undone": 0}
    before = utcnow() - _claim_lifetime(settings)
    stale = database.run(lambda session: ProviderRepository(session).stale_claims(before, batch))
    for provider_id, claimed_at in stale:
        new_claim = utcnow()
        provider = database.run(
            functools.partial(
                _take_over, provider_id=provider_id, claimed_at=claimed_at, new_claim=new_claim
            )
        )
        if provider is None:
            continue
        try:
            _call_billing_and_apply(database, billing, None, provider, new_claim)
        except (BillingUnavailable, InvalidTransition):
            outcome["undone"] += 1
        else:
            outcome["completed"] += 1
    return outcome


def _take_over(
    session: Session, *, provider_id: uuid.UUID, claimed_at: datetime, new_claim: datetime
) -> Provider | None:
    providers = ProviderRepository(session)
    if not providers.reclaim_approval(provider_id, claimed_at=claimed_at, new_claim=new_claim):
        return None
    return providers.get(provider_id)


def _claim_lifetime(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.billing.approval_timeout_seconds)


def _refuse_during_approval(provider: Provider, claims_since: datetime) -> None:
    started = provider.approval_started_at
    if started is not None and started >= claims_since:
        raise ApprovalInProgress(
            "An approval of this provider is in progress (its billing account is being "
            "opened); retry in a few seconds.",
            headers={"Retry-After": "5"},
        )


def admin_page(
    session: Session,
    *,
    limit: int | None,
    cursor: str | None,
    page: int | None,
    page_size: int | None,
    offset: int | None,
    filters: dict[str, Any],
) -> tuple[list[Provider], dict[str, Any]]:
    """One of three paging styles; returns the rows and the paging members of the response."""
    providers = ProviderRepository(session)
    if page_size is not None and page is None:
        page = 1
    if page is not None and (cursor is not None or offset is not None or limit is not None):
        raise _paging_conflict("page/page_size cannot be combined with limit, offset or cursor")
    if offset is not None and cursor is not None:
        raise _paging_conflict("offset cannot be combined with cursor")
    if page is not None:
        size = page_size or 20
        rows, total = providers.offset_page(size, (page - 1) * size, **filters)
        return rows, {"next_cursor": None, "total": total, "page": page, "page_size": size}
    if offset is not None:
        size = limit or 20
        rows, total = providers.offset_page(size, offset, **filters)
        return rows, {"next_cursor": None, "total": total, "offset": offset, "limit": size}
    result: Page[Provider] = providers.page(limit or 20, cursor, **filters)
    return result.items, {"next_cursor": result.next_cursor}


def _paging_conflict(message: str) -> ValidationFailed:
    return ValidationFailed(
        "Choose one way to page.", errors=[FieldIssue("page", message, "CONFLICTING_PAGING")]
    )


def directory_page(
    session: Session, limit: int, cursor: str | None, filters: dict[str, Any]
) -> Page[Provider]:
    return ProviderRepository(session).page(limit, cursor, status="approved", **filters)


def approved(session: Session, provider_id: uuid.UUID) -> Provider:
    provider = ProviderRepository(session).approved(provider_id)
    if provider is None:
        raise ProviderNotFound("No approved provider with this id exists.")
    return provider
