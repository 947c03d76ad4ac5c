from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.provider_create import ProviderCreate
from ...models.provider_created import ProviderCreated
from ...types import Response


def _get_kwargs(
    *,
    body: ProviderCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/registration/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProviderCreated:
    if response.status_code == 201:
        response_201 = ProviderCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | ProviderCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderCreate,
) -> Response[Problem | ProviderCreated]:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderCreate):  Example: {'name': 'ACME Compute', 'email': 'ops@acme-
            compute.example', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints':
            [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https',
            'secure': True}, {'type': 'shell', 'url': 'wss://shell.acme-compute.example/v1',
            'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'],
            'software_version': '1.4.2', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}, 'terms': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderCreated]
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
    client: AuthenticatedClient | Client,
    body: ProviderCreate,
) -> Problem | ProviderCreated | None:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderCreate):  Example: {'name': 'ACME Compute', 'email': 'ops@acme-
            compute.example', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints':
            [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https',
            'secure': True}, {'type': 'shell', 'url': 'wss://shell.acme-compute.example/v1',
            'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'],
            'software_version': '1.4.2', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}, 'terms': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderCreate,
) -> Response[Problem | ProviderCreated]:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderCreate):  Example: {'name': 'ACME Compute', 'email': 'ops@acme-
            compute.example', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints':
            [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https',
            'secure': True}, {'type': 'shell', 'url': 'wss://shell.acme-compute.example/v1',
            'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'],
            'software_version': '1.4.2', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}, 'terms': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProviderCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ProviderCreate,
) -> Problem | ProviderCreated | None:
    """Register a provider

     Public. Registers a compute provider; it starts `pending` until an admin reviews it. Send an
    account's bearer token to make that account the provider's owner. Every invalid field is reported at
    once in `errors`, each with a stable code (`INVALID_NAME`, `INVALID_EMAIL`, `INVALID_PUBLIC_KEY`,
    `WEAK_PUBLIC_KEY`, `NO_ENDPOINTS`, `INVALID_PROTOCOL`, `INVALID_URL`, `URL_SCHEME_MISMATCH`,
    `INVALID_PORT`, `SECURE_MISMATCH`, `FORBIDDEN_HOST`, `INVALID_REGION`, `TERMS_NOT_ACCEPTED`). The
    response holds the provider's first API key, shown only once.

    Args:
        body (ProviderCreate):  Example: {'name': 'ACME Compute', 'email': 'ops@acme-
            compute.example', 'organization': 'ACME Corp', 'public_key': '-----BEGIN PUBLIC
            KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArgUFPv7+Ofr94mZ55DtF
            \\noLi86vrn8+c9GLI5XZDd/iJ4DMzAyCwvhQlQGLVIOoBgODjJexpEQgPXT0DpSNHw\\nmEvmEf
            gROYZeowC7QldD30ncWbzeaSl8zUBJgXy9ylP9PpYgAf/f8gfZsp/7eZKv\\nF7p3RN5iGODUZjY
            9j+2Zn14iSApGlAbmSmLH/PeVswhj6JCFt6HB9SLd6ji4NQc6\\n/vUMuMtsBCicBkz65ufcHfUz
            daiUL8qbDxAnS0ziGJ6qUfi+8ZSSDBywX8gsGi6W\\n6KL8lYQT4pyW9JbfOYjKSKFC2PsvTXzP7
            CPU1NEi3dEYIX9/VhEM28SrIF3K+t5e\\nxQIDAQAB\\n-----END PUBLIC KEY-----\\n', 'endpoints':
            [{'type': 'api', 'url': 'https://api.acme-compute.example:8443', 'protocol': 'https',
            'secure': True}, {'type': 'shell', 'url': 'wss://shell.acme-compute.example/v1',
            'protocol': 'wss', 'secure': True}], 'metadata': {'region': 'us-west-2',
            'supported_formats': ['ONNX', 'TensorRT'], 'capabilities': ['inference', 'gpu'],
            'software_version': '1.4.2', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}, 'terms': True}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProviderCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
