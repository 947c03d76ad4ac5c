"""Settings: built-in defaults < YAML file < ``PROVIDER_REGISTRY_*`` environment.

An environment variable is the prefix, the section and the key joined by ``_`` and upper-cased:
``database.url`` is ``PROVIDER_REGISTRY_DATABASE_URL``, ``rate_limit.enabled`` is
``PROVIDER_REGISTRY_RATE_LIMIT_ENABLED``. Top-level keys (``environment``) drop the section.
Lists in the environment are comma-separated.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ENV_PREFIX = "PROVIDER_REGISTRY_"
CONFIG_FILE_ENV = ENV_PREFIX + "CONFIG"

# The repository root: api/, generated/ and node_modules/ are found from here unless configured.
PROJECT_ROOT = Path(__file__).resolve().parents[2]

MIN_JWT_SECRET_BYTES = 32
# Secrets copied from sample configurations; refusing them catches "I left the example in".
KNOWN_DEFAULT_SECRETS = frozenset(
    {
        "your-secret-key",
        "your-secret",
        "secret",
        "changeme",
        "change-me",
        "change-me-in-production",
        "development-secret",
        "dev-secret",
    }
)


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to change."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    # Requests with a larger body are refused with 413 before anything reads them.
    max_body_bytes: int = Field(default=1_048_576, ge=1024)
    # Send Strict-Transport-Security (only when TLS terminates in front of us).
    hsts: bool = False
    hsts_max_age: int = Field(default=31_536_000, ge=0)
    # Proxies whose X-Forwarded-For is believed: exact addresses, or networks in CIDR notation
    # (10.0.0.0/8). Empty: the socket peer is the client.
    trusted_proxies: list[str] = Field(default_factory=list)
    workers: int = Field(default=2, ge=1, le=64)
    # Request threads per worker: handlers and authentication's database reads run on them, each
    # with one pooled connection (the database pool is kept at least this large).
    threads: int = Field(default=10, ge=1, le=200)
    # On SIGTERM: serve this long with /ready answering 503 (so the load balancer stops routing
    # here) before closing the port, then give in-flight requests this long to finish
    # (kit.drain). A Kubernetes terminationGracePeriodSeconds must exceed the two together.
    drain_seconds: int = Field(default=5, ge=0, le=300)
    # A request not answered within this long gets 503 and changes nothing (kit.deadline).
    request_deadline_seconds: float = Field(default=30.0, gt=0, le=600)
    graceful_timeout_seconds: int = Field(default=20, ge=1, le=600)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks_parse(cls, value: list[str]) -> list[str]:
        for entry in value:
            if "/" in entry:
                try:
                    ipaddress.ip_network(entry, strict=False)
                except ValueError as exc:
                    raise ValueError(f"{entry!r} is not a network in CIDR notation") from exc
        return value


class DatabaseSettings(_Section):
    url: str = "sqlite:///provider-registry.db"
    pool_size: int = Field(default=10, ge=1, le=200)
    # A connection older than this is replaced at checkout (there is no pre-ping).
    pool_recycle_seconds: int = Field(default=1800, ge=1, le=86_400)
    echo: bool = False
    # Time limits on every PostgreSQL session, so nothing waits on the database unbounded: a
    # statement running longer is cancelled by the server, a lock not granted in time gives up,
    # a connection attempt fails, and a connection whose peer stopped answering (a frozen
    # network) is dropped: with a request on it once what was sent is unacknowledged for
    # connect_timeout_seconds (TCP_USER_TIMEOUT; the peer's kernel acknowledges at once however
    # busy PostgreSQL is, so this bounds a dead path, not a slow query), idle after about
    # keepalive_seconds + 2 x 3 s. Each surfaces as a 503 with Retry-After. 0 turns the
    # statement or lock limit off.
    statement_timeout_ms: int = Field(default=10_000, ge=0, le=3_600_000)
    lock_timeout_ms: int = Field(default=3_000, ge=0, le=3_600_000)
    connect_timeout_seconds: int = Field(default=5, ge=1, le=120)
    keepalive_seconds: int = Field(default=5, ge=1, le=600)

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, value: str) -> str:
        if not value.startswith(("sqlite:///", "postgresql://", "postgresql+psycopg2://")):
            raise ValueError("must start with sqlite:/// or postgresql://")
        return value


class JWTSettings(_Section):
    # HS256 (default) signs with `secret`. EdDSA signs with the Ed25519 private key in
    # `private_key_file` (PEM) and publishes the public key at /.well-known/jwks.json, so other
    # services can verify tokens without holding a secret.
    secret: str = ""
    algorithm: Literal["HS256", "EdDSA"] = "HS256"
    private_key_file: Path | None = None
    # Bounded so an issued token stays within the 4096 characters the API declares for it.
    issuer: str = Field(default="provider-registry", max_length=200)
    audience: str = Field(default="provider-registry-api", max_length=200)
    access_ttl_seconds: int = Field(default=900, ge=30, le=86_400)
    refresh_ttl_seconds: int = Field(default=30 * 86_400, ge=300)
    # A sign-in ends this long after it started, however often its refresh token is rotated.
    refresh_absolute_ttl_seconds: int = Field(default=30 * 86_400, ge=300)


class RateLimitSettings(_Section):
    enabled: bool = True
    # At most 1,000,000: the X-RateLimit-* headers declare that bound.
    requests_per_minute: int = Field(default=60, ge=1, le=1_000_000)
    # Sign-in, registration, refresh and key exchange: per client IP, much tighter.
    auth_requests_per_minute: int = Field(default=10, ge=1, le=1_000_000)
    storage_uri: str = "memory://"
    # A shared storage (Redis) slower than this is treated as down: the request is counted by
    # this process's own fallback limiter, and the storage is tried again after storage_retry.
    storage_timeout_seconds: float = Field(default=0.25, gt=0, le=10)
    storage_retry_seconds: float = Field(default=2.0, gt=0, le=300)


class CORSSettings(_Section):
    allowed_origins: list[str] = Field(default_factory=list)
    allow_credentials: bool = False
    allowed_methods: list[str] = Field(
        default_factory=lambda: ["GET", "POST", "PUT", "PATCH", "DELETE"]
    )
    allowed_headers: list[str] = Field(
        default_factory=lambda: [
            "Authorization",
            "Content-Type",
            "If-Match",
            "X-API-Key",
            "X-Request-ID",
            # Signed requests (walletAuth, hmacAuth).
            "X-VE-Address",
            "X-VE-Timestamp",
            "X-VE-Nonce",
            "X-VE-Signature",
            "X-VE-PubKey",
            "X-VE-Key-Id",
        ]
    )
    max_age: int = Field(default=600, ge=0)


class LogSettings(_Section):
    level: Literal["debug", "info", "warning", "error"] = "info"
    # Unset: console lines in development, JSON lines everywhere else.
    format: Literal["json", "console"] | None = None

    @field_validator("level", "format", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value


class AuthSettings(_Section):
    # bcrypt cost: 12 is about 0.25 s of CPU per hash on this hardware; tests lower it.
    bcrypt_rounds: int = Field(default=12, ge=4, le=16)
    # Server-side secret mixed into stored API-key hashes (HMAC-SHA256), so a leaked table alone
    # cannot confirm a key. Required, >= 32 bytes, outside development.
    api_key_pepper: str = ""


class ProvidersSettings(_Section):
    # Accept endpoint hosts on loopback, private, link-local and metadata addresses. Only for
    # development: in production a provider could otherwise point us at our own network.
    allow_private_endpoints: bool = False


class BillingSettings(_Section):
    # Empty: the built-in gateway (a row and an id). Otherwise the external billing service's
    # base URL; approvals POST {url}/accounts with an idempotency key derived from the provider.
    url: str = ""
    api_token: str = ""
    timeout_seconds: float = Field(default=5.0, gt=0, le=60)
    max_attempts: int = Field(default=4, ge=1, le=10)
    backoff_seconds: float = Field(default=0.2, ge=0, le=10)
    max_retry_after_seconds: float = Field(default=10.0, ge=0, le=120)
    # An approval claims its provider while it calls billing (outside any transaction); a claim
    # older than this was interrupted (a crash) and is completed or undone by the maintenance
    # job. Keep it above max_attempts x (timeout_seconds + max_retry_after_seconds).
    approval_timeout_seconds: int = Field(default=120, ge=10, le=3600)

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")


class WalletSettings(_Section):
    # The bech32 prefix every wallet address must carry (PROVIDER_REGISTRY_WALLET_ADDRESS_PREFIX).
    address_prefix: str = Field(default="virtengine", pattern=r"^[a-z]{1,40}$")
    # How far a signed request's timestamp may be from the server's clock, either way.
    signature_window_seconds: int = Field(default=300, ge=30, le=3600)


class PortalSettings(_Section):
    # Lifetime of a deployment shell session token.
    shell_token_ttl_seconds: int = Field(default=300, ge=30, le=3600)
    # Days between an invoice's period end and its due date.
    invoice_due_days: int = Field(default=30, ge=0, le=365)
    # Upper bound on the lines of one log-tail response, in bytes of JSON (a line is at most
    # 10,000 characters, so at least 64 KiB).
    log_tail_max_bytes: int = Field(default=1_048_576, ge=65_536, le=67_108_864)


class RetentionSettings(_Section):
    # What ``provider-registry maintenance`` deletes once older than this, by its own time: a
    # log line's ``ts``, a metrics report's ``reported_at`` (the latest report of a deployment
    # that stopped reporting).
    deployment_logs_days: int = Field(default=30, ge=1, le=3650)
    deployment_metrics_days: int = Field(default=90, ge=1, le=3650)


class MetricsSettings(_Section):
    # Empty: /metrics is open (keep it off the public network). Set: Prometheus must send
    # `Authorization: Bearer <token>`. At least 32 characters, since nothing rate-limits guesses.
    token: str = ""

    @field_validator("token")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        if value and len(value.encode()) < MIN_JWT_SECRET_BYTES:
            raise ValueError(f"must be empty or at least {MIN_JWT_SECRET_BYTES} bytes")
        return value


class BootstrapSettings(_Section):
    admin_email: str | None = None
    admin_password: str | None = None


class DocsSettings(_Section):
    # Where swagger-ui-dist and redoc are installed (npm); served locally, never from a CDN.
    assets_dir: Path = PROJECT_ROOT / "node_modules"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    environment: Literal["development", "test", "production"] = "production"
    api_dir: Path = PROJECT_ROOT / "api"
    generated_dir: Path = PROJECT_ROOT / "generated"
    server: ServerSettings = Field(default_factory=ServerSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    jwt: JWTSettings = Field(default_factory=JWTSettings)
    auth: AuthSettings = Field(default_factory=AuthSettings)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)
    cors: CORSSettings = Field(default_factory=CORSSettings)
    log: LogSettings = Field(default_factory=LogSettings)
    providers: ProvidersSettings = Field(default_factory=ProvidersSettings)
    billing: BillingSettings = Field(default_factory=BillingSettings)
    wallet: WalletSettings = Field(default_factory=WalletSettings)
    portal: PortalSettings = Field(default_factory=PortalSettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    bootstrap: BootstrapSettings = Field(default_factory=BootstrapSettings)
    docs: DocsSettings = Field(default_factory=DocsSettings)

    @property
    def is_development(self) -> bool:
        return self.environment == "development"


def _env_value(raw: str, annotation: Any) -> Any:
    """Environment values are strings; lists are comma-separated, the rest pydantic coerces."""
    if getattr(annotation, "__origin__", None) is list:
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


def _overlay_environment(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    for name, field in Settings.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, _Section):
            section = data.setdefault(name, {})
            if not isinstance(section, dict):
                raise ConfigError(f"configuration section '{name}' must be a mapping")
            for key, sub in annotation.model_fields.items():
                env_name = f"{ENV_PREFIX}{name}_{key}".upper()
                if env_name in environ:
                    section[key] = _env_value(environ[env_name], sub.annotation)
        else:
            env_name = f"{ENV_PREFIX}{name}".upper()
            if env_name in environ:
                data[name] = environ[env_name]


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read configuration file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"configuration file {path} is not valid YAML: {exc}") from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"configuration file {path} must hold a mapping at the top level")
    return loaded


def load_settings(
    config_file: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build and check the settings; raise ConfigError with a clear message when unusable."""
    environ = os.environ if environ is None else environ
    config_file = config_file or environ.get(CONFIG_FILE_ENV)
    data: dict[str, Any] = _read_yaml(Path(config_file)) if config_file else {}
    _overlay_environment(data, environ)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration: {problems}") from exc
    return _checked(settings)


def _checked(settings: Settings) -> Settings:
    cors = settings.cors
    if "*" in cors.allowed_origins and cors.allow_credentials:
        raise ConfigError(
            "cors.allowed_origins contains '*' while cors.allow_credentials is true: that would "
            "let every site make credentialed requests. List the allowed origins explicitly."
        )
    secret = settings.jwt.secret
    if settings.jwt.algorithm == "EdDSA":
        key_file = settings.jwt.private_key_file
        if key_file is None or not key_file.is_file():
            raise ConfigError(
                "jwt.algorithm is EdDSA but jwt.private_key_file "
                f"({key_file or 'unset'}) is not a readable file. Generate one with "
                "`openssl genpkey -algorithm ed25519 -out jwt-ed25519.pem`."
            )
    elif not settings.is_development:
        _check_secret("jwt.secret", "PROVIDER_REGISTRY_JWT_SECRET", secret)
    if not settings.is_development:
        _check_secret(
            "auth.api_key_pepper",
            "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER",
            settings.auth.api_key_pepper,
        )
    if settings.log.format is None:
        chosen = "console" if settings.is_development else "json"
        settings = settings.model_copy(
            update={"log": settings.log.model_copy(update={"format": chosen})}
        )
    if settings.is_development and not secret:
        # Development only: a per-process secret, so tokens die with the process.
        settings = settings.model_copy(
            update={"jwt": settings.jwt.model_copy(update={"secret": secrets.token_urlsafe(48)})}
        )
    if settings.is_development and not settings.auth.api_key_pepper:
        # Development only: API keys then stop working when the process restarts.
        settings = settings.model_copy(
            update={
                "auth": settings.auth.model_copy(
                    update={"api_key_pepper": secrets.token_urlsafe(48)}
                )
            }
        )
    return settings


def _check_secret(name: str, env_name: str, value: str) -> None:
    if not value:
        raise ConfigError(
            f"{name} is not set. Set {env_name} to a random value of at least "
            f"{MIN_JWT_SECRET_BYTES} bytes (e.g. `python -c 'import secrets; "
            "print(secrets.token_urlsafe(48))'`)."
        )
    if value.lower() in KNOWN_DEFAULT_SECRETS:
        raise ConfigError(f"{name} is a well-known example value; generate a random one.")
    if len(value.encode("utf-8")) < MIN_JWT_SECRET_BYTES:
        raise ConfigError(
            f"{name} is shorter than {MIN_JWT_SECRET_BYTES} bytes; use a longer random value."
        )
