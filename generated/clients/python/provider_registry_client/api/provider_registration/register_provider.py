from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.provider_registered import ProviderRegistered
from ...models.provider_registration import ProviderRegistration
from ...types import Response


def _get_kwargs(
    *,
    body: ProviderRegistration,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/registration/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProviderRegistered:
    if response.status_code == 201:
        response_201 = ProviderRegistered.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ProviderRegistered]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderRegistration,
) -> Response[Problem | ProviderRegistered]:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderRegistration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderRegistered]
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
    body: ProviderRegistration,
) -> Problem | ProviderRegistered | None:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderRegistration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderRegistered
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderRegistration,
) -> Response[Problem | ProviderRegistered]:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderRegistration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderRegistered]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderRegistration,
) -> Problem | ProviderRegistered | None:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderRegistration):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderRegistered
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
