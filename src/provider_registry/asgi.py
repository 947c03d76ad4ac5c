"""The ASGI application for servers: ``provider_registry.asgi:app``."""

from provider_registry.app import create_app

app = create_app()
