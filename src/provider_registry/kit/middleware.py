"""ASGI middleware around Connexion's stack: request id, logs, metrics, headers, body limit.

Pure ASGI (no BaseHTTPMiddleware) because each layer here runs on every request.
"""

from __future__ import annotations

import ipaddress
import re
import time
import uuid
from collections.abc import Callable, Iterable

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from provider_registry.kit import metrics
from provider_registry.kit.context import request_id_var
from provider_registry.kit.drain import draining
from provider_registry.kit.errors import (
    FieldIssue,
    MalformedBody,
    NotFound,
    PayloadTooLarge,
    ValidationFailed,
)

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
ROUTING_CONTEXT = "connexion_routing"
EXTRA_HEADERS = "provider_registry.response_headers"
SETTINGS_KEY = "provider_registry.settings"  # read by validators that depend on configuration

access_log = structlog.get_logger("provider_registry.access")


def add_response_headers(scope: Scope, headers: list[tuple[bytes, bytes]]) -> None:
    """Ask RequestContextMiddleware to add these headers to whatever response this request gets,
    including problem responses built by the exception middleware outside the caller."""
    scope.setdefault("extensions", {}).setdefault(EXTRA_HEADERS, []).extend(headers)


def header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value)
    return None


class RequestContextMiddleware:
    """Outermost of ours: every response, errors and CORS preflights included, passes here.

    - keeps a well-formed ``X-Request-ID`` or makes one, binds it into every log line and echoes it;
    - adds the security headers (and ``Cache-Control: no-store`` unless the response set its own);
    - counts the request in Prometheus by route template and writes one access-log line.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        endpoint_of: Callable[[str | None, str], str],
        hsts_max_age: int | None = None,
        settings: object = None,
    ) -> None:
        self.app = app
        self.settings = settings
        self.endpoint_of = endpoint_of
        headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
        ]
        if hsts_max_age is not None:
            value = f"max-age={hsts_max_age}; includeSubDomains".encode()
            headers.append((b"strict-transport-security", value))
        self.security_headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        # Connexion's router works on a shallow copy of the scope and records the matched
        # operation in scope["extensions"]; a dict we own here is shared with that copy.
        extensions = scope.setdefault("extensions", {})
        extensions[SETTINGS_KEY] = self.settings
        incoming = header(scope, b"x-request-id")
        request_id = incoming.decode("latin-1") if incoming else ""
        if not _REQUEST_ID.match(request_id):
            request_id = str(uuid.uuid4())
        token = request_id_var.set(request_id)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.perf_counter()
        status_holder = [500]
        rid = request_id.encode("latin-1")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder[0] = message["status"]
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"
                ]
                present = {k.lower() for k, _ in headers}
                headers.append((b"x-request-id", rid))
                headers.extend(h for h in extensions.get(EXTRA_HEADERS, ()) if h[0] not in present)
                headers.extend(h for h in self.security_headers if h[0] not in present)
                if b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                if draining():
                    # No idle keep-alive connection may be left to a closing port.
                    headers.append((b"connection", b"close"))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            routing = extensions.get(ROUTING_CONTEXT, {})
            endpoint = self.endpoint_of(routing.get("operation_id"), scope["path"])
            status = status_holder[0]
            metrics.observe_request(scope["method"], endpoint, status, elapsed)
            access_log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                endpoint=endpoint,
                status=status,
                duration_ms=round(elapsed * 1000, 2),
            )
            structlog.contextvars.unbind_contextvars("request_id")
            request_id_var.reset(token)


class RequestGuardMiddleware:
    """Cheap checks before routing, inside Connexion's exception middleware (so what it raises
    becomes problem+json):

    - a path with control characters is 404: no route has them, and Starlette's router and
      Flask's disagree about them (Flask would match and then fail outside operation context);
    - a body over ``max_bytes`` is 413 before anything buffers it: a declared Content-Length is
      checked up front, a streamed body is counted as it arrives;
    - the media type of Content-Type is lower-cased (it is case-insensitive, but Connexion looks
      up the body schema, and so the validator, with the header's spelling).
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self) -> PayloadTooLarge:
        return PayloadTooLarge(f"The request body is larger than {self.max_bytes} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _CONTROL_CHARACTERS.search(scope["path"]):
            raise NotFound("Nothing exists at this address.")
        if b"%00" in scope.get("query_string", b"").lower():
            raise ValidationFailed(
                "The query string contains a NUL character.",
                errors=[FieldIssue("", "contains %00", "INVALID_CHARACTER")],
            )
        scope = _canonical_content_type(scope)
        declared = header(scope, b"content-length")
        if declared is not None:
            if not declared.isdigit():
                raise MalformedBody("The Content-Length header is not a number.")
            if int(declared) > self.max_bytes:
                raise self._too_large()
            await self.app(scope, receive, send)
            return
        if header(scope, b"transfer-encoding") is None:
            await self.app(scope, receive, send)
            return
        # A streamed (chunked) body: read it up to the limit, then hand it on with a
        # Content-Length, which Connexion's validators rely on to see that a body is present.
        body = await self._read_limited(receive)
        scope = dict(scope)
        scope["headers"] = [
            *(h for h in scope["headers"] if h[0] != b"transfer-encoding"),
            (b"content-length", str(len(body)).encode()),
        ]
        await self.app(scope, replay_body(body, receive), send)

    async def _read_limited(self, receive: Receive) -> bytes:
        return await read_body(receive, self.max_bytes, self._too_large)


async def read_body(
    receive: Receive,
    max_bytes: int | None = None,
    too_large: Callable[[], Exception] | None = None,
) -> bytes:
    """A request's whole body, from every ``http.request`` message; past ``max_bytes`` (when
    given) ``too_large()`` is raised before more is read."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if max_bytes is not None and size > max_bytes and too_large is not None:
            raise too_large()
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def replay_body(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the app ``body`` (already read) once, then what follows."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _canonical_content_type(scope: Scope) -> Scope:
    content_type = header(scope, b"content-type")
    if content_type is None:
        return scope
    media_type, separator, parameters = content_type.partition(b";")
    canonical = media_type.strip().lower() + separator + parameters
    if canonical == content_type:
        return scope
    scope = dict(scope)  # shallow: the extensions dict stays shared with the caller's scope
    scope["headers"] = [
        (name, canonical if name == b"content-type" else value) for name, value in scope["headers"]
    ]
    return scope


def endpoint_labeller(
    operations: dict[str, str], static_paths: Iterable[str]
) -> Callable[[str | None, str], str]:
    """Map a request to a bounded Prometheus label: its route template, never the raw path."""
    static = frozenset(static_paths)

    def endpoint_of(operation_id: str | None, path: str) -> str:
        if operation_id is not None:
            return operations.get(operation_id, "unmatched")
        if path in static:
            return path
        return "unmatched"

    return endpoint_of


class TrustedProxies:
    """``server.trusted_proxies``: exact addresses, and networks in CIDR notation (a Kubernetes
    ingress's pods change addresses; their network does not)."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._exact = frozenset(entries)
        self._networks = tuple(
            ipaddress.ip_network(entry, strict=False) for entry in self._exact if "/" in entry
        )

    def __contains__(self, address: object) -> bool:
        if address in self._exact:
            return True
        if not self._networks or not isinstance(address, str):
            return False
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self._networks)


def client_ip(scope: Scope, trusted_proxies: TrustedProxies) -> str:
    """The client's address: the socket peer, or X-Forwarded-For's nearest untrusted hop when the
    peer is a configured trusted proxy (a client can't spoof its way past our proxies)."""
    peer = scope.get("client")
    address = peer[0] if peer else "unknown"
    if address not in trusted_proxies:
        return str(address)
    # Every X-Forwarded-For line, in order: proxies may append a line rather than extend one,
    # and the client controls the first.
    lines = [value for key, value in scope["headers"] if key == b"x-forwarded-for"]
    if not lines:
        return str(address)
    hops: list[str] = [
        hop.strip()
        for line in lines
        for hop in bytes(line).decode("latin-1").split(",")
        if hop.strip()
    ]
    for hop in reversed(hops):
        if hop not in trusted_proxies:
            return hop
    return hops[0] if hops else str(address)
