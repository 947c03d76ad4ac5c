"""create_app(): the Connexion FlaskApp with our middleware, validators and error handlers."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from connexion import FlaskApp
from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
from connexion.middleware.response_validation import ResponseValidationMiddleware
from connexion.middleware.security import SecurityMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.options import SwaggerUIOptions
from connexion.spec import Specification
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Scope

from provider_registry.config import Settings, load_settings
from provider_registry.identity import service as identity_service
from provider_registry.identity import signed_requests
from provider_registry.identity.access import AccessControlMiddleware, AccessRule
from provider_registry.identity.authentication import AuthenticationMiddleware, resolved
from provider_registry.identity.principal import Principal
from provider_registry.identity.security import Requirements, requirements
from provider_registry.identity.service import IdentityConfig
from provider_registry.identity.tokens import TokenCodec
from provider_registry.kit import db, metrics, specfiles, state
from provider_registry.kit.deadline import DeadlineMiddleware
from provider_registry.kit.logging import configure_logging
from provider_registry.kit.middleware import (
    RequestContextMiddleware,
    RequestGuardMiddleware,
    TrustedProxies,
    client_ip,
    endpoint_labeller,
)
from provider_registry.kit.problems import register_error_handlers
from provider_registry.kit.ratelimit import RateLimitMiddleware, RateLimits
from provider_registry.kit.state import EXTENSION_KEY, AppState
from provider_registry.kit.threads import RequestThreads, on_loop
from provider_registry.kit.validation import validator_map
from provider_registry.providers import service as providers_service
from provider_registry.providers.billing import gateway_for
from provider_registry.system.docs import register_docs

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass(frozen=True)
class SpecIndex:
    """Per operation (keyed as Connexion reports it: controller + "." + operationId): its path
    template (bounded metric labels), its x-access rule and its security requirements."""

    templates: dict[str, str]
    access: dict[str, AccessRule]
    security: dict[str, Requirements]
    methods: dict[str, set[str]]

    def allowed_methods(self, path: str) -> list[str] | None:
        """The methods the spec declares for the route ``path`` matches, for 405's Allow; HEAD
        wherever GET is (every GET operation answers HEAD, as HTTP requires)."""
        for template, methods in self.methods.items():
            if _template_regex(template).fullmatch(path):
                return sorted(methods | {"HEAD"} if "GET" in methods else methods)
        return None


@functools.cache
def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts))


def index_spec(source: Path | Mapping[str, Any]) -> SpecIndex:
    """Index a spec file, or a spec Connexion has already loaded (so it is read only once)."""
    spec: Any = Specification.load(source.resolve()) if isinstance(source, Path) else source
    templates: dict[str, str] = {}
    access: dict[str, AccessRule] = {}
    security: dict[str, Requirements] = {}
    methods: dict[str, set[str]] = {}
    schemes = spec.get("components", {}).get("securitySchemes", {})
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method not in HTTP_METHODS or "operationId" not in operation:
                continue
            controller = operation.get("x-openapi-router-controller") or item.get(
                "x-openapi-router-controller"
            )
            name = operation["operationId"]
            key = f"{controller}.{name}" if controller else name
            templates[key] = path
            methods.setdefault(path, set()).add(method.upper())
            if "x-access" in operation:
                access[key] = AccessRule.from_spec(operation["x-access"])
            security[key] = requirements(
                operation.get("security", spec.get("security", [])), schemes
            )
    return SpecIndex(templates=templates, access=access, security=security, methods=methods)


def connexion_middlewares(*, validate_responses: bool) -> list[Any]:
    """Connexion's middleware stack without the layers that would do nothing here, each of which
    every request passes through: Swagger UI's (the docs are ours, ``system.docs``, and Connexion
    serves neither UI nor spec: it only routed every request once more to find nothing),
    security's (``AccessControlMiddleware`` checks each operation's requirements against the
    principals already resolved, without building a request object and inspecting handler
    signatures per request), and response validation where it is off."""
    return [
        middleware
        for middleware in ConnexionMiddleware.default_middlewares
        if middleware not in (SwaggerUIMiddleware, SecurityMiddleware)
        and (validate_responses or middleware is not ResponseValidationMiddleware)
    ]


def create_app(settings: Settings | None = None) -> FlaskApp:
    specfiles.install()
    settings = settings or load_settings()
    configure_logging(settings.log)
    # Handlers and authentication share one pool of request threads, each with a connection.
    threads = RequestThreads(settings.server.threads)
    database = db.Database(
        db.make_engine(settings.database, pool_size=max(settings.database.pool_size, threads.size))
    )
    identity = IdentityConfig(
        codec=TokenCodec(settings.jwt),
        api_key_pepper=settings.auth.api_key_pepper,
        bcrypt_rounds=settings.auth.bcrypt_rounds,
        refresh_absolute_ttl_seconds=settings.jwt.refresh_absolute_ttl_seconds,
    )

    # Off in production: it re-parses every body (about 0.25 ms). Tests and development keep it
    # on so a handler that breaks the contract fails loudly.
    validate_responses = settings.environment != "production"
    app = FlaskApp(
        __name__,
        specification_dir=str(settings.api_dir),
        validator_map=validator_map(),
        swagger_ui_options=SwaggerUIOptions(serve_spec=False, swagger_ui=False),
        middlewares=connexion_middlewares(validate_responses=validate_responses),
    )
    app.add_api("openapi.yaml", strict_validation=True, validate_responses=validate_responses)
    threads.serve(app)
    spec_index = index_spec(app.middleware.apis[-1].specification)
    register_error_handlers(app, allowed_methods=spec_index.allowed_methods)

    flask_app = app.app
    # "//" is not "/": no silent redirects to addresses the spec does not define.
    flask_app.url_map.merge_slashes = False
    state.install(flask_app, identity)
    signed_config = signed_requests.SignedConfig(
        address_prefix=settings.wallet.address_prefix,
        window_ms=settings.wallet.signature_window_seconds * 1000,
        cipher=signed_requests.secret_cipher(settings.auth.api_key_pepper),
    )
    state.install(flask_app, signed_config)
    state.install(
        flask_app,
        providers_service.ProvidersConfig(
            settings=settings, identity=identity, billing=gateway_for(settings.billing)
        ),
    )
    db.init_app(flask_app, database)
    docs_paths = register_docs(flask_app, settings)

    # Outermost first: each add_middleware call lands just inside the previous one.
    labeller = endpoint_labeller(spec_index.templates, docs_paths)
    app.add_middleware(
        RequestContextMiddleware,
        position=MiddlewarePosition.BEFORE_EXCEPTION,
        endpoint_of=labeller,
        hsts_max_age=settings.server.hsts_max_age if settings.server.hsts else None,
        settings=settings,
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
    app.add_middleware(
        DeadlineMiddleware,
        position=MiddlewarePosition.BEFORE_ROUTING,
        seconds=settings.server.request_deadline_seconds,
    )
    app.add_middleware(
        RequestGuardMiddleware,
        position=MiddlewarePosition.BEFORE_ROUTING,
        max_bytes=settings.server.max_body_bytes,
    )

    subject_loaders: dict[str, identity_service.SubjectLoader] = {
        "account": identity_service.load_account_subject,
        "provider": providers_service.load_provider_subject,
    }

    # Authentication reads (a key's last-used UPDATE, at most once a minute, is one statement
    # standing on its own): autocommit, so no BEGIN/COMMIT round trips.
    def from_bearer(token: str) -> Principal | None:
        return database.run(
            lambda session: identity_service.principal_from_access_token(
                session, identity, token, subject_loaders
            ),
            autocommit=True,
        )

    def from_api_key(raw_key: str) -> Principal | None:
        return database.run(
            lambda session: identity_service.authenticate_api_key(
                session, identity.api_key_pepper, raw_key, subject_loaders
            ),
            autocommit=True,
        )

    trusted = TrustedProxies(settings.server.trusted_proxies)

    def ip_key(scope: Scope) -> str:
        return "ip:" + client_ip(scope, trusted)

    def client_key(scope: Scope) -> str:
        principal = resolved(scope).principal
        if principal is not None:
            return principal.rate_limit_key
        return ip_key(scope)

    limits = (
        RateLimits(
            per_minute=settings.rate_limit.requests_per_minute,
            auth_per_minute=settings.rate_limit.auth_requests_per_minute,
            storage_uri=settings.rate_limit.storage_uri,
            storage_timeout=settings.rate_limit.storage_timeout_seconds,
            storage_retry=settings.rate_limit.storage_retry_seconds,
        )
        if settings.rate_limit.enabled
        else None
    )
    flask_app.extensions[EXTENSION_KEY] = AppState(
        settings=settings, database=database, rate_limits=limits
    )

    def from_signed(
        request: signed_requests.SignedRequest, scope: Scope
    ) -> Principal | signed_requests.Rejection:
        def charge_new_account() -> None:
            # A new account is a sign-up: it spends the client's auth budget, like registration,
            # before anything is written (RateLimited otherwise).
            if limits is not None:
                on_loop(limits.charge_auth, ip_key(scope))

        # A transaction: the nonce, the account a first request creates, and the key's use.
        return database.run(
            lambda session: signed_requests.authenticate(
                session,
                signed_config,
                request,
                now_ms=time.time_ns() // 1_000_000,
                before_new_account=charge_new_account,
            )
        )

    app.add_middleware(
        AuthenticationMiddleware,
        position=MiddlewarePosition.BEFORE_ROUTING,
        from_bearer=from_bearer,
        from_api_key=from_api_key,
        from_signed=from_signed,
        threads=threads,
    )
    if limits is not None:
        app.add_middleware(
            RateLimitMiddleware,
            position=MiddlewarePosition.BEFORE_ROUTING,
            limits=limits,
            client_key=client_key,
            ip_key=ip_key,
        )

    app.add_middleware(
        AccessControlMiddleware,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        rules=spec_index.access,
        security=spec_index.security,
    )
    metrics.mark_up()
    return app
