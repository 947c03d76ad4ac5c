"""/api/v1/registration/{register,auth,refresh} (sign-up and sign-in), /api/v1/provider/* (the
provider itself; old paths /api/v1/registration/*), /api/v1/admin/providers/* (admins) and
/api/v1/providers (the public directory of approved providers)."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.identity import service as identity
from provider_registry.identity import views as identity_views
from provider_registry.identity.security import current_principal, optional_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.preconditions import if_match_header
from provider_registry.kit.responses import empty_response, json_response
from provider_registry.kit.state import app_state, installed
from provider_registry.providers import service, views
from provider_registry.providers.errors import ProviderNotFound
from provider_registry.providers.models import Provider
from provider_registry.providers.service import ProvidersConfig, etag
from provider_registry_api import models as api


def config() -> ProvidersConfig:
    return installed(ProvidersConfig)


def _with_etag(provider: Provider, status: int = 200) -> Response:
    return json_response(views.provider(provider), status, headers={"ETag": etag(provider)})


def register_provider() -> Response:
    body = request_body(api.ProviderCreate)
    provider, api_key = service.register(db.session(), config(), body, optional_principal())
    return json_response(
        api.ProviderCreated(provider=views.provider(provider), api_key=api_key), 201
    )


def sign_in_provider() -> Response:
    body = request_body(api.ProviderSignIn)
    pair = service.sign_in(db.session(), config(), body.provider_id, body.api_key)
    return json_response(identity_views.tokens(pair))


def refresh_provider_session() -> Response:
    token = request_body(api.SessionRefresh).refresh_token
    return json_response(identity_views.tokens(service.refresh(db.session(), config(), token)))


def get_provider_profile() -> Response:
    return _with_etag(service.own(db.session(), current_principal()))


def update_provider_profile() -> Response:
    body = request_body(api.ProviderUpdate)
    provider = service.update_profile(
        db.session(), config(), current_principal(), body, if_match_header()
    )
    return _with_etag(provider)


def replace_provider_pricing() -> Response:
    body = request_body(api.Pricing)
    return _with_etag(
        service.replace_pricing(db.session(), current_principal(), body, if_match_header())
    )


def replace_provider_capacity() -> Response:
    body = request_body(api.Capacity)
    return _with_etag(
        service.replace_capacity(db.session(), current_principal(), body, if_match_header())
    )


def list_provider_api_keys(limit: int = 20, cursor: str | None = None) -> Response:
    page = identity.list_api_keys(db.session(), current_principal(), limit, cursor)
    return json_response(
        api.ApiKeyPage(
            items=[identity_views.api_key(k) for k in page.items], next_cursor=page.next_cursor
        )
    )


def create_provider_api_key() -> Response:
    body = request_body(api.ProviderApiKeyCreate)
    principal = current_principal()
    key, secret = identity.create_api_key(
        db.session(),
        config().identity,
        principal,
        name=body.name,
        scopes=list(body.scopes or []) or sorted(principal.scopes),
        expires_in_days=body.expires_in_days,
    )
    return json_response(api.ApiKeyCreated(api_key=identity_views.api_key(key), key=secret), 201)


def revoke_provider_api_key(key_id: str) -> Response:
    identity.revoke_api_key(db.session(), current_principal(), uuid.UUID(key_id))
    return empty_response(204)


def list_providers(
    status: str | None = None,
    region: str | None = None,
    supported_format: str | None = None,
    q: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
    offset: int | None = None,
) -> Response:
    rows, paging = service.admin_page(
        db.session(),
        limit=limit,
        cursor=cursor,
        page=page,
        page_size=page_size,
        offset=offset,
        filters={"status": status, "region": region, "supported_format": supported_format, "q": q},
    )
    return json_response(api.ProviderPage(items=[views.provider(r) for r in rows], **paging))


def get_provider(provider_id: str) -> Response:
    return _with_etag(service.get_for_review(db.session(), uuid.UUID(provider_id)))


def _review(provider_id: str, action: str, reason: str | None = None) -> Response:
    provider = service.review(
        db.session(),
        config(),
        current_principal(),
        uuid.UUID(provider_id),
        action,
        if_match=if_match_header(),
        reason=reason,
    )
    return _with_etag(provider)


def approve_provider(provider_id: str) -> Response:
    # Its own short transactions around the billing call (service.approve), not the request's.
    provider = service.approve(
        app_state().database,
        config(),
        current_principal(),
        uuid.UUID(provider_id),
        if_match=if_match_header(),
    )
    return _with_etag(provider)


def reject_provider(provider_id: str) -> Response:
    return _review(provider_id, "reject", request_body(api.ProviderReject).rejection_reason)


def suspend_provider(provider_id: str) -> Response:
    return _review(provider_id, "suspend", request_body(api.ProviderSuspend).reason)


def reinstate_provider(provider_id: str) -> Response:
    return _review(provider_id, "reinstate")


# Deprecated aliases (the old paths and methods, kept until v2): the same functions.
get_provider_profile_legacy = get_provider_profile
update_provider_profile_legacy = update_provider_profile
replace_provider_pricing_legacy = replace_provider_pricing
replace_provider_capacity_legacy = replace_provider_capacity
list_provider_api_keys_legacy = list_provider_api_keys
create_provider_api_key_legacy = create_provider_api_key
revoke_provider_api_key_legacy = revoke_provider_api_key


# /api/v1/providers: the public directory of approved providers.
def list_public_providers(
    region: str | None = None,
    supported_format: str | None = None,
    gpu_model: str | None = None,
    min_gpu_count: int | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Response:
    page = service.directory_page(
        db.session(),
        limit,
        cursor,
        {
            "region": region,
            "supported_format": supported_format,
            "gpu_model": gpu_model,
            "min_gpu_count": min_gpu_count,
        },
    )
    return json_response(
        api.PublicProviderPage(
            items=[views.public_provider(p) for p in page.items], next_cursor=page.next_cursor
        )
    )


def get_public_provider(provider_id: str) -> Response:
    return json_response(
        views.public_provider(service.approved(db.session(), uuid.UUID(provider_id)))
    )


def get_public_provider_pricing(provider_id: str) -> Response:
    provider = service.approved(db.session(), uuid.UUID(provider_id))
    if provider.pricing is None:
        raise ProviderNotFound("This provider has not published prices.")
    return json_response(api.Pricing.model_validate(provider.pricing))
