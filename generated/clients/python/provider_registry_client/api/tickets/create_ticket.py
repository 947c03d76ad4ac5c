from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.ticket import Ticket
from ...models.ticket_create import TicketCreate
from ...types import Response


def _get_kwargs(
    *,
    body: TicketCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/tickets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Ticket:
    if response.status_code == 201:
        response_201 = Ticket.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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
    *,
    client: AuthenticatedClient,
    body: TicketCreate,
) -> Response[Problem | Ticket]:
    """Open a ticket about a deployment

     Accounts only (`tickets:write`; a provider principal gets 403 `FORBIDDEN`). You need write
    access to the deployment: its owner, or an `admin` or `member` of its organization. A
    deployment you cannot see (or that does not exist) is 422 `DEPLOYMENT_NOT_AVAILABLE` (field
    `deployment_id`); one you may only read (an organization `viewer`, a platform admin) is 403
    `FORBIDDEN`. The ticket starts `open`, with `priority` `medium` unless given; `provider_id`
    is the deployment's provider. The answer carries the ticket's `ETag` and `Location`.

    Args:
        body (TicketCreate):  Example: {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'subject': 'Inference latency above the SLA', 'description': 'Since 10:00 UTC p95 latency
            is about 4 s; the SLA promises 2 s.', 'category': 'technical', 'priority': 'high'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
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
    body: TicketCreate,
) -> Problem | Ticket | None:
    """Open a ticket about a deployment

     Accounts only (`tickets:write`; a provider principal gets 403 `FORBIDDEN`). You need write
    access to the deployment: its owner, or an `admin` or `member` of its organization. A
    deployment you cannot see (or that does not exist) is 422 `DEPLOYMENT_NOT_AVAILABLE` (field
    `deployment_id`); one you may only read (an organization `viewer`, a platform admin) is 403
    `FORBIDDEN`. The ticket starts `open`, with `priority` `medium` unless given; `provider_id`
    is the deployment's provider. The answer carries the ticket's `ETag` and `Location`.

    Args:
        body (TicketCreate):  Example: {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'subject': 'Inference latency above the SLA', 'description': 'Since 10:00 UTC p95 latency
            is about 4 s; the SLA promises 2 s.', 'category': 'technical', 'priority': 'high'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TicketCreate,
) -> Response[Problem | Ticket]:
    """Open a ticket about a deployment

     Accounts only (`tickets:write`; a provider principal gets 403 `FORBIDDEN`). You need write
    access to the deployment: its owner, or an `admin` or `member` of its organization. A
    deployment you cannot see (or that does not exist) is 422 `DEPLOYMENT_NOT_AVAILABLE` (field
    `deployment_id`); one you may only read (an organization `viewer`, a platform admin) is 403
    `FORBIDDEN`. The ticket starts `open`, with `priority` `medium` unless given; `provider_id`
    is the deployment's provider. The answer carries the ticket's `ETag` and `Location`.

    Args:
        body (TicketCreate):  Example: {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'subject': 'Inference latency above the SLA', 'description': 'Since 10:00 UTC p95 latency
            is about 4 s; the SLA promises 2 s.', 'category': 'technical', 'priority': 'high'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ticket]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TicketCreate,
) -> Problem | Ticket | None:
    """Open a ticket about a deployment

     Accounts only (`tickets:write`; a provider principal gets 403 `FORBIDDEN`). You need write
    access to the deployment: its owner, or an `admin` or `member` of its organization. A
    deployment you cannot see (or that does not exist) is 422 `DEPLOYMENT_NOT_AVAILABLE` (field
    `deployment_id`); one you may only read (an organization `viewer`, a platform admin) is 403
    `FORBIDDEN`. The ticket starts `open`, with `priority` `medium` unless given; `provider_id`
    is the deployment's provider. The answer carries the ticket's `ETag` and `Location`.

    Args:
        body (TicketCreate):  Example: {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'subject': 'Inference latency above the SLA', 'description': 'Since 10:00 UTC p95 latency
            is about 4 s; the SLA promises 2 s.', 'category': 'technical', 'priority': 'high'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ticket
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
