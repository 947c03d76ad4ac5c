from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.hmac_key_create import HmacKeyCreate
from ...models.hmac_key_created import HmacKeyCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: HmacKeyCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/hmac-keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HmacKeyCreated | Problem:
    if response.status_code == 201:
        response_201 = HmacKeyCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HmacKeyCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: HmacKeyCreate,
) -> Response[HmacKeyCreated | Problem]:
    """Create an HMAC signing key (deprecated)

     For legacy integrations that sign requests with `hmacAuth`; new integrations should use an
    API key or `walletAuth`. Needs a signed-in session (a bearer token). The secret is in this
    response only; the server keeps it encrypted, because it must recompute signatures. A
    signed request acts with the scopes of your role.

    Args:
        body (HmacKeyCreate):  Example: {'name': 'legacy billing sync'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HmacKeyCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: HmacKeyCreate,
) -> HmacKeyCreated | Problem | None:
    """Create an HMAC signing key (deprecated)

     For legacy integrations that sign requests with `hmacAuth`; new integrations should use an
    API key or `walletAuth`. Needs a signed-in session (a bearer token). The secret is in this
    response only; the server keeps it encrypted, because it must recompute signatures. A
    signed request acts with the scopes of your role.

    Args:
        body (HmacKeyCreate):  Example: {'name': 'legacy billing sync'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HmacKeyCreated | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: HmacKeyCreate,
) -> Response[HmacKeyCreated | Problem]:
    """Create an HMAC signing key (deprecated)

     For legacy integrations that sign requests with `hmacAuth`; new integrations should use an
    API key or `walletAuth`. Needs a signed-in session (a bearer token). The secret is in this
    response only; the server keeps it encrypted, because it must recompute signatures. A
    signed request acts with the scopes of your role.

    Args:
        body (HmacKeyCreate):  Example: {'name': 'legacy billing sync'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HmacKeyCreated | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: HmacKeyCreate,
) -> HmacKeyCreated | Problem | None:
    """Create an HMAC signing key (deprecated)

     For legacy integrations that sign requests with `hmacAuth`; new integrations should use an
    API key or `walletAuth`. Needs a signed-in session (a bearer token). The secret is in this
    response only; the server keeps it encrypted, because it must recompute signatures. A
    signed request acts with the scopes of your role.

    Args:
        body (HmacKeyCreate):  Example: {'name': 'legacy billing sync'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HmacKeyCreated | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
