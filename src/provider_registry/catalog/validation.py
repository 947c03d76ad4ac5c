"""The catalog rules JSON Schema cannot state (``x-semantic-validator`` of ServiceCreate and
ServiceUpdate): a service endpoint is a URL clients and gateways connect to, so its host is
judged like a provider endpoint's (``kit.netguard``), under the same development switch."""

from __future__ import annotations

from typing import Any

from provider_registry.config import Settings
from provider_registry.kit import netguard
from provider_registry.kit.errors import FieldIssue


def service_issues(body: Any, settings: Settings | None = None) -> list[FieldIssue]:
    if not isinstance(body, dict):
        return []
    endpoint = body.get("endpoint")
    url = endpoint.get("url") if isinstance(endpoint, dict) else None
    if not isinstance(url, str):
        return []
    allow_private = bool(settings and settings.providers.allow_private_endpoints)
    return netguard.url_issues(url, "endpoint.url", allow_private, netguard.WEB_SCHEMES)
