from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deployment import Deployment
from ...models.deployment_create import DeploymentCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: DeploymentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/deployments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Deployment | Problem:
    if response.status_code == 201:
        response_201 = Deployment.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
) -> Response[Deployment | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DeploymentCreate,
) -> Response[Deployment | Problem]:
    """Create a deployment (pending until the provider accepts it)

     An account (`deployments:write`) asks an approved provider for resources. The deployment
    starts `pending`; the provider accepts it through the provider API.

    Errors: 400 `VALIDATION_ERROR` (field codes such as `TOO_MANY_DECIMALS`, `INVALID_NAME`,
    `UNKNOWN_FIELD`); 422 `PROVIDER_NOT_AVAILABLE` (unknown or not approved: the same answer),
    `SERVICE_NOT_AVAILABLE` (not an active service of that provider),
    `ORGANIZATION_NOT_AVAILABLE` (not an organization where you are an admin or member) and
    `INSUFFICIENT_CAPACITY` (more than the provider declared); 403 for provider principals or
    keys without the scope.

    Args:
        body (DeploymentCreate):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'organization_id':
            'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'inference-us-west-1', 'resources':
            {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
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
    body: DeploymentCreate,
) -> Deployment | Problem | None:
    """Create a deployment (pending until the provider accepts it)

     An account (`deployments:write`) asks an approved provider for resources. The deployment
    starts `pending`; the provider accepts it through the provider API.

    Errors: 400 `VALIDATION_ERROR` (field codes such as `TOO_MANY_DECIMALS`, `INVALID_NAME`,
    `UNKNOWN_FIELD`); 422 `PROVIDER_NOT_AVAILABLE` (unknown or not approved: the same answer),
    `SERVICE_NOT_AVAILABLE` (not an active service of that provider),
    `ORGANIZATION_NOT_AVAILABLE` (not an organization where you are an admin or member) and
    `INSUFFICIENT_CAPACITY` (more than the provider declared); 403 for provider principals or
    keys without the scope.

    Args:
        body (DeploymentCreate):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'organization_id':
            'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'inference-us-west-1', 'resources':
            {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DeploymentCreate,
) -> Response[Deployment | Problem]:
    """Create a deployment (pending until the provider accepts it)

     An account (`deployments:write`) asks an approved provider for resources. The deployment
    starts `pending`; the provider accepts it through the provider API.

    Errors: 400 `VALIDATION_ERROR` (field codes such as `TOO_MANY_DECIMALS`, `INVALID_NAME`,
    `UNKNOWN_FIELD`); 422 `PROVIDER_NOT_AVAILABLE` (unknown or not approved: the same answer),
    `SERVICE_NOT_AVAILABLE` (not an active service of that provider),
    `ORGANIZATION_NOT_AVAILABLE` (not an organization where you are an admin or member) and
    `INSUFFICIENT_CAPACITY` (more than the provider declared); 403 for provider principals or
    keys without the scope.

    Args:
        body (DeploymentCreate):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'organization_id':
            'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'inference-us-west-1', 'resources':
            {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DeploymentCreate,
) -> Deployment | Problem | None:
    """Create a deployment (pending until the provider accepts it)

     An account (`deployments:write`) asks an approved provider for resources. The deployment
    starts `pending`; the provider accepts it through the provider API.

    Errors: 400 `VALIDATION_ERROR` (field codes such as `TOO_MANY_DECIMALS`, `INVALID_NAME`,
    `UNKNOWN_FIELD`); 422 `PROVIDER_NOT_AVAILABLE` (unknown or not approved: the same answer),
    `SERVICE_NOT_AVAILABLE` (not an active service of that provider),
    `ORGANIZATION_NOT_AVAILABLE` (not an organization where you are an admin or member) and
    `INSUFFICIENT_CAPACITY` (more than the provider declared); 403 for provider principals or
    keys without the scope.

    Args:
        body (DeploymentCreate):  Example: {'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70',
            'service_id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'organization_id':
            'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f', 'name': 'inference-us-west-1', 'resources':
            {'cpu': 8, 'memory': 64, 'storage': 200, 'gpu': 1}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
