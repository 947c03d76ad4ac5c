from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.principal import Principal
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/auth/me",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Principal | Problem:
    if response.status_code == 200:
        response_200 = Principal.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Principal | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Principal | Problem]:
    """The calling principal

     Who the credentials belong to, whichever way they were sent (bearer token, API key, wallet
    signature or HMAC): the principal's kind (`account` or `provider`) and id, its role, the
    scopes this credential carries, how it authenticated, the provider id for a provider, and
    the account record for an account. Needs the `account:read` scope. 404
    (`ACCOUNT_NOT_FOUND`) when the account behind a still-valid credential no longer exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Principal | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Principal | Problem | None:
    """The calling principal

     Who the credentials belong to, whichever way they were sent (bearer token, API key, wallet
    signature or HMAC): the principal's kind (`account` or `provider`) and id, its role, the
    scopes this credential carries, how it authenticated, the provider id for a provider, and
    the account record for an account. Needs the `account:read` scope. 404
    (`ACCOUNT_NOT_FOUND`) when the account behind a still-valid credential no longer exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Principal | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Principal | Problem]:
    """The calling principal

     Who the credentials belong to, whichever way they were sent (bearer token, API key, wallet
    signature or HMAC): the principal's kind (`account` or `provider`) and id, its role, the
    scopes this credential carries, how it authenticated, the provider id for a provider, and
    the account record for an account. Needs the `account:read` scope. 404
    (`ACCOUNT_NOT_FOUND`) when the account behind a still-valid credential no longer exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Principal | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Principal | Problem | None:
    """The calling principal

     Who the credentials belong to, whichever way they were sent (bearer token, API key, wallet
    signature or HMAC): the principal's kind (`account` or `provider`) and id, its role, the
    scopes this credential carries, how it authenticated, the provider id for a provider, and
    the account record for an account. Needs the `account:read` scope. 404
    (`ACCOUNT_NOT_FOUND`) when the account behind a still-valid credential no longer exists.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Principal | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
