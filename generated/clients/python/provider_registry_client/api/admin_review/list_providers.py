from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.provider_page import ProviderPage
from ...models.provider_status import ProviderStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ProviderStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["region"] = region

    params["supported_format"] = supported_format

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params["page"] = page

    params["page_size"] = page_size

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/admin/providers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProviderPage:
    if response.status_code == 200:
        response_200 = ProviderPage.from_dict(response.json())

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
) -> Response[Problem | ProviderPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ProviderStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[Problem | ProviderPage]:
    """List providers for review

     Three ways to page: `limit` + `cursor` (keyset, recommended; newest first), `page` + `page_size`, or
    `limit` + `offset` (the latter two add `total`). Mixing `cursor` with `page` or `offset`, or
    `page_size` without `page`, is a 400.

    Args:
        status (ProviderStatus | Unset): `pending` until an admin reviews it; then `approved` or
            `rejected`. An approved provider
            can be `suspended` and `reinstated` (back to `approved`).
        region (str | Unset):
        supported_format (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderPage]
    """

    kwargs = _get_kwargs(
        status=status,
        region=region,
        supported_format=supported_format,
        q=q,
        limit=limit,
        cursor=cursor,
        page=page,
        page_size=page_size,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ProviderStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Problem | ProviderPage | None:
    """List providers for review

     Three ways to page: `limit` + `cursor` (keyset, recommended; newest first), `page` + `page_size`, or
    `limit` + `offset` (the latter two add `total`). Mixing `cursor` with `page` or `offset`, or
    `page_size` without `page`, is a 400.

    Args:
        status (ProviderStatus | Unset): `pending` until an admin reviews it; then `approved` or
            `rejected`. An approved provider
            can be `suspended` and `reinstated` (back to `approved`).
        region (str | Unset):
        supported_format (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderPage
    """

    return sync_detailed(
        client=client,
        status=status,
        region=region,
        supported_format=supported_format,
        q=q,
        limit=limit,
        cursor=cursor,
        page=page,
        page_size=page_size,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ProviderStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Response[Problem | ProviderPage]:
    """List providers for review

     Three ways to page: `limit` + `cursor` (keyset, recommended; newest first), `page` + `page_size`, or
    `limit` + `offset` (the latter two add `total`). Mixing `cursor` with `page` or `offset`, or
    `page_size` without `page`, is a 400.

    Args:
        status (ProviderStatus | Unset): `pending` until an admin reviews it; then `approved` or
            `rejected`. An approved provider
            can be `suspended` and `reinstated` (back to `approved`).
        region (str | Unset):
        supported_format (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderPage]
    """

    kwargs = _get_kwargs(
        status=status,
        region=region,
        supported_format=supported_format,
        q=q,
        limit=limit,
        cursor=cursor,
        page=page,
        page_size=page_size,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ProviderStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    offset: int | Unset = UNSET,
) -> Problem | ProviderPage | None:
    """List providers for review

     Three ways to page: `limit` + `cursor` (keyset, recommended; newest first), `page` + `page_size`, or
    `limit` + `offset` (the latter two add `total`). Mixing `cursor` with `page` or `offset`, or
    `page_size` without `page`, is a 400.

    Args:
        status (ProviderStatus | Unset): `pending` until an admin reviews it; then `approved` or
            `rejected`. An approved provider
            can be `suspended` and `reinstated` (back to `approved`).
        region (str | Unset):
        supported_format (str | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        page (int | Unset):
        page_size (int | Unset):
        offset (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderPage
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            region=region,
            supported_format=supported_format,
            q=q,
            limit=limit,
            cursor=cursor,
            page=page,
            page_size=page_size,
            offset=offset,
        )
    ).parsed
