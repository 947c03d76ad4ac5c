from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.shell_session_verdict import ShellSessionVerdict
from ...models.shell_session_verify import ShellSessionVerify
from ...types import Response


def _get_kwargs(
    *,
    body: ShellSessionVerify,
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
) -> Problem | ShellSessionVerdict:
    if response.status_code == 200:
        response_200 = ShellSessionVerdict.from_dict(response.json())

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
) -> Response[Problem | ShellSessionVerdict]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ShellSessionVerify,
) -> Response[Problem | ShellSessionVerdict]:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellSessionVerify):  Example: {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIi
            widHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZS03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1
            ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFtcGxlLTAxM
            jM0NTY3ODlhYg'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellSessionVerdict]
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
    body: ShellSessionVerify,
) -> Problem | ShellSessionVerdict | None:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellSessionVerify):  Example: {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIi
            widHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZS03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1
            ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFtcGxlLTAxM
            jM0NTY3ODlhYg'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellSessionVerdict
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ShellSessionVerify,
) -> Response[Problem | ShellSessionVerdict]:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellSessionVerify):  Example: {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIi
            widHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZS03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1
            ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFtcGxlLTAxM
            jM0NTY3ODlhYg'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ShellSessionVerdict]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ShellSessionVerify,
) -> Problem | ShellSessionVerdict | None:
    """Check a shell session token

     For the provider's shell endpoint, which cannot check an HS256 signature itself. Always
    200 for a well-formed request: `valid: true` with the deployment, account, service and
    expiry when the token is a shell token of this registry, unexpired, audienced to the
    calling provider, its deployment is still active and the account it was issued to may
    still write to that deployment; otherwise `valid: false` with a `reason` (`invalid`,
    `expired`, `wrong_provider`, `deployment_not_active`, `access_revoked`).

    Args:
        body (ShellSessionVerify):  Example: {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIi
            widHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZS03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1
            ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFtcGxlLTAxM
            jM0NTY3ODlhYg'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ShellSessionVerdict
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
