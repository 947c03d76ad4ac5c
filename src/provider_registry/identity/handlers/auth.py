"""/api/v1/auth/*: thin handlers, one service call each."""

from __future__ import annotations

import uuid

from flask import Response, request

from provider_registry.identity import service, views
from provider_registry.identity.security import current_principal
from provider_registry.identity.service import IdentityConfig
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.responses import empty_response, json_response
from provider_registry.kit.state import installed
from provider_registry_api import models as api


def identity_config() -> IdentityConfig:
    return installed(IdentityConfig)


def register_account() -> Response:
    body = request_body(api.AccountCreate)
    account = service.register(
        db.session(),
        identity_config(),
        email=str(body.email),
        password=body.password.get_secret_value(),
        first_name=body.first_name,
        last_name=body.last_name,
        role=body.role,
    )
    return json_response(views.account(account), 201)


def sign_in_account() -> Response:
    # JSON {email, password} or the OAuth2 password form {username, password}.
    if request.mimetype == "application/x-www-form-urlencoded":
        form = request_body(api.AccountSignInForm)
        email, password = form.username, form.password.get_secret_value()
    else:
        body = request_body(api.AccountSignIn)
        email, password = body.email, body.password.get_secret_value()
    pair = service.login(db.session(), identity_config(), email=email, password=password)
    return json_response(views.tokens(pair))


def refresh_account_session() -> Response:
    body = request_body(api.SessionRefresh)
    pair = service.refresh(db.session(), identity_config(), body.refresh_token)
    return json_response(views.tokens(pair))


def sign_out_account() -> Response:
    body = request_body(api.SessionRefresh)
    service.logout(db.session(), identity_config(), body.refresh_token)
    return empty_response(204)


def get_current_principal() -> Response:
    who = current_principal()
    return json_response(views.principal(who, service.account_of(db.session(), who)))


def create_api_key() -> Response:
    body = request_body(api.ApiKeyCreate)
    key, secret = service.create_api_key(
        db.session(),
        identity_config(),
        current_principal(),
        name=body.name,
        scopes=list(body.scopes),
        expires_in_days=body.expires_in_days,
    )
    return json_response(api.ApiKeyCreated(api_key=views.api_key(key), key=secret), 201)


def list_api_keys(limit: int = 20, cursor: str | None = None) -> Response:
    page = service.list_api_keys(db.session(), current_principal(), limit, cursor)
    return json_response(
        api.ApiKeyPage(items=[views.api_key(k) for k in page.items], next_cursor=page.next_cursor)
    )


def revoke_api_key(key_id: str) -> Response:
    service.revoke_api_key(db.session(), current_principal(), uuid.UUID(key_id))
    return empty_response(204)


def get_jwks() -> Response:
    response = json_response(identity_config().codec.jwks())
    response.headers["Cache-Control"] = "public, max-age=300"
    return response
