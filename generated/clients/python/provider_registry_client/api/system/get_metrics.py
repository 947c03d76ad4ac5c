from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    response_default = Problem.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | str]:
    """Prometheus metrics (internal)

     Prometheus text exposition: `provider_service_up`,
    `provider_service_requests_total{method,endpoint,status_code}` (endpoint is the route
    template) and `provider_service_request_duration_seconds`, aggregated over all workers.

    Internal: for the operator's Prometheus, not for API clients; keep it off the public
    network (route only the API through the public proxy). When `metrics.token` is configured,
    it needs `Authorization: Bearer <token>` (else 401 `UNAUTHENTICATED`); the token is a
    static shared secret, not a JWT, so the operation declares no OpenAPI security scheme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | str | None:
    """Prometheus metrics (internal)

     Prometheus text exposition: `provider_service_up`,
    `provider_service_requests_total{method,endpoint,status_code}` (endpoint is the route
    template) and `provider_service_request_duration_seconds`, aggregated over all workers.

    Internal: for the operator's Prometheus, not for API clients; keep it off the public
    network (route only the API through the public proxy). When `metrics.token` is configured,
    it needs `Authorization: Bearer <token>` (else 401 `UNAUTHENTICATED`); the token is a
    static shared secret, not a JWT, so the operation declares no OpenAPI security scheme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | str]:
    """Prometheus metrics (internal)

     Prometheus text exposition: `provider_service_up`,
    `provider_service_requests_total{method,endpoint,status_code}` (endpoint is the route
    template) and `provider_service_request_duration_seconds`, aggregated over all workers.

    Internal: for the operator's Prometheus, not for API clients; keep it off the public
    network (route only the API through the public proxy). When `metrics.token` is configured,
    it needs `Authorization: Bearer <token>` (else 401 `UNAUTHENTICATED`); the token is a
    static shared secret, not a JWT, so the operation declares no OpenAPI security scheme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Problem | str | None:
    """Prometheus metrics (internal)

     Prometheus text exposition: `provider_service_up`,
    `provider_service_requests_total{method,endpoint,status_code}` (endpoint is the route
    template) and `provider_service_request_duration_seconds`, aggregated over all workers.

    Internal: for the operator's Prometheus, not for API clients; keep it off the public
    network (route only the API through the public proxy). When `metrics.token` is configured,
    it needs `Authorization: Bearer <token>` (else 401 `UNAUTHENTICATED`); the token is a
    static shared secret, not a JWT, so the operation declares no OpenAPI security scheme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
