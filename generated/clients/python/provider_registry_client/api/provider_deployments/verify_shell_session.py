from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shell_token_check import ShellTokenCheck
from ...models.shell_token_verdict import ShellTokenVerdict
from ...types import Response


def _get_kwargs(
    *,
    body: ShellTokenCheck,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/provider/shell-sessions/verify",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ShellTokenVerdict:
    if response.status_code == 200:
        response_200 = ShellTokenVerdict.from_dict(response.json())

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
) -> Response[Problem | ShellTokenVerdict]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShellTokenCheck,
) -> Response[Problem | ShellTokenVerdict]:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellTokenCheck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellTokenVerdict]
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
    body: ShellTokenCheck,
) -> Problem | ShellTokenVerdict | None:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellTokenCheck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellTokenVerdict
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShellTokenCheck,
) -> Response[Problem | ShellTokenVerdict]:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellTokenCheck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellTokenVerdict]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ShellTokenCheck,
) -> Problem | ShellTokenVerdict | None:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellTokenCheck):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellTokenVerdict
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
