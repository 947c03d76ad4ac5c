from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deployment_action_page import DeploymentActionPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    deployment_id: UUID,
    *,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/provider/deployments/{deployment_id}/actions".format(
            deployment_id=quote(str(deployment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeploymentActionPage | Problem:
    if response.status_code == 200:
        response_200 = DeploymentActionPage.from_dict(response.json())

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
) -> Response[DeploymentActionPage | Problem]:
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
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[DeploymentActionPage | Problem]:
    """Pending actions of a deployment

     Actions the tenant asked for that are not acknowledged yet, oldest first, a page of
    `limit` (at most 100) at a time: follow `next_cursor`, or acknowledge them and ask again
    (`deployments:read`). Not on this provider: 404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentActionPage | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> DeploymentActionPage | Problem | None:
    """Pending actions of a deployment

     Actions the tenant asked for that are not acknowledged yet, oldest first, a page of
    `limit` (at most 100) at a time: follow `next_cursor`, or acknowledge them and ask again
    (`deployments:read`). Not on this provider: 404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentActionPage | Problem
    """

    return sync_detailed(
        deployment_id=deployment_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[DeploymentActionPage | Problem]:
    """Pending actions of a deployment

     Actions the tenant asked for that are not acknowledged yet, oldest first, a page of
    `limit` (at most 100) at a time: follow `next_cursor`, or acknowledge them and ask again
    (`deployments:read`). Not on this provider: 404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentActionPage | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> DeploymentActionPage | Problem | None:
    """Pending actions of a deployment

     Actions the tenant asked for that are not acknowledged yet, oldest first, a page of
    `limit` (at most 100) at a time: follow `next_cursor`, or acknowledge them and ask again
    (`deployments:read`). Not on this provider: 404 `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentActionPage | Problem
    """

    return (
        await asyncio_detailed(
            deployment_id=deployment_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
