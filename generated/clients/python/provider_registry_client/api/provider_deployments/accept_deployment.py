from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.deployment import Deployment
from ...models.deployment_accept import DeploymentAccept
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    deployment_id: UUID,
    *,
    body: DeploymentAccept | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/provider/deployments/{deployment_id}/accept".format(
            deployment_id=quote(str(deployment_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: DeploymentAccept | Unset = UNSET,
) -> Response[Deployment | Problem]:
    """Accept a pending deployment

     `pending` -> `active`, with the provider's lease id (generated when absent) and one
    replica expected until the provider reports otherwise (`deployments:write`). Not pending,
    or accepted by a concurrent request: 409 `DEPLOYMENT_NOT_PENDING`. A provider that is not
    approved (e.g. suspended) gets 403 `PROVIDER_NOT_APPROVED`. Not on this provider: 404
    `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        body (DeploymentAccept | Unset): Optional; an empty request body is the same as `{}`.
            Example: {'lease_id': 'lease-7f3a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeploymentAccept | Unset = UNSET,
) -> Deployment | Problem | None:
    """Accept a pending deployment

     `pending` -> `active`, with the provider's lease id (generated when absent) and one
    replica expected until the provider reports otherwise (`deployments:write`). Not pending,
    or accepted by a concurrent request: 409 `DEPLOYMENT_NOT_PENDING`. A provider that is not
    approved (e.g. suspended) gets 403 `PROVIDER_NOT_APPROVED`. Not on this provider: 404
    `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        body (DeploymentAccept | Unset): Optional; an empty request body is the same as `{}`.
            Example: {'lease_id': 'lease-7f3a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deployment | Problem
    """

    return sync_detailed(
        deployment_id=deployment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeploymentAccept | Unset = UNSET,
) -> Response[Deployment | Problem]:
    """Accept a pending deployment

     `pending` -> `active`, with the provider's lease id (generated when absent) and one
    replica expected until the provider reports otherwise (`deployments:write`). Not pending,
    or accepted by a concurrent request: 409 `DEPLOYMENT_NOT_PENDING`. A provider that is not
    approved (e.g. suspended) gets 403 `PROVIDER_NOT_APPROVED`. Not on this provider: 404
    `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        body (DeploymentAccept | Unset): Optional; an empty request body is the same as `{}`.
            Example: {'lease_id': 'lease-7f3a'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deployment | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: DeploymentAccept | Unset = UNSET,
) -> Deployment | Problem | None:
    """Accept a pending deployment

     `pending` -> `active`, with the provider's lease id (generated when absent) and one
    replica expected until the provider reports otherwise (`deployments:write`). Not pending,
    or accepted by a concurrent request: 409 `DEPLOYMENT_NOT_PENDING`. A provider that is not
    approved (e.g. suspended) gets 403 `PROVIDER_NOT_APPROVED`. Not on this provider: 404
    `DEPLOYMENT_NOT_FOUND`.

    Args:
        deployment_id (UUID):
        body (DeploymentAccept | Unset): Optional; an empty request body is the same as `{}`.
            Example: {'lease_id': 'lease-7f3a'}.

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
            body=body,
        )
    ).parsed
