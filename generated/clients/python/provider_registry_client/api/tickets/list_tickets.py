from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket_page import TicketPage
from ...models.ticket_status import TicketStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: TicketStatus | Unset = UNSET,
    deployment_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_deployment_id: str | Unset = UNSET
    if not isinstance(deployment_id, Unset):
        json_deployment_id = str(deployment_id)
    params["deployment_id"] = json_deployment_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tickets",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TicketPage:
    if response.status_code == 200:
        response_200 = TicketPage.from_dict(response.json())

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
) -> Response[Problem | TicketPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: TicketStatus | Unset = UNSET,
    deployment_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | TicketPage]:
    """Tickets you can see

     `tickets:read`. Accounts: the tickets on deployments they can read (platform admins: every
    ticket). Providers: the tickets on deployments that run on them. Filters `status` and
    `deployment_id` (a deployment you cannot see simply gives an empty list). Newest first, in
    keyset pages (`limit`, `cursor`); a cursor this API did not issue is 400 `VALIDATION_ERROR`
    (field code `INVALID_CURSOR`). Items leave out the comments; read one ticket for them.

    Args:
        status (TicketStatus | Unset): `open` when created; the provider (or a platform admin)
            moves it through `in_progress`,
            `waiting_customer` and `resolved`, and `closed` is final.
        deployment_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketPage]
    """

    kwargs = _get_kwargs(
        status=status,
        deployment_id=deployment_id,
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
    status: TicketStatus | Unset = UNSET,
    deployment_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | TicketPage | None:
    """Tickets you can see

     `tickets:read`. Accounts: the tickets on deployments they can read (platform admins: every
    ticket). Providers: the tickets on deployments that run on them. Filters `status` and
    `deployment_id` (a deployment you cannot see simply gives an empty list). Newest first, in
    keyset pages (`limit`, `cursor`); a cursor this API did not issue is 400 `VALIDATION_ERROR`
    (field code `INVALID_CURSOR`). Items leave out the comments; read one ticket for them.

    Args:
        status (TicketStatus | Unset): `open` when created; the provider (or a platform admin)
            moves it through `in_progress`,
            `waiting_customer` and `resolved`, and `closed` is final.
        deployment_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketPage
    """

    return sync_detailed(
        client=client,
        status=status,
        deployment_id=deployment_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: TicketStatus | Unset = UNSET,
    deployment_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | TicketPage]:
    """Tickets you can see

     `tickets:read`. Accounts: the tickets on deployments they can read (platform admins: every
    ticket). Providers: the tickets on deployments that run on them. Filters `status` and
    `deployment_id` (a deployment you cannot see simply gives an empty list). Newest first, in
    keyset pages (`limit`, `cursor`); a cursor this API did not issue is 400 `VALIDATION_ERROR`
    (field code `INVALID_CURSOR`). Items leave out the comments; read one ticket for them.

    Args:
        status (TicketStatus | Unset): `open` when created; the provider (or a platform admin)
            moves it through `in_progress`,
            `waiting_customer` and `resolved`, and `closed` is final.
        deployment_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketPage]
    """

    kwargs = _get_kwargs(
        status=status,
        deployment_id=deployment_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: TicketStatus | Unset = UNSET,
    deployment_id: UUID | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | TicketPage | None:
    """Tickets you can see

     `tickets:read`. Accounts: the tickets on deployments they can read (platform admins: every
    ticket). Providers: the tickets on deployments that run on them. Filters `status` and
    `deployment_id` (a deployment you cannot see simply gives an empty list). Newest first, in
    keyset pages (`limit`, `cursor`); a cursor this API did not issue is 400 `VALIDATION_ERROR`
    (field code `INVALID_CURSOR`). Items leave out the comments; read one ticket for them.

    Args:
        status (TicketStatus | Unset): `open` when created; the provider (or a platform admin)
            moves it through `in_progress`,
            `waiting_customer` and `resolved`, and `closed` is final.
        deployment_id (UUID | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            deployment_id=deployment_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
