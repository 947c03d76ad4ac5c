from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.organization_invitation import OrganizationInvitation
from ...models.organization_invitation_create import OrganizationInvitationCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    organization_id: UUID,
    *,
    body: OrganizationInvitationCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/organizations/{organization_id}/members".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrganizationInvitation | Problem:
    if response.status_code == 202:
        response_202 = OrganizationInvitation.from_dict(response.json())

        return response_202

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
) -> Response[OrganizationInvitation | Problem]:
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
    body: OrganizationInvitationCreate,
) -> Response[OrganizationInvitation | Problem]:
    """Invite a member

     Accounts only (`organizations:write`), and only the organization's admins: a member or
    viewer (or a platform admin who is not an admin of it) gets 403
    `ORGANIZATION_ADMIN_REQUIRED`, anyone else 404 `ORGANIZATION_NOT_FOUND`. Name the invitee
    by exactly one of `account_id` and `email` (else 400 `VALIDATION_ERROR`, field code
    `EXACTLY_ONE_MEMBER_IDENTIFIER`). Nobody becomes a member without consent: the answer is a
    pending invitation (202) that the invitee sees in `GET /invitations` and accepts or
    declines. The answer is the same whether or not an account with that id or email exists
    (it names only what you sent). Inviting again while an invitation to the same id or email
    is pending answers that invitation. An account that is already a member (named by its id
    or by an email it has) is 409 `ORGANIZATION_MEMBER_EXISTS`.

    Args:
        organization_id (UUID):
        body (OrganizationInvitationCreate): Exactly one of `account_id` and `email` names the
            account to invite (else `EXACTLY_ONE_MEMBER_IDENTIFIER`). Example: {'email':
            'grace@example.com', 'role': 'member'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitation | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrganizationInvitationCreate,
) -> OrganizationInvitation | Problem | None:
    """Invite a member

     Accounts only (`organizations:write`), and only the organization's admins: a member or
    viewer (or a platform admin who is not an admin of it) gets 403
    `ORGANIZATION_ADMIN_REQUIRED`, anyone else 404 `ORGANIZATION_NOT_FOUND`. Name the invitee
    by exactly one of `account_id` and `email` (else 400 `VALIDATION_ERROR`, field code
    `EXACTLY_ONE_MEMBER_IDENTIFIER`). Nobody becomes a member without consent: the answer is a
    pending invitation (202) that the invitee sees in `GET /invitations` and accepts or
    declines. The answer is the same whether or not an account with that id or email exists
    (it names only what you sent). Inviting again while an invitation to the same id or email
    is pending answers that invitation. An account that is already a member (named by its id
    or by an email it has) is 409 `ORGANIZATION_MEMBER_EXISTS`.

    Args:
        organization_id (UUID):
        body (OrganizationInvitationCreate): Exactly one of `account_id` and `email` names the
            account to invite (else `EXACTLY_ONE_MEMBER_IDENTIFIER`). Example: {'email':
            'grace@example.com', 'role': 'member'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitation | Problem
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrganizationInvitationCreate,
) -> Response[OrganizationInvitation | Problem]:
    """Invite a member

     Accounts only (`organizations:write`), and only the organization's admins: a member or
    viewer (or a platform admin who is not an admin of it) gets 403
    `ORGANIZATION_ADMIN_REQUIRED`, anyone else 404 `ORGANIZATION_NOT_FOUND`. Name the invitee
    by exactly one of `account_id` and `email` (else 400 `VALIDATION_ERROR`, field code
    `EXACTLY_ONE_MEMBER_IDENTIFIER`). Nobody becomes a member without consent: the answer is a
    pending invitation (202) that the invitee sees in `GET /invitations` and accepts or
    declines. The answer is the same whether or not an account with that id or email exists
    (it names only what you sent). Inviting again while an invitation to the same id or email
    is pending answers that invitation. An account that is already a member (named by its id
    or by an email it has) is 409 `ORGANIZATION_MEMBER_EXISTS`.

    Args:
        organization_id (UUID):
        body (OrganizationInvitationCreate): Exactly one of `account_id` and `email` names the
            account to invite (else `EXACTLY_ONE_MEMBER_IDENTIFIER`). Example: {'email':
            'grace@example.com', 'role': 'member'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrganizationInvitation | Problem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OrganizationInvitationCreate,
) -> OrganizationInvitation | Problem | None:
    """Invite a member

     Accounts only (`organizations:write`), and only the organization's admins: a member or
    viewer (or a platform admin who is not an admin of it) gets 403
    `ORGANIZATION_ADMIN_REQUIRED`, anyone else 404 `ORGANIZATION_NOT_FOUND`. Name the invitee
    by exactly one of `account_id` and `email` (else 400 `VALIDATION_ERROR`, field code
    `EXACTLY_ONE_MEMBER_IDENTIFIER`). Nobody becomes a member without consent: the answer is a
    pending invitation (202) that the invitee sees in `GET /invitations` and accepts or
    declines. The answer is the same whether or not an account with that id or email exists
    (it names only what you sent). Inviting again while an invitation to the same id or email
    is pending answers that invitation. An account that is already a member (named by its id
    or by an email it has) is 409 `ORGANIZATION_MEMBER_EXISTS`.

    Args:
        organization_id (UUID):
        body (OrganizationInvitationCreate): Exactly one of `account_id` and `email` names the
            account to invite (else `EXACTLY_ONE_MEMBER_IDENTIFIER`). Example: {'email':
            'grace@example.com', 'role': 'member'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrganizationInvitation | Problem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
