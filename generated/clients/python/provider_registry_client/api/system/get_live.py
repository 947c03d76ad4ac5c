from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.liveness import Liveness
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/live",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Liveness | Problem:
    if response.status_code == 200:
        response_200 = Liveness.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Liveness | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Liveness | Problem]:
    """Liveness

     200 whenever this process serves requests; it asks nothing of the database or Redis. For
    an orchestrator's liveness probe: restarting an instance because its database is away
    would not bring the database back, and `GET /health`, which answers 503 then, would
    restart every instance during a database outage. Use `/ready` to decide where traffic
    goes and `/health` to watch the database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Liveness | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Liveness | Problem | None:
    """Liveness

     200 whenever this process serves requests; it asks nothing of the database or Redis. For
    an orchestrator's liveness probe: restarting an instance because its database is away
    would not bring the database back, and `GET /health`, which answers 503 then, would
    restart every instance during a database outage. Use `/ready` to decide where traffic
    goes and `/health` to watch the database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Liveness | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Liveness | Problem]:
    """Liveness

     200 whenever this process serves requests; it asks nothing of the database or Redis. For
    an orchestrator's liveness probe: restarting an instance because its database is away
    would not bring the database back, and `GET /health`, which answers 503 then, would
    restart every instance during a database outage. Use `/ready` to decide where traffic
    goes and `/health` to watch the database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Liveness | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Liveness | Problem | None:
    """Liveness

     200 whenever this process serves requests; it asks nothing of the database or Redis. For
    an orchestrator's liveness probe: restarting an instance because its database is away
    would not bring the database back, and `GET /health`, which answers 503 then, would
    restart every instance during a database outage. Use `/ready` to decide where traffic
    goes and `/health` to watch the database.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Liveness | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
