from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.invoice_status import InvoiceStatus

if TYPE_CHECKING:
    from ..models.billed_to import BilledTo
    from ..models.invoice_line import InvoiceLine


T = TypeVar("T", bound="Invoice")


@_attrs_define
class Invoice:
    """An invoice with its lines; `total` is the sum of the lines' amounts.

    Example:
        {'id': '91a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b5c', 'number': 'INV-202611-91A2B3C4', 'period': '2026-11',
            'billed_to': {'kind': 'organization', 'id': 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f'}, 'currency': 'USD', 'total':
            '18.8739726', 'status': 'pending', 'due_date': '2026-12-15', 'paid_at': None, 'created_at':
            '2026-12-01T00:05:00Z', 'lines': [{'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'provider_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'description': 'inference-us-west-1 on ACME Compute, 2026-11',
            'cpu_hours': '80', 'memory_gb_hours': '640', 'storage_gb_hours': '2000', 'gpu_hours': '10', 'amount':
            '18.8739726'}]}

    Attributes:
        id (UUID):
        number (str):  Example: INV-202610-3F9A0C1B.
        period (str): The billed calendar month (UTC), `YYYY-MM`, from its first day at 00:00 to the first day of the
            next month at 00:00. Example: 2026-10.
        billed_to (BilledTo): Who the invoice is addressed to. A deployment that belongs to an organization is billed to
            the organization, any other to the account that owns it.
        currency (str): ISO 4217 code, as the provider priced in. Example: USD.
        total (str): A non-negative amount of money with at most 8 decimal places, as a string. Example: 12.5.
        status (InvoiceStatus): `pending` until a platform admin records the payment, then `paid`. A pending invoice
            whose due date has passed (before today, UTC) is shown as `overdue`.
        due_date (datetime.date):
        paid_at (datetime.datetime | None):
        created_at (datetime.datetime):
        lines (list[InvoiceLine]):
    """

    id: UUID
    number: str
    period: str
    billed_to: BilledTo
    currency: str
    total: str
    status: InvoiceStatus
    due_date: datetime.date
    paid_at: datetime.datetime | None
    created_at: datetime.datetime
    lines: list[InvoiceLine]

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        period = self.period

        billed_to = self.billed_to.to_dict()

        currency = self.currency

        total = self.total

        status = self.status.value

        due_date = self.due_date.isoformat()

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        created_at = self.created_at.isoformat()

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "number": number,
                "period": period,
                "billed_to": billed_to,
                "currency": currency,
                "total": total,
                "status": status,
                "due_date": due_date,
                "paid_at": paid_at,
                "created_at": created_at,
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billed_to import BilledTo
        from ..models.invoice_line import InvoiceLine

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        period = d.pop("period")

        billed_to = BilledTo.from_dict(d.pop("billed_to"))

        currency = d.pop("currency")

        total = d.pop("total")

        status = InvoiceStatus(d.pop("status"))

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = InvoiceLine.from_dict(lines_item_data)

            lines.append(lines_item)

        invoice = cls(
            id=id,
            number=number,
            period=period,
            billed_to=billed_to,
            currency=currency,
            total=total,
            status=status,
            due_date=due_date,
            paid_at=paid_at,
            created_at=created_at,
            lines=lines,
        )

        return invoice
