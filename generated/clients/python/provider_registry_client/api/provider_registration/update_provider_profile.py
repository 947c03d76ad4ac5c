from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.provider import Provider
from ...models.provider_update import ProviderUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ProviderUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/provider/profile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | Provider:
    if response.status_code == 200:
        response_200 = Provider.from_dict(response.json())

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
) -> Response[Problem | Provider]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ProviderUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Provider]:
    """Update your provider profile

     Changes the editable fields. Send the `ETag` you read as `If-Match`: if the record changed since,
    nothing is written and the answer is 412.

    Args:
        if_match (str | Unset):
        body (ProviderUpdate): The fields a provider may change itself. Status, email and ids are
            not among them. Example: {'name': 'ACME Compute West', 'organization': 'ACME Corp',
            'public_key': '-----BEGIN PUBLIC
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
            'software_version': '1.5.0', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Provider]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProviderUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Provider | None:
    """Update your provider profile

     Changes the editable fields. Send the `ETag` you read as `If-Match`: if the record changed since,
    nothing is written and the answer is 412.

    Args:
        if_match (str | Unset):
        body (ProviderUpdate): The fields a provider may change itself. Status, email and ids are
            not among them. Example: {'name': 'ACME Compute West', 'organization': 'ACME Corp',
            'public_key': '-----BEGIN PUBLIC
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
            'software_version': '1.5.0', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Provider
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProviderUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | Provider]:
    """Update your provider profile

     Changes the editable fields. Send the `ETag` you read as `If-Match`: if the record changed since,
    nothing is written and the answer is 412.

    Args:
        if_match (str | Unset):
        body (ProviderUpdate): The fields a provider may change itself. Status, email and ids are
            not among them. Example: {'name': 'ACME Compute West', 'organization': 'ACME Corp',
            'public_key': '-----BEGIN PUBLIC
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
            'software_version': '1.5.0', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Provider]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProviderUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | Provider | None:
    """Update your provider profile

     Changes the editable fields. Send the `ETag` you read as `If-Match`: if the record changed since,
    nothing is written and the answer is 412.

    Args:
        if_match (str | Unset):
        body (ProviderUpdate): The fields a provider may change itself. Status, email and ids are
            not among them. Example: {'name': 'ACME Compute West', 'organization': 'ACME Corp',
            'public_key': '-----BEGIN PUBLIC
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
            'software_version': '1.5.0', 'description': 'GPU inference on NVIDIA A100s in Oregon.',
            'website': 'https://acme-compute.example'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Provider
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
