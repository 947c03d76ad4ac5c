from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.category import Category
from ...models.list_services_compliance_level import ListServicesComplianceLevel
from ...models.list_services_pricing_model import ListServicesPricingModel
from ...models.list_services_sort_by import ListServicesSortBy
from ...models.list_services_sort_order import ListServicesSortOrder
from ...models.problem import Problem
from ...models.service_page import ServicePage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    query: str | Unset = UNSET,
    category: Category | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    provider_id: UUID | Unset = UNSET,
    compliance_level: ListServicesComplianceLevel | Unset = UNSET,
    min_availability: float | Unset = UNSET,
    max_latency: int | Unset = UNSET,
    pricing_model: ListServicesPricingModel | Unset = UNSET,
    sort_by: ListServicesSortBy | Unset = UNSET,
    sort_order: ListServicesSortOrder | Unset = ListServicesSortOrder.DESC,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["query"] = query

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_tags: list[str] | Unset = UNSET
    if not isinstance(tags, Unset):
        json_tags = tags

    params["tags"] = json_tags

    json_provider_id: str | Unset = UNSET
    if not isinstance(provider_id, Unset):
        json_provider_id = str(provider_id)
    params["provider_id"] = json_provider_id

    json_compliance_level: str | Unset = UNSET
    if not isinstance(compliance_level, Unset):
        json_compliance_level = compliance_level.value

    params["compliance_level"] = json_compliance_level

    params["min_availability"] = min_availability

    params["max_latency"] = max_latency

    json_pricing_model: str | Unset = UNSET
    if not isinstance(pricing_model, Unset):
        json_pricing_model = pricing_model.value

    params["pricing_model"] = json_pricing_model

    json_sort_by: str | Unset = UNSET
    if not isinstance(sort_by, Unset):
        json_sort_by = sort_by.value

    params["sort_by"] = json_sort_by

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order.value

    params["sort_order"] = json_sort_order

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/services",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ServicePage:
    if response.status_code == 200:
        response_200 = ServicePage.from_dict(response.json())

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
) -> Response[Problem | ServicePage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    category: Category | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    provider_id: UUID | Unset = UNSET,
    compliance_level: ListServicesComplianceLevel | Unset = UNSET,
    min_availability: float | Unset = UNSET,
    max_latency: int | Unset = UNSET,
    pricing_model: ListServicesPricingModel | Unset = UNSET,
    sort_by: ListServicesSortBy | Unset = UNSET,
    sort_order: ListServicesSortOrder | Unset = ListServicesSortOrder.DESC,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ServicePage]:
    """Search the catalog

     Public: active and deprecated services only. `query` is full-text search over name, description and
    tags (ranked by relevance on PostgreSQL unless another `sort_by` is given). `tags` matches services
    carrying every tag given. Keyset pagination: `limit` and `cursor`; a cursor is only valid with the
    sort it was issued for.

    Args:
        query (str | Unset):
        category (Category | Unset):
        tags (list[str] | Unset):
        provider_id (UUID | Unset):
        compliance_level (ListServicesComplianceLevel | Unset):
        min_availability (float | Unset):
        max_latency (int | Unset):
        pricing_model (ListServicesPricingModel | Unset):
        sort_by (ListServicesSortBy | Unset):
        sort_order (ListServicesSortOrder | Unset):  Default: ListServicesSortOrder.DESC.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServicePage]
    """

    kwargs = _get_kwargs(
        query=query,
        category=category,
        tags=tags,
        provider_id=provider_id,
        compliance_level=compliance_level,
        min_availability=min_availability,
        max_latency=max_latency,
        pricing_model=pricing_model,
        sort_by=sort_by,
        sort_order=sort_order,
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
    query: str | Unset = UNSET,
    category: Category | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    provider_id: UUID | Unset = UNSET,
    compliance_level: ListServicesComplianceLevel | Unset = UNSET,
    min_availability: float | Unset = UNSET,
    max_latency: int | Unset = UNSET,
    pricing_model: ListServicesPricingModel | Unset = UNSET,
    sort_by: ListServicesSortBy | Unset = UNSET,
    sort_order: ListServicesSortOrder | Unset = ListServicesSortOrder.DESC,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | ServicePage | None:
    """Search the catalog

     Public: active and deprecated services only. `query` is full-text search over name, description and
    tags (ranked by relevance on PostgreSQL unless another `sort_by` is given). `tags` matches services
    carrying every tag given. Keyset pagination: `limit` and `cursor`; a cursor is only valid with the
    sort it was issued for.

    Args:
        query (str | Unset):
        category (Category | Unset):
        tags (list[str] | Unset):
        provider_id (UUID | Unset):
        compliance_level (ListServicesComplianceLevel | Unset):
        min_availability (float | Unset):
        max_latency (int | Unset):
        pricing_model (ListServicesPricingModel | Unset):
        sort_by (ListServicesSortBy | Unset):
        sort_order (ListServicesSortOrder | Unset):  Default: ListServicesSortOrder.DESC.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServicePage
    """

    return sync_detailed(
        client=client,
        query=query,
        category=category,
        tags=tags,
        provider_id=provider_id,
        compliance_level=compliance_level,
        min_availability=min_availability,
        max_latency=max_latency,
        pricing_model=pricing_model,
        sort_by=sort_by,
        sort_order=sort_order,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    category: Category | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    provider_id: UUID | Unset = UNSET,
    compliance_level: ListServicesComplianceLevel | Unset = UNSET,
    min_availability: float | Unset = UNSET,
    max_latency: int | Unset = UNSET,
    pricing_model: ListServicesPricingModel | Unset = UNSET,
    sort_by: ListServicesSortBy | Unset = UNSET,
    sort_order: ListServicesSortOrder | Unset = ListServicesSortOrder.DESC,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[Problem | ServicePage]:
    """Search the catalog

     Public: active and deprecated services only. `query` is full-text search over name, description and
    tags (ranked by relevance on PostgreSQL unless another `sort_by` is given). `tags` matches services
    carrying every tag given. Keyset pagination: `limit` and `cursor`; a cursor is only valid with the
    sort it was issued for.

    Args:
        query (str | Unset):
        category (Category | Unset):
        tags (list[str] | Unset):
        provider_id (UUID | Unset):
        compliance_level (ListServicesComplianceLevel | Unset):
        min_availability (float | Unset):
        max_latency (int | Unset):
        pricing_model (ListServicesPricingModel | Unset):
        sort_by (ListServicesSortBy | Unset):
        sort_order (ListServicesSortOrder | Unset):  Default: ListServicesSortOrder.DESC.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ServicePage]
    """

    kwargs = _get_kwargs(
        query=query,
        category=category,
        tags=tags,
        provider_id=provider_id,
        compliance_level=compliance_level,
        min_availability=min_availability,
        max_latency=max_latency,
        pricing_model=pricing_model,
        sort_by=sort_by,
        sort_order=sort_order,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    query: str | Unset = UNSET,
    category: Category | Unset = UNSET,
    tags: list[str] | Unset = UNSET,
    provider_id: UUID | Unset = UNSET,
    compliance_level: ListServicesComplianceLevel | Unset = UNSET,
    min_availability: float | Unset = UNSET,
    max_latency: int | Unset = UNSET,
    pricing_model: ListServicesPricingModel | Unset = UNSET,
    sort_by: ListServicesSortBy | Unset = UNSET,
    sort_order: ListServicesSortOrder | Unset = ListServicesSortOrder.DESC,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Problem | ServicePage | None:
    """Search the catalog

     Public: active and deprecated services only. `query` is full-text search over name, description and
    tags (ranked by relevance on PostgreSQL unless another `sort_by` is given). `tags` matches services
    carrying every tag given. Keyset pagination: `limit` and `cursor`; a cursor is only valid with the
    sort it was issued for.

    Args:
        query (str | Unset):
        category (Category | Unset):
        tags (list[str] | Unset):
        provider_id (UUID | Unset):
        compliance_level (ListServicesComplianceLevel | Unset):
        min_availability (float | Unset):
        max_latency (int | Unset):
        pricing_model (ListServicesPricingModel | Unset):
        sort_by (ListServicesSortBy | Unset):
        sort_order (ListServicesSortOrder | Unset):  Default: ListServicesSortOrder.DESC.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ServicePage
    """

    return (
        await asyncio_detailed(
            client=client,
            query=query,
            category=category,
            tags=tags,
            provider_id=provider_id,
            compliance_level=compliance_level,
            min_availability=min_availability,
            max_latency=max_latency,
            pricing_model=pricing_model,
            sort_by=sort_by,
            sort_order=sort_order,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
