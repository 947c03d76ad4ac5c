from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service import Service
from ...models.service_create import ServiceCreate
from ...types import Response


def _get_kwargs(
    *,
    body: ServiceCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/services",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Service:
    if response.status_code == 201:
        response_201 = Service.from_dict(response.json())

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
) -> Response[Problem | Service]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ServiceCreate,
) -> Response[Problem | Service]:
    """Publish a service (as pending approval)

     An approved provider (its provider token, or a provider key with `services:write`) adds a service.
    It starts `pending_approval`; status is never set by the client. The same provider, name and version
    again is 409 `SERVICE_VERSION_TAKEN`. A provider that is not approved gets 403
    `PROVIDER_NOT_APPROVED`. An endpoint URL that is ambiguous (`INVALID_URL`) or points at a non-public
    host (`FORBIDDEN_HOST`) is 400 `VALIDATION_ERROR` with that code for `endpoint.url`.

    Args:
        body (ServiceCreate):  Example: {'name': 'acme-chat', 'version': '1.0.0', 'description':
            'Llama 3 70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm',
            'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible
            chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'standard'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Service]
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
    body: ServiceCreate,
) -> Problem | Service | None:
    """Publish a service (as pending approval)

     An approved provider (its provider token, or a provider key with `services:write`) adds a service.
    It starts `pending_approval`; status is never set by the client. The same provider, name and version
    again is 409 `SERVICE_VERSION_TAKEN`. A provider that is not approved gets 403
    `PROVIDER_NOT_APPROVED`. An endpoint URL that is ambiguous (`INVALID_URL`) or points at a non-public
    host (`FORBIDDEN_HOST`) is 400 `VALIDATION_ERROR` with that code for `endpoint.url`.

    Args:
        body (ServiceCreate):  Example: {'name': 'acme-chat', 'version': '1.0.0', 'description':
            'Llama 3 70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm',
            'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible
            chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'standard'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Service
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ServiceCreate,
) -> Response[Problem | Service]:
    """Publish a service (as pending approval)

     An approved provider (its provider token, or a provider key with `services:write`) adds a service.
    It starts `pending_approval`; status is never set by the client. The same provider, name and version
    again is 409 `SERVICE_VERSION_TAKEN`. A provider that is not approved gets 403
    `PROVIDER_NOT_APPROVED`. An endpoint URL that is ambiguous (`INVALID_URL`) or points at a non-public
    host (`FORBIDDEN_HOST`) is 400 `VALIDATION_ERROR` with that code for `endpoint.url`.

    Args:
        body (ServiceCreate):  Example: {'name': 'acme-chat', 'version': '1.0.0', 'description':
            'Llama 3 70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm',
            'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible
            chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'standard'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Service]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ServiceCreate,
) -> Problem | Service | None:
    """Publish a service (as pending approval)

     An approved provider (its provider token, or a provider key with `services:write`) adds a service.
    It starts `pending_approval`; status is never set by the client. The same provider, name and version
    again is 409 `SERVICE_VERSION_TAKEN`. A provider that is not approved gets 403
    `PROVIDER_NOT_APPROVED`. An endpoint URL that is ambiguous (`INVALID_URL`) or points at a non-public
    host (`FORBIDDEN_HOST`) is 400 `VALIDATION_ERROR` with that code for `endpoint.url`.

    Args:
        body (ServiceCreate):  Example: {'name': 'acme-chat', 'version': '1.0.0', 'description':
            'Llama 3 70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm',
            'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible
            chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'standard'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Service
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
