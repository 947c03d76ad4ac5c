from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.public_provider_page import PublicProviderPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    gpu_model: str | Unset = UNSET,
    min_gpu_count: int | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["region"] = region

    params["supported_format"] = supported_format

    params["gpu_model"] = gpu_model

    params["min_gpu_count"] = min_gpu_count

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/providers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | PublicProviderPage:
    if response.status_code == 200:
        response_200 = PublicProviderPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[Problem | PublicProviderPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    gpu_model: str | Unset = UNSET,
    min_gpu_count: int | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | PublicProviderPage]:
    """Approved providers

     Public. Approved providers only, public fields only, newest first.

    Args:
        region (str | Unset):
        supported_format (str | Unset):
        gpu_model (str | Unset):
        min_gpu_count (int | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicProviderPage]
    """

    kwargs = _get_kwargs(
        region=region,
        supported_format=supported_format,
        gpu_model=gpu_model,
        min_gpu_count=min_gpu_count,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    gpu_model: str | Unset = UNSET,
    min_gpu_count: int | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | PublicProviderPage | None:
    """Approved providers

     Public. Approved providers only, public fields only, newest first.

    Args:
        region (str | Unset):
        supported_format (str | Unset):
        gpu_model (str | Unset):
        min_gpu_count (int | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicProviderPage
    """

    return sync_detailed(
        client=client,
        region=region,
        supported_format=supported_format,
        gpu_model=gpu_model,
        min_gpu_count=min_gpu_count,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    gpu_model: str | Unset = UNSET,
    min_gpu_count: int | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | PublicProviderPage]:
    """Approved providers

     Public. Approved providers only, public fields only, newest first.

    Args:
        region (str | Unset):
        supported_format (str | Unset):
        gpu_model (str | Unset):
        min_gpu_count (int | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | PublicProviderPage]
    """

    kwargs = _get_kwargs(
        region=region,
        supported_format=supported_format,
        gpu_model=gpu_model,
        min_gpu_count=min_gpu_count,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    region: str | Unset = UNSET,
    supported_format: str | Unset = UNSET,
    gpu_model: str | Unset = UNSET,
    min_gpu_count: int | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | PublicProviderPage | None:
    """Approved providers

     Public. Approved providers only, public fields only, newest first.

    Args:
        region (str | Unset):
        supported_format (str | Unset):
        gpu_model (str | Unset):
        min_gpu_count (int | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | PublicProviderPage
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            supported_format=supported_format,
            gpu_model=gpu_model,
            min_gpu_count=min_gpu_count,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
