from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket_detail import TicketDetail
from ...types import Response


def _get_kwargs(
    ticket_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tickets/{ticket_id}".format(
            ticket_id=quote(str(ticket_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TicketDetail:
    if response.status_code == 200:
        response_200 = TicketDetail.from_dict(response.json())

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
) -> Response[Problem | TicketDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TicketDetail]:
    """A ticket and its comments

     `tickets:read`. The accounts that can read the ticket's deployment, its provider and
    platform admins; for anyone else 404 `TICKET_NOT_FOUND`. The first 100 comments come
    along, oldest first (`comments_next_cursor` pages on through GET
    /tickets/{ticket_id}/comments). The `ETag` is for `If-Match` on PATCH.

    Args:
        ticket_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketDetail]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | TicketDetail | None:
    """A ticket and its comments

     `tickets:read`. The accounts that can read the ticket's deployment, its provider and
    platform admins; for anyone else 404 `TICKET_NOT_FOUND`. The first 100 comments come
    along, oldest first (`comments_next_cursor` pages on through GET
    /tickets/{ticket_id}/comments). The `ETag` is for `If-Match` on PATCH.

    Args:
        ticket_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketDetail
    """

    return sync_detailed(
        ticket_id=ticket_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | TicketDetail]:
    """A ticket and its comments

     `tickets:read`. The accounts that can read the ticket's deployment, its provider and
    platform admins; for anyone else 404 `TICKET_NOT_FOUND`. The first 100 comments come
    along, oldest first (`comments_next_cursor` pages on through GET
    /tickets/{ticket_id}/comments). The `ETag` is for `If-Match` on PATCH.

    Args:
        ticket_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketDetail]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | TicketDetail | None:
    """A ticket and its comments

     `tickets:read`. The accounts that can read the ticket's deployment, its provider and
    platform admins; for anyone else 404 `TICKET_NOT_FOUND`. The first 100 comments come
    along, oldest first (`comments_next_cursor` pages on through GET
    /tickets/{ticket_id}/comments). The `ETag` is for `If-Match` on PATCH.

    Args:
        ticket_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketDetail
    """

    return (
        await asyncio_detailed(
            ticket_id=ticket_id,
            client=client,
        )
    ).parsed
