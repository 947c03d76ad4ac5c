from __future__ import annotations

from pathlib import Path

import pytest

from provider_registry.config import ConfigError, load_settings

pytestmark = pytest.mark.unit

GOOD_SECRET = "x" * 40
SECRETS = {
    "PROVIDER_REGISTRY_JWT_SECRET": GOOD_SECRET,
    "PROVIDER_REGISTRY_AUTH_API_KEY_PEPPER": "p" * 40,
}


def test_defaults_are_production_and_refuse_a_missing_secret() -> None:
    with pytest.raises(ConfigError, match=r"jwt\.secret is not set"):
        load_settings(environ={})


def test_yaml_overrides_defaults_and_environment_overrides_yaml(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        "server:\n  host: 0.0.0.0\n  port: 9000\n"
        "rate_limit:\n  requests_per_minute: 10\n"
        f"jwt:\n  secret: {GOOD_SECRET}\n"
        f"auth:\n  api_key_pepper: {GOOD_SECRET}\n"
    )
    settings = load_settings(
        config_file=config,
        environ={
            "PROVIDER_REGISTRY_SERVER_PORT": "9100",
            "PROVIDER_REGISTRY_CORS_ALLOWED_ORIGINS": "https://a.example, https://b.example",
            "PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "false",
            "PROVIDER_REGISTRY_LOG_FORMAT": "console",
            "PROVIDER_REGISTRY_LOG_LEVEL": "DEBUG",
        },
    )
    assert settings.server.host == "0.0.0.0"
    assert settings.server.port == 9100
    assert settings.rate_limit.requests_per_minute == 10
    assert settings.rate_limit.enabled is False
    assert settings.cors.allowed_origins == ["https://a.example", "https://b.example"]
    assert settings.log.format == "console"
    assert settings.log.level == "debug"
    assert settings.database.url == "sqlite:///provider-registry.db"


def test_config_file_from_environment(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("environment: development\ndatabase:\n  url: sqlite:////tmp/x.db\n")
    settings = load_settings(environ={"PROVIDER_REGISTRY_CONFIG": str(config)})
    assert settings.database.url == "sqlite:////tmp/x.db"


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        ("short-secret", "shorter than 32 bytes"),
        ("your-secret-key", "well-known example"),
        ("changeme", "well-known example"),
    ],
)
@pytest.mark.parametrize("variable", ["JWT_SECRET", "AUTH_API_KEY_PEPPER"])
def test_outside_development_weak_secrets_are_refused(
    secret: str, message: str, variable: str
) -> None:
    for environment in ("production", "test"):
        env = {
            **SECRETS,
            "PROVIDER_REGISTRY_ENVIRONMENT": environment,
            f"PROVIDER_REGISTRY_{variable}": secret,
        }
        with pytest.raises(ConfigError, match=message):
            load_settings(environ=env)


def test_outside_development_a_missing_pepper_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"auth\.api_key_pepper is not set"):
        load_settings(environ={"PROVIDER_REGISTRY_JWT_SECRET": GOOD_SECRET})


def test_development_makes_per_process_secrets_when_none_are_set() -> None:
    first = load_settings(environ={"PROVIDER_REGISTRY_ENVIRONMENT": "development"})
    second = load_settings(environ={"PROVIDER_REGISTRY_ENVIRONMENT": "development"})
    assert len(first.jwt.secret) >= 32
    assert first.jwt.secret != second.jwt.secret
    assert len(first.auth.api_key_pepper) >= 32
    assert first.auth.api_key_pepper != second.auth.api_key_pepper


def test_cors_wildcard_with_credentials_is_refused_in_every_environment() -> None:
    for environment in ("development", "production"):
        with pytest.raises(ConfigError, match="allow_credentials"):
            load_settings(
                environ={
                    "PROVIDER_REGISTRY_ENVIRONMENT": environment,
                    **SECRETS,
                    "PROVIDER_REGISTRY_CORS_ALLOWED_ORIGINS": "*",
                    "PROVIDER_REGISTRY_CORS_ALLOW_CREDENTIALS": "true",
                }
            )


def test_wildcard_without_credentials_is_allowed() -> None:
    settings = load_settings(environ={**SECRETS, "PROVIDER_REGISTRY_CORS_ALLOWED_ORIGINS": "*"})
    assert settings.cors.allowed_origins == ["*"]


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({"PROVIDER_REGISTRY_SERVER_PORT": "70000"}, "server.port"),
        ({"PROVIDER_REGISTRY_SERVER_PORT": "eighty"}, "server.port"),
        ({"PROVIDER_REGISTRY_DATABASE_URL": "mysql://x"}, "database.url"),
        ({"PROVIDER_REGISTRY_LOG_FORMAT": "xml"}, "log.format"),
        ({"PROVIDER_REGISTRY_RATE_LIMIT_ENABLED": "perhaps"}, "rate_limit.enabled"),
    ],
)
def test_invalid_values_name_the_setting(env: dict[str, str], fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment.replace(".", r"\.")):
        load_settings(environ={**SECRETS, **env})


def test_unknown_yaml_keys_are_refused(tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text("server:\n  prot: 8080\n")
    with pytest.raises(ConfigError, match=r"server\.prot"):
        load_settings(config_file=config, environ=SECRETS)


def test_unreadable_or_malformed_yaml_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(config_file=tmp_path / "missing.yaml", environ={})
    bad = tmp_path / "bad.yaml"
    bad.write_text("server: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_settings(config_file=bad, environ={})


def test_log_format_follows_the_environment_unless_set() -> None:
    dev = load_settings(environ={"PROVIDER_REGISTRY_ENVIRONMENT": "development"})
    prod = load_settings(environ=SECRETS)
    forced = load_settings(
        environ={
            "PROVIDER_REGISTRY_ENVIRONMENT": "development",
            "PROVIDER_REGISTRY_LOG_FORMAT": "json",
        }
    )
    assert (dev.log.format, prod.log.format, forced.log.format) == ("console", "json", "json")
