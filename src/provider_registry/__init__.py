"""Provider Registry: one spec-first API for providers, tenants and admins."""

from importlib.metadata import PackageNotFoundError, version

SERVICE_NAME = "provider-registry"

try:
    __version__ = version("provider-registry")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+unknown"
