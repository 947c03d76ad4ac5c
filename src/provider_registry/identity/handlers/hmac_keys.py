"""/api/v1/auth/hmac-keys: legacy HMAC signing keys (deprecated scheme, still served)."""

from __future__ import annotations

import uuid

from flask import Response

from provider_registry.identity import signed_requests
from provider_registry.identity.models import HmacKey
from provider_registry.identity.security import current_principal
from provider_registry.identity.signed_requests import SignedConfig
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.responses import empty_response, json_response
from provider_registry.kit.state import installed
from provider_registry_api import models as api


def _config() -> SignedConfig:
    return installed(SignedConfig)


def _view(row: HmacKey) -> api.HmacKey:
    return api.HmacKey.model_validate(
        {
            "id": row.id,
            "name": row.name,
            "last_used_at": row.last_used_at,
            "created_at": row.created_at,
        }
    )


def create_hmac_key() -> Response:
    body = request_body(api.HmacKeyCreate)
    key, secret = signed_requests.create_key(
        db.session(), _config().cipher, current_principal(), name=body.name
    )
    return json_response(api.HmacKeyCreated(hmac_key=_view(key), secret=secret), 201)


def list_hmac_keys(limit: int = 20, cursor: str | None = None) -> Response:
    page = signed_requests.list_keys(db.session(), current_principal(), limit, cursor)
    return json_response(
        api.HmacKeyPage(items=[_view(row) for row in page.items], next_cursor=page.next_cursor)
    )


def revoke_hmac_key(key_id: str) -> Response:
    signed_requests.revoke_key(db.session(), current_principal(), uuid.UUID(key_id))
    return empty_response(204)
