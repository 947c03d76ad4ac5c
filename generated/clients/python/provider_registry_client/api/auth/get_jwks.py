from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.jwks import JWKS
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/.well-known/jwks.json",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JWKS | Problem:
    if response.status_code == 200:
        response_200 = JWKS.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[JWKS | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JWKS | Problem]:
    """Public keys for verifying access tokens

     A JSON Web Key Set. With EdDSA signing (`jwt.algorithm: EdDSA`) it holds the Ed25519 public
    key (its `kid` is in every token's header), so other services can verify our tokens
    without a shared secret. With HS256 (the default) the set is empty: a shared secret is
    never published.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JWKS | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> JWKS | Problem | None:
    """Public keys for verifying access tokens

     A JSON Web Key Set. With EdDSA signing (`jwt.algorithm: EdDSA`) it holds the Ed25519 public
    key (its `kid` is in every token's header), so other services can verify our tokens
    without a shared secret. With HS256 (the default) the set is empty: a shared secret is
    never published.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JWKS | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[JWKS | Problem]:
    """Public keys for verifying access tokens

     A JSON Web Key Set. With EdDSA signing (`jwt.algorithm: EdDSA`) it holds the Ed25519 public
    key (its `kid` is in every token's header), so other services can verify our tokens
    without a shared secret. With HS256 (the default) the set is empty: a shared secret is
    never published.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JWKS | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> JWKS | Problem | None:
    """Public keys for verifying access tokens

     A JSON Web Key Set. With EdDSA signing (`jwt.algorithm: EdDSA`) it holds the Ed25519 public
    key (its `kid` is in every token's header), so other services can verify our tokens
    without a shared secret. With HS256 (the default) the set is empty: a shared secret is
    never published.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JWKS | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
