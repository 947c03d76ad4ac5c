from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.organization_invitation_page import OrganizationInvitationPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: UUID,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/organizations/{organization_id}/invitations".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrganizationInvitationPage | Problem:
    if response.status_code == 200:
        response_200 = OrganizationInvitationPage.from_dict(response.json())

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
) -> Response[OrganizationInvitationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[OrganizationInvitationPage | Problem]:
    """An organization's pending invitations

     Accounts only (`organizations:read`), and only the organization's admins (a member or
    viewer, or a platform admin who is not an admin of it, gets 403
    `ORGANIZATION_ADMIN_REQUIRED`; anyone else 404 `ORGANIZATION_NOT_FOUND`). Newest first, in
    keyset pages (`limit`, `cursor`; a cursor this API did not issue is 400 `VALIDATION_ERROR`,
    field code `INVALID_CURSOR`).

    Args:
        organization_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitationPage | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> OrganizationInvitationPage | Problem | None:
    """An organization's pending invitations

     Accounts only (`organizations:read`), and only the organization's admins (a member or
    viewer, or a platform admin who is not an admin of it, gets 403
    `ORGANIZATION_ADMIN_REQUIRED`; anyone else 404 `ORGANIZATION_NOT_FOUND`). Newest first, in
    keyset pages (`limit`, `cursor`; a cursor this API did not issue is 400 `VALIDATION_ERROR`,
    field code `INVALID_CURSOR`).

    Args:
        organization_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitationPage | Problem
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[OrganizationInvitationPage | Problem]:
    """An organization's pending invitations

     Accounts only (`organizations:read`), and only the organization's admins (a member or
    viewer, or a platform admin who is not an admin of it, gets 403
    `ORGANIZATION_ADMIN_REQUIRED`; anyone else 404 `ORGANIZATION_NOT_FOUND`). Newest first, in
    keyset pages (`limit`, `cursor`; a cursor this API did not issue is 400 `VALIDATION_ERROR`,
    field code `INVALID_CURSOR`).

    Args:
        organization_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitationPage | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> OrganizationInvitationPage | Problem | None:
    """An organization's pending invitations

     Accounts only (`organizations:read`), and only the organization's admins (a member or
    viewer, or a platform admin who is not an admin of it, gets 403
    `ORGANIZATION_ADMIN_REQUIRED`; anyone else 404 `ORGANIZATION_NOT_FOUND`). Newest first, in
    keyset pages (`limit`, `cursor`; a cursor this API did not issue is 400 `VALIDATION_ERROR`,
    field code `INVALID_CURSOR`).

    Args:
        organization_id (UUID):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitationPage | Problem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
