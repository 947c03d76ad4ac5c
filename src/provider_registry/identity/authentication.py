"""Resolve the caller once per request, before routing, so the rate limiter can key on who is
calling and Connexion's security handlers (``security.py``) only read the result.

A bearer token's signature and claims are checked first, then its subject is loaded (one
primary-key lookup, on a request thread: ``kit.threads``) so a disabled, demoted or suspended
subject or a revoked key stops its tokens at once; an API key costs one primary-key lookup
too, and only when its checksum is right. A signed request (``X-VE-*`` headers, wallet or
HMAC) is checked over its whole body, which is read here (RequestGuard has already bounded it)
and handed on unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from provider_registry.identity import signing
from provider_registry.identity.errors import RepeatedQueryParameter
from provider_registry.identity.principal import Principal
from provider_registry.identity.signed_requests import Rejection, SignedRequest
from provider_registry.kit.errors import FieldIssue
from provider_registry.kit.middleware import header, read_body, replay_body
from provider_registry.kit.threads import RequestThreads

RESOLVED = "provider_registry.principals"


@dataclass(frozen=True, slots=True)
class Resolved:
    bearer: Principal | None = None
    api_key: Principal | None = None
    wallet: Principal | None = None
    hmac: Principal | None = None
    # Why signature headers that were present did not authenticate, for a precise 401.
    rejection: Rejection | None = None

    @property
    def principal(self) -> Principal | None:
        return self.bearer or self.api_key or self.wallet or self.hmac


EMPTY = Resolved()


def resolved(scope: Scope) -> Resolved:
    value = scope.get("extensions", {}).get(RESOLVED)
    return value if isinstance(value, Resolved) else EMPTY


class AuthenticationMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        from_bearer: Callable[[str], Principal | None],
        from_api_key: Callable[[str], Principal | None],
        from_signed: Callable[[SignedRequest, Scope], Principal | Rejection],
        threads: RequestThreads,
    ) -> None:
        self.app = app
        self.threads = threads
        self.from_bearer = from_bearer
        self.from_api_key = from_api_key
        self.from_signed = from_signed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            bearer = api_key = None
            authorization = header(scope, b"authorization")
            if authorization and authorization[:7].lower() == b"bearer ":
                # The subject is loaded (one primary-key read), so revocations apply at once.
                bearer = await self.threads.run(
                    self.from_bearer, authorization[7:].strip().decode("latin-1")
                )
            raw_key = header(scope, b"x-api-key")
            if raw_key and bearer is None:
                api_key = await self.threads.run(
                    self.from_api_key, raw_key.strip().decode("latin-1")
                )
            if bearer or api_key:
                scope.setdefault("extensions", {})[RESOLVED] = Resolved(bearer, api_key)
            elif header(scope, b"x-ve-signature") is not None:
                repeated = signing.repeated_query_names(scope.get("query_string", b""))
                if repeated:
                    raise RepeatedQueryParameter(
                        "A signed request may name each query parameter once; repeated: "
                        + ", ".join(repeated)
                        + ".",
                        errors=[
                            FieldIssue(name, "given more than once", "REPEATED_QUERY_PARAMETER")
                            for name in repeated
                        ],
                    )
                body = await read_body(receive)
                result = await self.threads.run(self.from_signed, _signed(scope, body), scope)
                scope.setdefault("extensions", {})[RESOLVED] = _resolved_signed(result)
                receive = replay_body(body, receive)
        await self.app(scope, receive, send)


def _signed(scope: Scope, body: bytes) -> SignedRequest:
    headers = {
        name.decode("latin-1").lower(): value.decode("latin-1").strip()
        for name, value in scope["headers"]
        if name.lower().startswith(b"x-ve-")
    }
    raw_path = scope.get("raw_path") or scope["path"].encode()
    return SignedRequest(
        method=scope["method"],
        path=raw_path.decode("latin-1"),
        query_string=scope.get("query_string", b""),
        body=body,
        headers=headers,
    )


def _resolved_signed(result: Principal | Rejection) -> Resolved:
    if isinstance(result, Rejection):
        return Resolved(rejection=result)
    if result.auth_method == "hmac":
        return Resolved(hmac=result)
    return Resolved(wallet=result)
