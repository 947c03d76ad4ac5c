from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.invoice_page import InvoicePage
from ...models.list_invoices_status import ListInvoicesStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: ListInvoicesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InvoicePage | Problem:
    if response.status_code == 200:
        response_200 = InvoicePage.from_dict(response.json())

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
) -> Response[InvoicePage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: ListInvoicesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[InvoicePage | Problem]:
    """Invoices you can see

     Accounts only (`billing:read`). Your own invoices, those of the organizations where you are an
    admin (organization role `admin`; members and viewers do not see them), and for platform admins
    every invoice. Newest first, keyset pages (`limit`, `cursor`); a cursor this API did not issue
    is 400 `VALIDATION_ERROR` (field code `INVALID_CURSOR`). Items leave out the lines; read one
    invoice for them.

    Invoices are made by the `provider-registry generate-invoices --period YYYY-MM` command for a
    month that has ended: one per billed party (the deployment's organization, else its owner
    account) and currency, with a line per deployment active during the month, priced by the
    rules of `GET /api/v1/usage` with the providers' prices when the command runs (a party whose
    total is 0 gets no invoice). Due date: the first day after the month plus the configured
    `portal.invoice_due_days` (30 by default). `status` is stored as pending or paid; a pending invoice
    whose due date
    is before today (UTC) is reported, and filtered, as `overdue` (so `status=pending` lists the
    pending invoices that are not overdue).

    Args:
        status (ListInvoicesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoicePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: ListInvoicesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> InvoicePage | Problem | None:
    """Invoices you can see

     Accounts only (`billing:read`). Your own invoices, those of the organizations where you are an
    admin (organization role `admin`; members and viewers do not see them), and for platform admins
    every invoice. Newest first, keyset pages (`limit`, `cursor`); a cursor this API did not issue
    is 400 `VALIDATION_ERROR` (field code `INVALID_CURSOR`). Items leave out the lines; read one
    invoice for them.

    Invoices are made by the `provider-registry generate-invoices --period YYYY-MM` command for a
    month that has ended: one per billed party (the deployment's organization, else its owner
    account) and currency, with a line per deployment active during the month, priced by the
    rules of `GET /api/v1/usage` with the providers' prices when the command runs (a party whose
    total is 0 gets no invoice). Due date: the first day after the month plus the configured
    `portal.invoice_due_days` (30 by default). `status` is stored as pending or paid; a pending invoice
    whose due date
    is before today (UTC) is reported, and filtered, as `overdue` (so `status=pending` lists the
    pending invoices that are not overdue).

    Args:
        status (ListInvoicesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoicePage | Problem
    """

    return sync_detailed(
        client=client,
        status=status,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: ListInvoicesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[InvoicePage | Problem]:
    """Invoices you can see

     Accounts only (`billing:read`). Your own invoices, those of the organizations where you are an
    admin (organization role `admin`; members and viewers do not see them), and for platform admins
    every invoice. Newest first, keyset pages (`limit`, `cursor`); a cursor this API did not issue
    is 400 `VALIDATION_ERROR` (field code `INVALID_CURSOR`). Items leave out the lines; read one
    invoice for them.

    Invoices are made by the `provider-registry generate-invoices --period YYYY-MM` command for a
    month that has ended: one per billed party (the deployment's organization, else its owner
    account) and currency, with a line per deployment active during the month, priced by the
    rules of `GET /api/v1/usage` with the providers' prices when the command runs (a party whose
    total is 0 gets no invoice). Due date: the first day after the month plus the configured
    `portal.invoice_due_days` (30 by default). `status` is stored as pending or paid; a pending invoice
    whose due date
    is before today (UTC) is reported, and filtered, as `overdue` (so `status=pending` lists the
    pending invoices that are not overdue).

    Args:
        status (ListInvoicesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InvoicePage | Problem]
    """

    kwargs = _get_kwargs(
        status=status,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: ListInvoicesStatus | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> InvoicePage | Problem | None:
    """Invoices you can see

     Accounts only (`billing:read`). Your own invoices, those of the organizations where you are an
    admin (organization role `admin`; members and viewers do not see them), and for platform admins
    every invoice. Newest first, keyset pages (`limit`, `cursor`); a cursor this API did not issue
    is 400 `VALIDATION_ERROR` (field code `INVALID_CURSOR`). Items leave out the lines; read one
    invoice for them.

    Invoices are made by the `provider-registry generate-invoices --period YYYY-MM` command for a
    month that has ended: one per billed party (the deployment's organization, else its owner
    account) and currency, with a line per deployment active during the month, priced by the
    rules of `GET /api/v1/usage` with the providers' prices when the command runs (a party whose
    total is 0 gets no invoice). Due date: the first day after the month plus the configured
    `portal.invoice_due_days` (30 by default). `status` is stored as pending or paid; a pending invoice
    whose due date
    is before today (UTC) is reported, and filtered, as `overdue` (so `status=pending` lists the
    pending invoices that are not overdue).

    Args:
        status (ListInvoicesStatus | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InvoicePage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
