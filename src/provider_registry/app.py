"""create_app(): the Connexion FlaskApp with our middleware, validators and error handlers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from connexion import FlaskApp
from connexion.middleware import MiddlewarePosition
from connexion.options import SwaggerUIOptions
from connexion.spec import Specification
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Scope

from provider_registry.config import Settings, load_settings
from provider_registry.kit import db, metrics
from provider_registry.kit.logging import configure_logging
from provider_registry.kit.middleware import (
    RequestContextMiddleware,
    RequestGuardMiddleware,
    client_ip,
    endpoint_labeller,
)
from provider_registry.kit.problems import register_error_handlers
from provider_registry.kit.ratelimit import RateLimitMiddleware
from provider_registry.kit.state import EXTENSION_KEY, AppState
from provider_registry.kit.validation import validator_map
from provider_registry.system.docs import register_docs

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def operation_templates(spec_file: Path) -> dict[str, str]:
    """operationId -> path template, for bounded metric labels."""
    spec: Any = Specification.load(spec_file.resolve())
    templates: dict[str, str] = {}
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or "operationId" not in operation:
                continue
            # Connexion reports the resolved name: router controller + "." + operationId.
            controller = operation.get("x-openapi-router-controller") or item.get(
                "x-openapi-router-controller"
            )
            name = operation["operationId"]
            templates[f"{controller}.{name}" if controller else name] = path
    return templates


def create_app(settings: Settings | None = None) -> FlaskApp:
    settings = settings or load_settings()
    configure_logging(settings.log)
    database = db.Database(db.make_engine(settings.database))

    app = FlaskApp(
        __name__,
        specification_dir=str(settings.api_dir),
        validator_map=validator_map(),
        swagger_ui_options=SwaggerUIOptions(serve_spec=False, swagger_ui=False),
    )
    app.add_api(
        "openapi.yaml",
        strict_validation=True,
        # Off in production: it re-parses every body (about 0.25 ms). Tests and development keep
        # it on so a handler that breaks the contract fails loudly.
        validate_responses=settings.environment != "production",
    )
    register_error_handlers(app)

    flask_app = app.app
    flask_app.extensions[EXTENSION_KEY] = AppState(settings=settings, database=database)
    db.init_app(flask_app, database)
    docs_paths = register_docs(flask_app, settings)

    # Outermost first: each add_middleware call lands just inside the previous one.
    labeller = endpoint_labeller(operation_templates(settings.api_dir / "openapi.yaml"), docs_paths)
    app.add_middleware(
        RequestContextMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        endpoint_of=labeller,
        hsts_max_age=settings.server.hsts_max_age if settings.server.hsts else None,
    )
    if settings.cors.allowed_origins:
        app.add_middleware(
            CORSMiddleware,
            position=MiddlewarePosition.BEFORE_EXCEPTION,
            allow_origins=settings.cors.allowed_origins,
            allow_credentials=settings.cors.allow_credentials,
            allow_methods=settings.cors.allowed_methods,
            allow_headers=settings.cors.allowed_headers,
            expose_headers=[
                "X-Request-ID",
                "ETag",
                "Retry-After",
                "X-RateLimit-Limit",
                "X-RateLimit-Remaining",
                "X-RateLimit-Reset",
            ],
            max_age=settings.cors.max_age,
        )
    if settings.rate_limit.enabled:
        trusted = frozenset(settings.server.trusted_proxies)

        def client_key(scope: Scope) -> str:
            return "ip:" + client_ip(scope, trusted)

        app.add_middleware(
            RateLimitMiddleware,
            position=MiddlewarePosition.BEFORE_ROUTING,
            per_minute=settings.rate_limit.requests_per_minute,
            storage_uri=settings.rate_limit.storage_uri,
            client_key=client_key,
        )
    app.add_middleware(
        RequestGuardMiddleware,
        position=MiddlewarePosition.BEFORE_ROUTING,
        max_bytes=settings.server.max_body_bytes,
    )
    metrics.mark_up()
    return app
