"""structlog for our logs and the stdlib's (uvicorn, gunicorn, connexion, sqlalchemy) alike:
JSON lines in production, readable console lines in development; the request id in every line."""

from __future__ import annotations

import logging
import sys

import structlog

from provider_registry.config import LogSettings


def configure_logging(settings: LogSettings) -> None:
    level = getattr(logging, settings.level.upper())
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor
    if settings.format == "json":
        renderer = structlog.processors.JSONRenderer()
        shared.append(structlog.processors.format_exc_info)
    else:
        renderer = structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())

    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(level)
    # Servers install their own handlers; route them through ours. Our access log replaces
    # uvicorn's (it has the request id, route template and duration).
    for name in ("uvicorn", "uvicorn.error", "gunicorn.error", "connexion"):
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True
    # Connexion warns, per operation, that an operation with a JSON and a form body "uses
    # application/json" for its defaults: true of our login, and not actionable.
    logging.getLogger("connexion.operations.openapi3").setLevel(logging.ERROR)
    logging.getLogger("gunicorn.access").disabled = True
