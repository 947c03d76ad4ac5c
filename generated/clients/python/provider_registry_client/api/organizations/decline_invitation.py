from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.organization_invitation import OrganizationInvitation
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    invitation_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/invitations/{invitation_id}/decline".format(
            invitation_id=quote(str(invitation_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrganizationInvitation | Problem:
    if response.status_code == 200:
        response_200 = OrganizationInvitation.from_dict(response.json())

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
) -> Response[OrganizationInvitation | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    invitation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[OrganizationInvitation | Problem]:
    """Decline an invitation

     Accounts only (`organizations:write`), and only the invitee (the account the invitation
    names, or the account with the email it names); for anyone else it does not exist: 404
    `INVITATION_NOT_FOUND`. The invitation is closed; the organization's admins may invite you again. An
    invitation that is no longer pending is 409
    `INVITATION_NOT_PENDING`, also when two requests answer it at the same time.

    Args:
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitation | Problem]
    """

    kwargs = _get_kwargs(
        invitation_id=invitation_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    invitation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> OrganizationInvitation | Problem | None:
    """Decline an invitation

     Accounts only (`organizations:write`), and only the invitee (the account the invitation
    names, or the account with the email it names); for anyone else it does not exist: 404
    `INVITATION_NOT_FOUND`. The invitation is closed; the organization's admins may invite you again. An
    invitation that is no longer pending is 409
    `INVITATION_NOT_PENDING`, also when two requests answer it at the same time.

    Args:
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitation | Problem
    """

    return sync_detailed(
        invitation_id=invitation_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    invitation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[OrganizationInvitation | Problem]:
    """Decline an invitation

     Accounts only (`organizations:write`), and only the invitee (the account the invitation
    names, or the account with the email it names); for anyone else it does not exist: 404
    `INVITATION_NOT_FOUND`. The invitation is closed; the organization's admins may invite you again. An
    invitation that is no longer pending is 409
    `INVITATION_NOT_PENDING`, also when two requests answer it at the same time.

    Args:
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitation | Problem]
    """

    kwargs = _get_kwargs(
        invitation_id=invitation_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    invitation_id: UUID,
    *,
    client: AuthenticatedClient,
) -> OrganizationInvitation | Problem | None:
    """Decline an invitation

     Accounts only (`organizations:write`), and only the invitee (the account the invitation
    names, or the account with the email it names); for anyone else it does not exist: 404
    `INVITATION_NOT_FOUND`. The invitation is closed; the organization's admins may invite you again. An
    invitation that is no longer pending is 409
    `INVITATION_NOT_PENDING`, also when two requests answer it at the same time.

    Args:
        invitation_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitation | Problem
    """

    return (
        await asyncio_detailed(
            invitation_id=invitation_id,
            client=client,
        )
    ).parsed
