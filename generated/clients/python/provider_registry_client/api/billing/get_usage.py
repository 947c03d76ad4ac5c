from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.usage import Usage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    organization_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_organization_id: str | Unset = UNSET
    if not isinstance(organization_id, Unset):
        json_organization_id = str(organization_id)
    params["organization_id"] = json_organization_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/usage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Usage:
    if response.status_code == 200:
        response_200 = Usage.from_dict(response.json())

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
) -> Response[Problem | Usage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: UUID | Unset = UNSET,
) -> Response[Problem | Usage]:
    """Your usage in the current month

     Accounts only (`billing:read`). What the deployments you can read have accrued in the current
    calendar month (UTC), from its first moment up to now: your own deployments and those of the
    organizations you belong to (any member role). This is a tenant view, not a global report:
    platform admins see their own and their organizations' usage here, like anyone else.
    `organization_id` narrows it to one organization; one you are not a member of (or that does not
    exist) is 404 `ORGANIZATION_NOT_FOUND`.

    A deployment accrues from `accepted_at` to `closed_at` (or now); pending deployments are not
    listed. `hours` is the overlap with the period in hours; `<resource>_hours` is quantity x hours
    (vCPUs, GiB of memory, GiB of storage, GPUs), rounded to 6 decimal places. The hourly price is
    the provider's current price for the resource, divided by 24 when it is daily and by 730 when it
    is monthly; a resource without a price costs nothing. `cost` is the sum of `<resource>_hours` x
    hourly price, rounded once to 8 decimal places, half to even (ROUND_HALF_EVEN). A provider without
    pricing gives cost `"0"` and currency null. All numbers are decimal strings. Prices are the
    provider's prices now: no price history is kept, so a price change applies to the whole period.

    At most 1,000 deployments are reported (newest first); `truncated` says when there were more.

    Args:
        organization_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Usage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    organization_id: UUID | Unset = UNSET,
) -> Problem | Usage | None:
    """Your usage in the current month

     Accounts only (`billing:read`). What the deployments you can read have accrued in the current
    calendar month (UTC), from its first moment up to now: your own deployments and those of the
    organizations you belong to (any member role). This is a tenant view, not a global report:
    platform admins see their own and their organizations' usage here, like anyone else.
    `organization_id` narrows it to one organization; one you are not a member of (or that does not
    exist) is 404 `ORGANIZATION_NOT_FOUND`.

    A deployment accrues from `accepted_at` to `closed_at` (or now); pending deployments are not
    listed. `hours` is the overlap with the period in hours; `<resource>_hours` is quantity x hours
    (vCPUs, GiB of memory, GiB of storage, GPUs), rounded to 6 decimal places. The hourly price is
    the provider's current price for the resource, divided by 24 when it is daily and by 730 when it
    is monthly; a resource without a price costs nothing. `cost` is the sum of `<resource>_hours` x
    hourly price, rounded once to 8 decimal places, half to even (ROUND_HALF_EVEN). A provider without
    pricing gives cost `"0"` and currency null. All numbers are decimal strings. Prices are the
    provider's prices now: no price history is kept, so a price change applies to the whole period.

    At most 1,000 deployments are reported (newest first); `truncated` says when there were more.

    Args:
        organization_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Usage
    """

    return sync_detailed(
        client=client,
        organization_id=organization_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    organization_id: UUID | Unset = UNSET,
) -> Response[Problem | Usage]:
    """Your usage in the current month

     Accounts only (`billing:read`). What the deployments you can read have accrued in the current
    calendar month (UTC), from its first moment up to now: your own deployments and those of the
    organizations you belong to (any member role). This is a tenant view, not a global report:
    platform admins see their own and their organizations' usage here, like anyone else.
    `organization_id` narrows it to one organization; one you are not a member of (or that does not
    exist) is 404 `ORGANIZATION_NOT_FOUND`.

    A deployment accrues from `accepted_at` to `closed_at` (or now); pending deployments are not
    listed. `hours` is the overlap with the period in hours; `<resource>_hours` is quantity x hours
    (vCPUs, GiB of memory, GiB of storage, GPUs), rounded to 6 decimal places. The hourly price is
    the provider's current price for the resource, divided by 24 when it is daily and by 730 when it
    is monthly; a resource without a price costs nothing. `cost` is the sum of `<resource>_hours` x
    hourly price, rounded once to 8 decimal places, half to even (ROUND_HALF_EVEN). A provider without
    pricing gives cost `"0"` and currency null. All numbers are decimal strings. Prices are the
    provider's prices now: no price history is kept, so a price change applies to the whole period.

    At most 1,000 deployments are reported (newest first); `truncated` says when there were more.

    Args:
        organization_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Usage]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    organization_id: UUID | Unset = UNSET,
) -> Problem | Usage | None:
    """Your usage in the current month

     Accounts only (`billing:read`). What the deployments you can read have accrued in the current
    calendar month (UTC), from its first moment up to now: your own deployments and those of the
    organizations you belong to (any member role). This is a tenant view, not a global report:
    platform admins see their own and their organizations' usage here, like anyone else.
    `organization_id` narrows it to one organization; one you are not a member of (or that does not
    exist) is 404 `ORGANIZATION_NOT_FOUND`.

    A deployment accrues from `accepted_at` to `closed_at` (or now); pending deployments are not
    listed. `hours` is the overlap with the period in hours; `<resource>_hours` is quantity x hours
    (vCPUs, GiB of memory, GiB of storage, GPUs), rounded to 6 decimal places. The hourly price is
    the provider's current price for the resource, divided by 24 when it is daily and by 730 when it
    is monthly; a resource without a price costs nothing. `cost` is the sum of `<resource>_hours` x
    hourly price, rounded once to 8 decimal places, half to even (ROUND_HALF_EVEN). A provider without
    pricing gives cost `"0"` and currency null. All numbers are decimal strings. Prices are the
    provider's prices now: no price history is kept, so a price change applies to the whole period.

    At most 1,000 deployments are reported (newest first); `truncated` says when there were more.

    Args:
        organization_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Usage
    """

    return (
        await asyncio_detailed(
            client=client,
            organization_id=organization_id,
        )
    ).parsed
