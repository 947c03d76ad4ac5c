import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.log_lines import LogLines
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    deployment_id: UUID,
    *,
    tail: int | Unset = 100,
    since: datetime.datetime | Unset = UNSET,
    timestamps: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tail"] = tail

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    params["timestamps"] = timestamps

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/deployments/{deployment_id}/logs".format(
            deployment_id=quote(str(deployment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LogLines | Problem:
    if response.status_code == 200:
        response_200 = LogLines.from_dict(response.json())

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
) -> Response[LogLines | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 100,
    since: datetime.datetime | Unset = UNSET,
    timestamps: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> Response[LogLines | Problem]:
    """A deployment's recent log lines

     The last `tail` lines (default 100, at most 10,000), oldest first, optionally only those
    written after `since`; with `timestamps=true` each line starts with its RFC 3339 UTC time
    and a space. Anyone who may read the deployment (`deployments:read`).

    A response holds at most about `portal.log_tail_max_bytes` (1 MiB by default) of lines:
    when the newest `tail` lines do not fit, it holds the newest that do, `truncated` is true,
    and `next_cursor` pages on to the older lines (pass it as `cursor`).

    Args:
        deployment_id (UUID):
        tail (int | Unset):  Default: 100.
        since (datetime.datetime | Unset):
        timestamps (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogLines | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        tail=tail,
        since=since,
        timestamps=timestamps,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 100,
    since: datetime.datetime | Unset = UNSET,
    timestamps: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> LogLines | Problem | None:
    """A deployment's recent log lines

     The last `tail` lines (default 100, at most 10,000), oldest first, optionally only those
    written after `since`; with `timestamps=true` each line starts with its RFC 3339 UTC time
    and a space. Anyone who may read the deployment (`deployments:read`).

    A response holds at most about `portal.log_tail_max_bytes` (1 MiB by default) of lines:
    when the newest `tail` lines do not fit, it holds the newest that do, `truncated` is true,
    and `next_cursor` pages on to the older lines (pass it as `cursor`).

    Args:
        deployment_id (UUID):
        tail (int | Unset):  Default: 100.
        since (datetime.datetime | Unset):
        timestamps (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogLines | Problem
    """

    return sync_detailed(
        deployment_id=deployment_id,
        client=client,
        tail=tail,
        since=since,
        timestamps=timestamps,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 100,
    since: datetime.datetime | Unset = UNSET,
    timestamps: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> Response[LogLines | Problem]:
    """A deployment's recent log lines

     The last `tail` lines (default 100, at most 10,000), oldest first, optionally only those
    written after `since`; with `timestamps=true` each line starts with its RFC 3339 UTC time
    and a space. Anyone who may read the deployment (`deployments:read`).

    A response holds at most about `portal.log_tail_max_bytes` (1 MiB by default) of lines:
    when the newest `tail` lines do not fit, it holds the newest that do, `truncated` is true,
    and `next_cursor` pages on to the older lines (pass it as `cursor`).

    Args:
        deployment_id (UUID):
        tail (int | Unset):  Default: 100.
        since (datetime.datetime | Unset):
        timestamps (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogLines | Problem]
    """

    kwargs = _get_kwargs(
        deployment_id=deployment_id,
        tail=tail,
        since=since,
        timestamps=timestamps,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    deployment_id: UUID,
    *,
    client: AuthenticatedClient,
    tail: int | Unset = 100,
    since: datetime.datetime | Unset = UNSET,
    timestamps: bool | Unset = False,
    cursor: str | Unset = UNSET,
) -> LogLines | Problem | None:
    """A deployment's recent log lines

     The last `tail` lines (default 100, at most 10,000), oldest first, optionally only those
    written after `since`; with `timestamps=true` each line starts with its RFC 3339 UTC time
    and a space. Anyone who may read the deployment (`deployments:read`).

    A response holds at most about `portal.log_tail_max_bytes` (1 MiB by default) of lines:
    when the newest `tail` lines do not fit, it holds the newest that do, `truncated` is true,
    and `next_cursor` pages on to the older lines (pass it as `cursor`).

    Args:
        deployment_id (UUID):
        tail (int | Unset):  Default: 100.
        since (datetime.datetime | Unset):
        timestamps (bool | Unset):  Default: False.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogLines | Problem
    """

    return (
        await asyncio_detailed(
            deployment_id=deployment_id,
            client=client,
            tail=tail,
            since=since,
            timestamps=timestamps,
            cursor=cursor,
        )
    ).parsed
