from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket_comment import TicketComment
from ...models.ticket_comment_create import TicketCommentCreate
from ...types import Response


def _get_kwargs(
    ticket_id: UUID,
    *,
    body: TicketCommentCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets/{ticket_id}/comments".format(
            ticket_id=quote(str(ticket_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TicketComment:
    if response.status_code == 201:
        response_201 = TicketComment.from_dict(response.json())

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
) -> Response[Problem | TicketComment]:
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
    body: TicketCommentCreate,
) -> Response[Problem | TicketComment]:
    """Comment on a ticket

     `tickets:write`. The accounts with write access to the ticket's deployment (owner,
    organization `admin` or `member`; a `viewer` gets 403 `FORBIDDEN`), the deployment's
    provider and platform admins. Anyone who cannot see the ticket gets 404 `TICKET_NOT_FOUND`;
    a closed ticket takes no comments (409 `TICKET_CLOSED`). The ticket itself (and its ETag)
    does not change.

    Args:
        ticket_id (UUID):
        body (TicketCommentCreate):  Example: {'body': 'We moved the deployment to a less loaded
            node; please check again.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketComment]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketCommentCreate,
) -> Problem | TicketComment | None:
    """Comment on a ticket

     `tickets:write`. The accounts with write access to the ticket's deployment (owner,
    organization `admin` or `member`; a `viewer` gets 403 `FORBIDDEN`), the deployment's
    provider and platform admins. Anyone who cannot see the ticket gets 404 `TICKET_NOT_FOUND`;
    a closed ticket takes no comments (409 `TICKET_CLOSED`). The ticket itself (and its ETag)
    does not change.

    Args:
        ticket_id (UUID):
        body (TicketCommentCreate):  Example: {'body': 'We moved the deployment to a less loaded
            node; please check again.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketComment
    """

    return sync_detailed(
        ticket_id=ticket_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketCommentCreate,
) -> Response[Problem | TicketComment]:
    """Comment on a ticket

     `tickets:write`. The accounts with write access to the ticket's deployment (owner,
    organization `admin` or `member`; a `viewer` gets 403 `FORBIDDEN`), the deployment's
    provider and platform admins. Anyone who cannot see the ticket gets 404 `TICKET_NOT_FOUND`;
    a closed ticket takes no comments (409 `TICKET_CLOSED`). The ticket itself (and its ETag)
    does not change.

    Args:
        ticket_id (UUID):
        body (TicketCommentCreate):  Example: {'body': 'We moved the deployment to a less loaded
            node; please check again.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TicketComment]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketCommentCreate,
) -> Problem | TicketComment | None:
    """Comment on a ticket

     `tickets:write`. The accounts with write access to the ticket's deployment (owner,
    organization `admin` or `member`; a `viewer` gets 403 `FORBIDDEN`), the deployment's
    provider and platform admins. Anyone who cannot see the ticket gets 404 `TICKET_NOT_FOUND`;
    a closed ticket takes no comments (409 `TICKET_CLOSED`). The ticket itself (and its ETag)
    does not change.

    Args:
        ticket_id (UUID):
        body (TicketCommentCreate):  Example: {'body': 'We moved the deployment to a less loaded
            node; please check again.'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TicketComment
    """

    return (
        await asyncio_detailed(
            ticket_id=ticket_id,
            client=client,
            body=body,
        )
    ).parsed
