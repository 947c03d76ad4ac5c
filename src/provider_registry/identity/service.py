"""Sign-up, sign-in, token rotation and API keys. Services flush, never commit."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

import bcrypt
from sqlalchemy import Row
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from provider_registry.accounts.emails import normalize_email
from provider_registry.accounts.models import Account, AccountFields
from provider_registry.accounts.passwords import (
    MAX_PASSWORD_BYTES,
    PasswordPolicyError,
    check_policy,
    hash_password,
    verify_password,
)
from provider_registry.accounts.repository import AccountRepository
from provider_registry.audit import service as audit
from provider_registry.identity import apikeys
from provider_registry.identity.errors import (
    AccountGone,
    ApiKeyNotFound,
    EmailTaken,
    InvalidCredentials,
    InvalidToken,
    ScopeNotAllowed,
    TokenReused,
    TokenRevoked,
)
from provider_registry.identity.models import ApiKey, RefreshToken
from provider_registry.identity.principal import Principal
from provider_registry.identity.repository import (
    LAST_USED_RESOLUTION,
    ApiKeyRepository,
    RefreshTokenRepository,
)
from provider_registry.identity.scopes import scopes_for_role
from provider_registry.identity.tokens import IssuedToken, TokenCodec, TokenError
from provider_registry.kit import db
from provider_registry.kit.errors import FieldIssue, ValidationFailed
from provider_registry.kit.pagination import Page
from provider_registry.kit.timeutil import utcnow


@dataclass(frozen=True)
class IdentityConfig:
    codec: TokenCodec
    api_key_pepper: str
    bcrypt_rounds: int
    # How long a sign-in (a refresh-token family) lasts at most, however often it is refreshed.
    refresh_absolute_ttl_seconds: int = 30 * 86_400


@dataclass(frozen=True)
class TokenPair:
    access: IssuedToken
    refresh: IssuedToken


@dataclass(frozen=True)
class Subject:
    """Whoever tokens are issued to: an account, or a provider."""

    kind: str
    id: uuid.UUID
    role: str
    provider_id: uuid.UUID | None = None
    # Access tokens of an older epoch are refused (the subject was disabled, demoted, suspended).
    token_epoch: int = 0
    # A provider's review status as loaded with it (x-access ``provider_status`` checks it).
    provider_status: str | None = None
    # The row it was loaded from (handed on to the Principal; see Principal.row).
    row: object | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Grant:
    """What a sign-in's tokens hold: ``scopes`` None means the subject's role's scopes; a family
    obtained with an API key holds at most the key's scopes and ends with the key."""

    family_id: uuid.UUID
    expires_at: datetime
    scopes: frozenset[str] | None = None
    api_key_id: uuid.UUID | None = None


# Finds a subject that may still hold tokens (None: gone or disabled).
SubjectLoader = Callable[[Session, uuid.UUID], "Subject | None"]


def load_account_subject(session: Session, account_id: uuid.UUID) -> Subject | None:
    """The account as a subject (one Core row read: see ``Repository.row``), if it is active."""
    return account_subject(AccountRepository(session).row(account_id))


def account_subject(account: Account | Row[Any] | None) -> Subject | None:
    if account is None or account.status != "active":
        return None
    return Subject(
        kind="account",
        id=account.id,
        role=account.role,
        token_epoch=account.token_epoch,
        row=account,
    )


@functools.cache
def _dummy_hash(rounds: int) -> bytes:
    return bcrypt.hashpw(b"no account has this password", bcrypt.gensalt(rounds))


def register(
    session: Session,
    config: IdentityConfig,
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    role: str,
) -> Account:
    if role not in ("consumer", "provider"):  # the schema says so too; never trust one layer
        raise ValidationFailed(
            "Self-registration may not choose this role.",
            errors=[FieldIssue("role", "must be consumer or provider", "INVALID_VALUE")],
        )
    normalized = normalize_email(email)
    try:
        check_policy(password)
    except PasswordPolicyError as exc:
        code = "PASSWORD_TOO_LONG" if "bytes" in str(exc) else "PASSWORD_TOO_SHORT"
        raise ValidationFailed(
            "The password does not meet the policy.",
            errors=[FieldIssue("password", str(exc), code)],
        ) from exc
    accounts = AccountRepository(session)
    if accounts.by_email(normalized) is not None:
        raise EmailTaken("An account with this email address already exists.")
    account = Account(
        email=normalized,
        password_hash=hash_password(password, config.bcrypt_rounds),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        role=role,
    )
    try:
        with session.begin_nested():
            accounts.add(account)
    except IntegrityError as exc:  # a concurrent registration won the race
        raise EmailTaken("An account with this email address already exists.") from exc
    return account


def login(session: Session, config: IdentityConfig, *, email: str, password: str) -> TokenPair:
    """Unknown email, wrong password, disabled account, over-long password: one answer, and a
    bcrypt check every time so the timing does not tell them apart."""
    account = AccountRepository(session).by_email(email)
    encoded = password.encode("utf-8")
    usable = len(encoded) <= MAX_PASSWORD_BYTES
    if account is None or account.password_hash is None or not usable:
        bcrypt.checkpw(encoded[:MAX_PASSWORD_BYTES], _dummy_hash(config.bcrypt_rounds))
        raise InvalidCredentials("The email address or password is incorrect.")
    if not verify_password(password, account.password_hash) or account.status != "active":
        raise InvalidCredentials("The email address or password is incorrect.")
    account.last_login_at = utcnow()
    AccountRepository(session).add(account, flush=False)
    subject = account_subject(account)
    assert subject is not None
    return start_session(session, config, subject)


def account_principal(account: Account, auth_method: str = "bearer") -> Principal:
    return Principal(
        kind="account",
        id=account.id,
        role=account.role,
        scopes=scopes_for_role(account.role),
        auth_method="bearer" if auth_method == "bearer" else "api_key",
    )


def start_session(
    session: Session, config: IdentityConfig, subject: Subject, key: Row[Any] | None = None
) -> TokenPair:
    """A new sign-in: its family ends after ``jwt.refresh_absolute_ttl_seconds``, or when the API
    key it was obtained with expires, whichever is sooner; with a key, it holds the key's scopes."""
    expires_at = utcnow() + timedelta(seconds=config.refresh_absolute_ttl_seconds)
    if key is not None and key.expires_at is not None:
        expires_at = min(expires_at, key.expires_at)
    grant = Grant(
        family_id=uuid.uuid4(),
        expires_at=expires_at,
        scopes=frozenset(key.scopes) if key is not None else None,
        api_key_id=key.id if key is not None else None,
    )
    return issue_pair(session, config, subject, grant)


def issue_pair(
    session: Session, config: IdentityConfig, subject: Subject, grant: Grant
) -> TokenPair:
    claims: dict[str, str | int] = {
        "kind": subject.kind,
        "role": subject.role,
        "ep": subject.token_epoch,
    }
    if subject.provider_id is not None:
        claims["pid"] = str(subject.provider_id)
    if grant.scopes is not None:
        claims["scope"] = " ".join(sorted(grant.scopes))
    if grant.api_key_id is not None:
        claims["akid"] = str(grant.api_key_id)
    # Nothing issued outlives the family.
    remaining = max(1, int((grant.expires_at - utcnow()).total_seconds()))
    settings = config.codec.settings
    access = config.codec.issue(
        "access", subject.id, claims, ttl_seconds=min(settings.access_ttl_seconds, remaining)
    )
    refresh = config.codec.issue(
        "refresh",
        subject.id,
        {"kind": subject.kind, "fam": str(grant.family_id)},
        ttl_seconds=min(settings.refresh_ttl_seconds, remaining),
    )
    RefreshTokenRepository(session).add(
        RefreshToken(
            jti=refresh.jti,
            family_id=grant.family_id,
            subject_kind=subject.kind,
            subject_id=subject.id,
            expires_at=refresh.expires_at,
            family_expires_at=grant.expires_at,
            scopes=sorted(grant.scopes) if grant.scopes is not None else None,
            api_key_id=grant.api_key_id,
        )
    )
    return TokenPair(access=access, refresh=refresh)


def _decode_refresh(config: IdentityConfig, token: str) -> dict[str, object]:
    try:
        return config.codec.decode(token, "refresh")
    except TokenError as exc:
        raise InvalidToken(str(exc)) from exc


def refresh(
    session: Session,
    config: IdentityConfig,
    token: str,
    *,
    kind: str = "account",
    load_subject: SubjectLoader = load_account_subject,
) -> TokenPair:
    """Exchange a refresh token of a ``kind`` subject for a new pair (rotation with reuse
    detection: a spent token revokes its whole family). The family keeps its end, its scopes
    and its key; it ends early when the subject is disabled or the key is revoked or expired."""
    claims = _decode_refresh(config, token)
    jti = claims["jti"]
    assert isinstance(jti, uuid.UUID)
    tokens = RefreshTokenRepository(session)
    row = tokens.get(jti)
    if row is None or row.subject_kind != kind:
        raise InvalidToken("The refresh token is not valid.")
    now = utcnow()
    if not tokens.consume(jti, now):
        if row.revoked_at is None and row.used_at is not None:
            # Someone presents a token that was already exchanged: assume it was stolen.
            tokens.revoke_family(row.family_id, now)
            raise TokenReused(
                "This refresh token was already used; every token of this sign-in is revoked."
            )
        raise InvalidToken("The refresh token is no longer valid.")
    subject = load_subject(session, row.subject_id)
    if subject is None:
        tokens.revoke_family(row.family_id, now)
        raise TokenRevoked("The account this token belongs to is no longer active.")
    if row.api_key_id is not None:
        key = ApiKeyRepository(session).get_usable(row.api_key_id, now)
        if key is None or key.owner_id != subject.id:
            tokens.revoke_family(row.family_id, now)
            raise TokenRevoked("The API key this sign-in was made with is revoked or expired.")
    grant = Grant(
        family_id=row.family_id,
        expires_at=row.family_expires_at,
        scopes=frozenset(row.scopes) if row.scopes is not None else None,
        api_key_id=row.api_key_id,
    )
    return issue_pair(session, config, subject, grant)


def logout(session: Session, config: IdentityConfig, token: str) -> None:
    claims = _decode_refresh(config, token)
    jti = claims["jti"]
    assert isinstance(jti, uuid.UUID)
    tokens = RefreshTokenRepository(session)
    row = tokens.get(jti)
    if row is None:
        raise InvalidToken("The refresh token is not valid.")
    tokens.revoke_family(row.family_id, utcnow())


def create_api_key(
    session: Session,
    config: IdentityConfig,
    principal: Principal,
    *,
    name: str,
    scopes: list[str],
    expires_in_days: int | None,
) -> tuple[ApiKey, str]:
    # Within what the calling credential holds now (itself within the role): a narrow key or a
    # session obtained from one can never mint a wider key.
    allowed = principal.scopes & scopes_for_role(principal.role)
    excess = sorted(set(scopes) - allowed)
    if excess:
        raise ScopeNotAllowed(
            f"Your credentials do not hold these scopes: {', '.join(excess)}.",
            errors=[
                FieldIssue("scopes", f"not held by your credentials: {s}", "SCOPE_NOT_ALLOWED")
                for s in excess
            ],
        )
    prefix = (
        apikeys.PROVIDER_KEY_PREFIX
        if principal.kind == "provider"
        else (apikeys.ACCOUNT_KEY_PREFIX)
    )
    new = apikeys.generate(prefix)
    now = utcnow()
    key = ApiKey(
        id=new.key_id,
        owner_kind=principal.kind,
        owner_id=principal.id,
        name=name.strip(),
        key_prefix=new.display_prefix,
        key_hash=apikeys.hash_secret(config.api_key_pepper, new.secret),
        scopes=sorted(set(scopes)),
        expires_at=now + timedelta(days=expires_in_days) if expires_in_days else None,
        created_at=now,
    )
    ApiKeyRepository(session).add(key)
    audit.record(
        session,
        principal,
        "api_key.issued",
        principal.kind,
        principal.id,
        key_id=str(key.id),
        scopes=key.scopes,
    )
    return key, new.key


def list_api_keys(
    session: Session, principal: Principal, limit: int, cursor: str | None
) -> Page[ApiKey]:
    return ApiKeyRepository(session).page_owned_by(principal, limit, cursor)


def revoke_api_key(session: Session, principal: Principal, key_id: uuid.UUID) -> ApiKey:
    keys = ApiKeyRepository(session)
    key = keys.get_owned_by(principal, key_id)
    if key is None:
        raise ApiKeyNotFound("No API key with this id belongs to you.")
    now = utcnow()
    keys.revoke(key, now)
    # Sessions obtained with the key end with it (their access tokens are checked on every use).
    RefreshTokenRepository(session).revoke_for_key(key.id, now)
    audit.record(
        session, principal, "api_key.revoked", principal.kind, principal.id, key_id=str(key.id)
    )
    return key


def verify_api_key(session: Session, pepper: str, raw_key: str) -> Row[Any] | None:
    """The usable key row a presented key matches, or None. Malformed keys (wrong shape or
    checksum) never reach the database; the secret is compared in constant time."""
    parsed = apikeys.parse(raw_key)
    if parsed is None:
        return None
    key = ApiKeyRepository(session).get_usable(parsed.key_id, utcnow())
    if key is None or not apikeys.matches(pepper, parsed.secret, key.key_hash):
        return None
    return key


def authenticate_api_key(
    session: Session, pepper: str, raw_key: str, loaders: dict[str, SubjectLoader]
) -> Principal | None:
    """The principal a presented key acts as, or None."""
    key = verify_api_key(session, pepper, raw_key)
    if key is None or key.owner_kind not in loaders:
        return None
    subject = loaders[key.owner_kind](session, key.owner_id)
    if subject is None:
        return None
    now = utcnow()
    if key.last_used_at is None or key.last_used_at < now - LAST_USED_RESOLUTION:
        # At most one write per key per minute; the UPDATE is conditional too, for races.
        ApiKeyRepository(session).touch(key.id, now)
    # A key never holds more than its owner's role allows today, even if the role changed.
    scopes = frozenset(key.scopes) & scopes_for_role(subject.role)
    return Principal(
        kind="provider" if subject.kind == "provider" else "account",
        id=subject.id,
        role=subject.role,
        scopes=scopes,
        auth_method="api_key",
        provider_id=subject.provider_id,
        key_id=key.id,
        provider_status=subject.provider_status,
        row=subject.row,
    )


def account_of(session: Session, principal: Principal) -> AccountFields | None:
    """The account behind an account principal, to show (None for providers): in a read
    request, the row authentication loaded, as it is (no instance: about 80 us less)."""
    if principal.kind != "account":
        return None
    if isinstance(principal.row, Row) and db.reads_only(session):
        return cast(AccountFields, principal.row)
    account = db.reuse(session, principal.row, Account) or AccountRepository(session).get(
        principal.id
    )
    if account is None:
        raise AccountGone("The account no longer exists.")
    return account


def principal_from_access_token(
    session: Session, config: IdentityConfig, token: str, loaders: dict[str, SubjectLoader]
) -> Principal | None:
    """The principal an access token acts as, or None. The subject is loaded, so a token stops
    working at once when its subject is disabled, demoted or suspended (the epoch moved on), or
    when the API key it was obtained with is revoked or expires."""
    try:
        claims = config.codec.decode(token, "access")
    except TokenError:
        return None
    kind = claims.get("kind")
    if not isinstance(kind, str) or kind not in loaders:
        return None
    subject_id = claims["sub"]
    assert isinstance(subject_id, uuid.UUID)
    subject = loaders[kind](session, subject_id)
    if subject is None or claims.get("ep", 0) != subject.token_epoch:
        return None
    key_id = claims.get("akid")
    if key_id is not None:
        try:
            key = ApiKeyRepository(session).get_usable(uuid.UUID(str(key_id)), utcnow())
        except ValueError:
            return None
        if key is None or key.owner_kind != subject.kind or key.owner_id != subject.id:
            return None
    scopes = scopes_for_role(subject.role)
    scope_claim = claims.get("scope")
    if scope_claim is not None:
        if not isinstance(scope_claim, str):
            return None
        scopes &= frozenset(scope_claim.split())
    return Principal(
        kind="provider" if subject.kind == "provider" else "account",
        id=subject.id,
        role=subject.role,
        scopes=scopes,
        auth_method="bearer",
        provider_id=subject.provider_id,
        provider_status=subject.provider_status,
        row=subject.row,
    )


def end_sessions(session: Session, subject_kind: str, subject_id: uuid.UUID) -> None:
    """Revoke every refresh token of the subject. Its access tokens stop when the caller bumps
    the subject's ``token_epoch`` in the same transaction."""
    RefreshTokenRepository(session).revoke_subject(subject_kind, subject_id, utcnow())
