from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deployment_page import DeploymentPage
from ...models.deployment_state import DeploymentState
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: DeploymentState | Unset = UNSET,
    organization_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_organization_id: str | Unset = UNSET
    if not isinstance(organization_id, Unset):
        json_organization_id = str(organization_id)
    params["organization_id"] = json_organization_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deployments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeploymentPage | Problem:
    if response.status_code == 200:
        response_200 = DeploymentPage.from_dict(response.json())

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
) -> Response[DeploymentPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: DeploymentState | Unset = UNSET,
    organization_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[DeploymentPage | Problem]:
    """Your deployments

     Deployments you may read (`deployments:read`): your personal ones and your organizations';
    platform admins see all. Newest first, keyset pages (`limit`, `cursor`; a cursor we did not issue
    is 400 `VALIDATION_ERROR` with field code `INVALID_CURSOR`). `organization_id` narrows the
    list to one organization (empty if you are not a member). Provider principals get 403.

    Args:
        status (DeploymentState | Unset): `pending` until the provider accepts it; `active` while
            its lease runs; `closed` for good
            (closed by the tenant, or the provider reported the lease closed).
        organization_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: DeploymentState | Unset = UNSET,
    organization_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> DeploymentPage | Problem | None:
    """Your deployments

     Deployments you may read (`deployments:read`): your personal ones and your organizations';
    platform admins see all. Newest first, keyset pages (`limit`, `cursor`; a cursor we did not issue
    is 400 `VALIDATION_ERROR` with field code `INVALID_CURSOR`). `organization_id` narrows the
    list to one organization (empty if you are not a member). Provider principals get 403.

    Args:
        status (DeploymentState | Unset): `pending` until the provider accepts it; `active` while
            its lease runs; `closed` for good
            (closed by the tenant, or the provider reported the lease closed).
        organization_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentPage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: DeploymentState | Unset = UNSET,
    organization_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[DeploymentPage | Problem]:
    """Your deployments

     Deployments you may read (`deployments:read`): your personal ones and your organizations';
    platform admins see all. Newest first, keyset pages (`limit`, `cursor`; a cursor we did not issue
    is 400 `VALIDATION_ERROR` with field code `INVALID_CURSOR`). `organization_id` narrows the
    list to one organization (empty if you are not a member). Provider principals get 403.

    Args:
        status (DeploymentState | Unset): `pending` until the provider accepts it; `active` while
            its lease runs; `closed` for good
            (closed by the tenant, or the provider reported the lease closed).
        organization_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeploymentPage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: DeploymentState | Unset = UNSET,
    organization_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> DeploymentPage | Problem | None:
    """Your deployments

     Deployments you may read (`deployments:read`): your personal ones and your organizations';
    platform admins see all. Newest first, keyset pages (`limit`, `cursor`; a cursor we did not issue
    is 400 `VALIDATION_ERROR` with field code `INVALID_CURSOR`). `organization_id` narrows the
    list to one organization (empty if you are not a member). Provider principals get 403.

    Args:
        status (DeploymentState | Unset): `pending` until the provider accepts it; `active` while
            its lease runs; `closed` for good
            (closed by the tenant, or the provider reported the lease closed).
        organization_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeploymentPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            organization_id=organization_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
