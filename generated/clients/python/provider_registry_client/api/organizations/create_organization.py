from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.organization import Organization
from ...models.organization_create import OrganizationCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: OrganizationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/organizations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Organization | Problem:
    if response.status_code == 201:
        response_201 = Organization.from_dict(response.json())

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
) -> Response[Organization | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganizationCreate,
) -> Response[Organization | Problem]:
    """Create an organization

     Accounts only (`organizations:write`). The caller becomes the organization's first `admin`.
    The answer has the new organization and its address in `Location`. An invalid body is 400
    `VALIDATION_ERROR` (a name with control characters or only spaces: field code `INVALID_NAME`).

    Args:
        body (OrganizationCreate):  Example: {'name': 'Acme Research', 'description': "The
            research team's GPU workloads."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Organization | Problem]
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
    body: OrganizationCreate,
) -> Organization | Problem | None:
    """Create an organization

     Accounts only (`organizations:write`). The caller becomes the organization's first `admin`.
    The answer has the new organization and its address in `Location`. An invalid body is 400
    `VALIDATION_ERROR` (a name with control characters or only spaces: field code `INVALID_NAME`).

    Args:
        body (OrganizationCreate):  Example: {'name': 'Acme Research', 'description': "The
            research team's GPU workloads."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Organization | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganizationCreate,
) -> Response[Organization | Problem]:
    """Create an organization

     Accounts only (`organizations:write`). The caller becomes the organization's first `admin`.
    The answer has the new organization and its address in `Location`. An invalid body is 400
    `VALIDATION_ERROR` (a name with control characters or only spaces: field code `INVALID_NAME`).

    Args:
        body (OrganizationCreate):  Example: {'name': 'Acme Research', 'description': "The
            research team's GPU workloads."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Organization | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrganizationCreate,
) -> Organization | Problem | None:
    """Create an organization

     Accounts only (`organizations:write`). The caller becomes the organization's first `admin`.
    The answer has the new organization and its address in `Location`. An invalid body is 400
    `VALIDATION_ERROR` (a name with control characters or only spaces: field code `INVALID_NAME`).

    Args:
        body (OrganizationCreate):  Example: {'name': 'Acme Research', 'description': "The
            research team's GPU workloads."}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Organization | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
