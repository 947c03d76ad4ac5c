from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shell_session import ShellSession
from ...models.shell_session_create import ShellSessionCreate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    deployment_id: UUID,
    *,
    body: ShellSessionCreate | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/deployments/{deployment_id}/shell-sessions".format(
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
) -> Problem | ShellSession:
    if response.status_code == 201:
        response_201 = ShellSession.from_dict(response.json())

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
) -> Response[Problem | ShellSession]:
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
    body: ShellSessionCreate | Unset = UNSET,
) -> Response[Problem | ShellSession]:
    """Open a shell session on an active deployment

     Issues a short-lived token (5 minutes by default, `portal.shell_token_ttl_seconds`) that
    the deployment's provider accepts at its own shell endpoint (`shell_url`); this registry
    does not proxy the shell. Needs write permission (`deployments:write`; organization
    viewers and platform admins get 403 `FORBIDDEN`) and an active deployment (else 409
    `DEPLOYMENT_NOT_ACTIVE`). The provider checks a token with
    `POST /api/v1/provider/shell-sessions/verify`, or offline against
    `/.well-known/jwks.json` when the registry signs with EdDSA.

    Args:
        deployment_id (UUID):
        body (ShellSessionCreate | Unset):  Example: {'service': 'web'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellSession]
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
    body: ShellSessionCreate | Unset = UNSET,
) -> Problem | ShellSession | None:
    """Open a shell session on an active deployment

     Issues a short-lived token (5 minutes by default, `portal.shell_token_ttl_seconds`) that
    the deployment's provider accepts at its own shell endpoint (`shell_url`); this registry
    does not proxy the shell. Needs write permission (`deployments:write`; organization
    viewers and platform admins get 403 `FORBIDDEN`) and an active deployment (else 409
    `DEPLOYMENT_NOT_ACTIVE`). The provider checks a token with
    `POST /api/v1/provider/shell-sessions/verify`, or offline against
    `/.well-known/jwks.json` when the registry signs with EdDSA.

    Args:
        deployment_id (UUID):
        body (ShellSessionCreate | Unset):  Example: {'service': 'web'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellSession
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
    body: ShellSessionCreate | Unset = UNSET,
) -> Response[Problem | ShellSession]:
    """Open a shell session on an active deployment

     Issues a short-lived token (5 minutes by default, `portal.shell_token_ttl_seconds`) that
    the deployment's provider accepts at its own shell endpoint (`shell_url`); this registry
    does not proxy the shell. Needs write permission (`deployments:write`; organization
    viewers and platform admins get 403 `FORBIDDEN`) and an active deployment (else 409
    `DEPLOYMENT_NOT_ACTIVE`). The provider checks a token with
    `POST /api/v1/provider/shell-sessions/verify`, or offline against
    `/.well-known/jwks.json` when the registry signs with EdDSA.

    Args:
        deployment_id (UUID):
        body (ShellSessionCreate | Unset):  Example: {'service': 'web'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellSession]
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
    body: ShellSessionCreate | Unset = UNSET,
) -> Problem | ShellSession | None:
    """Open a shell session on an active deployment

     Issues a short-lived token (5 minutes by default, `portal.shell_token_ttl_seconds`) that
    the deployment's provider accepts at its own shell endpoint (`shell_url`); this registry
    does not proxy the shell. Needs write permission (`deployments:write`; organization
    viewers and platform admins get 403 `FORBIDDEN`) and an active deployment (else 409
    `DEPLOYMENT_NOT_ACTIVE`). The provider checks a token with
    `POST /api/v1/provider/shell-sessions/verify`, or offline against
    `/.well-known/jwks.json` when the registry signs with EdDSA.

    Args:
        deployment_id (UUID):
        body (ShellSessionCreate | Unset):  Example: {'service': 'web'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellSession
    """

    return (
        await asyncio_detailed(
            deployment_id=deployment_id,
            client=client,
            body=body,
        )
    ).parsed
