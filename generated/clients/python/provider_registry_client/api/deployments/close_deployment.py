from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deployment import Deployment
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    deployment_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/deployments/{deployment_id}/close".format(
            deployment_id=quote(str(deployment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Deployment | Problem:
    if response.status_code == 200:
        response_200 = Deployment.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Deployment | Problem]:
    """Close a deployment

     Ends the deployment (pending or active) for good. Needs write permission
    (`deployments:write`; organization viewers and platform admins get 403 `FORBIDDEN`).
    Already closed, or closed by a concurrent request: 409 `DEPLOYMENT_CLOSED`. Not visible:
    404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Deployment | Problem | None:
    """Close a deployment

     Ends the deployment (pending or active) for good. Needs write permission
    (`deployments:write`; organization viewers and platform admins get 403 `FORBIDDEN`).
    Already closed, or closed by a concurrent request: 409 `DEPLOYMENT_CLOSED`. Not visible:
    404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment | Problem
    """

    return sync_detailed(
        deployment_id=deployment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Deployment | Problem]:
    """Close a deployment

     Ends the deployment (pending or active) for good. Needs write permission
    (`deployments:write`; organization viewers and platform admins get 403 `FORBIDDEN`).
    Already closed, or closed by a concurrent request: 409 `DEPLOYMENT_CLOSED`. Not visible:
    404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Deployment | Problem | None:
    """Close a deployment

     Ends the deployment (pending or active) for good. Needs write permission
    (`deployments:write`; organization viewers and platform admins get 403 `FORBIDDEN`).
    Already closed, or closed by a concurrent request: 409 `DEPLOYMENT_CLOSED`. Not visible:
    404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment | Problem
    """

    return (
        await asyncio_detailed(
            deployment_id=deployment_id,
            client=client,
        )
    ).parsed
