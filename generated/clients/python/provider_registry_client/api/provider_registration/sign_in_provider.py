from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.provider_sign_in import ProviderSignIn
from ...models.token_pair import TokenPair
from ...types import Response


def _get_kwargs(
    *,
    body: ProviderSignIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/registration/auth",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TokenPair:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderSignIn,
) -> Response[Problem | TokenPair]:
    """Exchange a provider API key for tokens

     Returns an access and refresh token for the provider (a pending provider may sign in too). A wrong
    key and an unknown provider get the same 401. The tokens hold at most the key's scopes, also after
    refresh; the session ends when the key is revoked or expires.

    Args:
        body (ProviderSignIn):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'api_key': 'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c
            7f2a9d4_cb5c2be0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
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
    client: AuthenticatedClient | Client,
    body: ProviderSignIn,
) -> Problem | TokenPair | None:
    """Exchange a provider API key for tokens

     Returns an access and refresh token for the provider (a pending provider may sign in too). A wrong
    key and an unknown provider get the same 401. The tokens hold at most the key's scopes, also after
    refresh; the session ends when the key is revoked or expires.

    Args:
        body (ProviderSignIn):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'api_key': 'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c
            7f2a9d4_cb5c2be0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderSignIn,
) -> Response[Problem | TokenPair]:
    """Exchange a provider API key for tokens

     Returns an access and refresh token for the provider (a pending provider may sign in too). A wrong
    key and an unknown provider get the same 401. The tokens hold at most the key's scopes, also after
    refresh; the session ends when the key is revoked or expires.

    Args:
        body (ProviderSignIn):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'api_key': 'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c
            7f2a9d4_cb5c2be0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderSignIn,
) -> Problem | TokenPair | None:
    """Exchange a provider API key for tokens

     Returns an access and refresh token for the provider (a pending provider may sign in too). A wrong
    key and an unknown provider get the same 401. The tokens hold at most the key's scopes, also after
    refresh; the session ends when the key is revoked or expires.

    Args:
        body (ProviderSignIn):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'api_key': 'ppk_9d8e7f6a5b4c4d3e8f2a1b0c9d8e7f6a_b7e2c9f4a1d6e3b8c5f0a7d2e9b4c1f6a3d8e5b0c
            7f2a9d4_cb5c2be0'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
