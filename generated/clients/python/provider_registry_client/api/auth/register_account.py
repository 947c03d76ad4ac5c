from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.account import Account
from ...models.account_create import AccountCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: AccountCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Account | Problem:
    if response.status_code == 201:
        response_201 = Account.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Account | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountCreate,
) -> Response[Account | Problem]:
    """Create an account

     Self-registration as a `consumer` (default) or `provider`. Nobody can register as an
    admin or viewer. The email must be unused (case-insensitive).

    Args:
        body (AccountCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'first_name': 'Ada', 'last_name': 'Lovelace', 'role': 'consumer'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
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
    body: AccountCreate,
) -> Account | Problem | None:
    """Create an account

     Self-registration as a `consumer` (default) or `provider`. Nobody can register as an
    admin or viewer. The email must be unused (case-insensitive).

    Args:
        body (AccountCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'first_name': 'Ada', 'last_name': 'Lovelace', 'role': 'consumer'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountCreate,
) -> Response[Account | Problem]:
    """Create an account

     Self-registration as a `consumer` (default) or `provider`. Nobody can register as an
    admin or viewer. The email must be unused (case-insensitive).

    Args:
        body (AccountCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'first_name': 'Ada', 'last_name': 'Lovelace', 'role': 'consumer'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AccountCreate,
) -> Account | Problem | None:
    """Create an account

     Self-registration as a `consumer` (default) or `provider`. Nobody can register as an
    admin or viewer. The email must be unused (case-insensitive).

    Args:
        body (AccountCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'first_name': 'Ada', 'last_name': 'Lovelace', 'role': 'consumer'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
