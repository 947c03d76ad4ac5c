from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket import Ticket
from ...models.ticket_update import TicketUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    ticket_id: UUID,
    *,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/tickets/{ticket_id}".format(
            ticket_id=quote(str(ticket_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Ticket:
    if response.status_code == 200:
        response_200 = Ticket.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[Problem | Ticket]:
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
    body: TicketUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Ticket]:
    """Change a ticket's status or priority

     `tickets:write`, at least one of `status` and `priority` (else 400 `VALIDATION_ERROR`,
    code `TOO_FEW_FIELDS`). Only the deployment's provider or a platform admin may change
    `status`: an account that sends it gets 403 `TICKET_STATUS_CHANGE_NOT_ALLOWED`. `priority` may be
    changed by the accounts with write access to the deployment (owner, organization `admin`
    or `member`; a `viewer` gets 403 `FORBIDDEN`), the provider and platform admins. Anyone
    who cannot see the ticket gets 404 `TICKET_NOT_FOUND`. `closed` is final: changing a closed
    ticket is 409 `TICKET_CLOSED`. Honours `If-Match` (stale: 412 `PRECONDITION_FAILED`; of
    concurrent changes with the same ETag exactly one succeeds).

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): At least one field. Only the deployment's provider or a platform
            admin may change `status`. Example: {'status': 'in_progress', 'priority': 'critical'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Ticket | None:
    """Change a ticket's status or priority

     `tickets:write`, at least one of `status` and `priority` (else 400 `VALIDATION_ERROR`,
    code `TOO_FEW_FIELDS`). Only the deployment's provider or a platform admin may change
    `status`: an account that sends it gets 403 `TICKET_STATUS_CHANGE_NOT_ALLOWED`. `priority` may be
    changed by the accounts with write access to the deployment (owner, organization `admin`
    or `member`; a `viewer` gets 403 `FORBIDDEN`), the provider and platform admins. Anyone
    who cannot see the ticket gets 404 `TICKET_NOT_FOUND`. `closed` is final: changing a closed
    ticket is 409 `TICKET_CLOSED`. Honours `If-Match` (stale: 412 `PRECONDITION_FAILED`; of
    concurrent changes with the same ETag exactly one succeeds).

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): At least one field. Only the deployment's provider or a platform
            admin may change `status`. Example: {'status': 'in_progress', 'priority': 'critical'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
    """

    return sync_detailed(
        ticket_id=ticket_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Ticket]:
    """Change a ticket's status or priority

     `tickets:write`, at least one of `status` and `priority` (else 400 `VALIDATION_ERROR`,
    code `TOO_FEW_FIELDS`). Only the deployment's provider or a platform admin may change
    `status`: an account that sends it gets 403 `TICKET_STATUS_CHANGE_NOT_ALLOWED`. `priority` may be
    changed by the accounts with write access to the deployment (owner, organization `admin`
    or `member`; a `viewer` gets 403 `FORBIDDEN`), the provider and platform admins. Anyone
    who cannot see the ticket gets 404 `TICKET_NOT_FOUND`. `closed` is final: changing a closed
    ticket is 409 `TICKET_CLOSED`. Honours `If-Match` (stale: 412 `PRECONDITION_FAILED`; of
    concurrent changes with the same ETag exactly one succeeds).

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): At least one field. Only the deployment's provider or a platform
            admin may change `status`. Example: {'status': 'in_progress', 'priority': 'critical'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
    """

    kwargs = _get_kwargs(
        ticket_id=ticket_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ticket_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TicketUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Ticket | None:
    """Change a ticket's status or priority

     `tickets:write`, at least one of `status` and `priority` (else 400 `VALIDATION_ERROR`,
    code `TOO_FEW_FIELDS`). Only the deployment's provider or a platform admin may change
    `status`: an account that sends it gets 403 `TICKET_STATUS_CHANGE_NOT_ALLOWED`. `priority` may be
    changed by the accounts with write access to the deployment (owner, organization `admin`
    or `member`; a `viewer` gets 403 `FORBIDDEN`), the provider and platform admins. Anyone
    who cannot see the ticket gets 404 `TICKET_NOT_FOUND`. `closed` is final: changing a closed
    ticket is 409 `TICKET_CLOSED`. Honours `If-Match` (stale: 412 `PRECONDITION_FAILED`; of
    concurrent changes with the same ETag exactly one succeeds).

    Args:
        ticket_id (UUID):
        if_match (str | Unset):
        body (TicketUpdate): At least one field. Only the deployment's provider or a platform
            admin may change `status`. Example: {'status': 'in_progress', 'priority': 'critical'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
    """

    return (
        await asyncio_detailed(
            ticket_id=ticket_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
