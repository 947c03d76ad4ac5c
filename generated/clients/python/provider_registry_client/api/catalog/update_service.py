from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service import Service
from ...models.service_update import ServiceUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    service_id: UUID,
    *,
    body: ServiceUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/services/{service_id}".format(
            service_id=quote(str(service_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Service:
    if response.status_code == 200:
        response_200 = Service.from_dict(response.json())

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
) -> Response[Problem | Service]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Service]:
    """Update a service

     The owner or an admin. Honours `If-Match` (stale: 412). Another provider's service is 403 if it is
    public, else 404. The endpoint URL is judged as on creation (`INVALID_URL`, `FORBIDDEN_HOST`).

    Args:
        service_id (UUID):
        if_match (str | Unset):
        body (ServiceUpdate): Name, version, status and ids cannot change; publish a new version
            instead. Example: {'description': 'Llama 3 70B chat completions on A100s, now with 8k
            context.', 'category': 'text-generation', 'tags': ['llm', 'chat', '8k-context'],
            'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat
            completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'premium'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Service]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Service | None:
    """Update a service

     The owner or an admin. Honours `If-Match` (stale: 412). Another provider's service is 403 if it is
    public, else 404. The endpoint URL is judged as on creation (`INVALID_URL`, `FORBIDDEN_HOST`).

    Args:
        service_id (UUID):
        if_match (str | Unset):
        body (ServiceUpdate): Name, version, status and ids cannot change; publish a new version
            instead. Example: {'description': 'Llama 3 70B chat completions on A100s, now with 8k
            context.', 'category': 'text-generation', 'tags': ['llm', 'chat', '8k-context'],
            'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat
            completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'premium'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Service
    """

    return sync_detailed(
        service_id=service_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Service]:
    """Update a service

     The owner or an admin. Honours `If-Match` (stale: 412). Another provider's service is 403 if it is
    public, else 404. The endpoint URL is judged as on creation (`INVALID_URL`, `FORBIDDEN_HOST`).

    Args:
        service_id (UUID):
        if_match (str | Unset):
        body (ServiceUpdate): Name, version, status and ids cannot change; publish a new version
            instead. Example: {'description': 'Llama 3 70B chat completions on A100s, now with 8k
            context.', 'category': 'text-generation', 'tags': ['llm', 'chat', '8k-context'],
            'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat
            completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'premium'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Service]
    """

    kwargs = _get_kwargs(
        service_id=service_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    service_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ServiceUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Service | None:
    """Update a service

     The owner or an admin. Honours `If-Match` (stale: 412). Another provider's service is 403 if it is
    public, else 404. The endpoint URL is judged as on creation (`INVALID_URL`, `FORBIDDEN_HOST`).

    Args:
        service_id (UUID):
        if_match (str | Unset):
        body (ServiceUpdate): Name, version, status and ids cannot change; publish a new version
            instead. Example: {'description': 'Llama 3 70B chat completions on A100s, now with 8k
            context.', 'category': 'text-generation', 'tags': ['llm', 'chat', '8k-context'],
            'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat
            completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type':
            'integer', 'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url':
            'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD',
            'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate':
            '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'premium'}, 'compliance': {'level': 'public', 'certifications': ['SOC2',
            'ISO27001'], 'data_residency': ['US']}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Service
    """

    return (
        await asyncio_detailed(
            service_id=service_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
