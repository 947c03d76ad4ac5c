from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ticket_category import TicketCategory
from ..models.ticket_priority import TicketPriority
from ..models.ticket_status import TicketStatus

T = TypeVar("T", bound="Ticket")


@_attrs_define
class Ticket:
    """
    Example:
        {'id': 'b9c8d7e6-f5a4-4b3c-9d2e-1f0a9b8c7d6e', 'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01',
            'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'opened_by': '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f',
            'subject': 'Inference latency above the SLA', 'description': 'Since 10:00 UTC p95 latency is about 4 s; the SLA
            promises 2 s.', 'category': 'technical', 'priority': 'high', 'status': 'open', 'created_at':
            '2026-11-02T10:45:00Z', 'updated_at': '2026-11-02T10:45:00Z'}

    Attributes:
        id (UUID):
        deployment_id (UUID):
        provider_id (UUID): The provider the deployment runs on.
        opened_by (UUID): The account that opened the ticket.
        subject (str):
        description (str):
        category (TicketCategory):
        priority (TicketPriority):
        status (TicketStatus): `open` when created; the provider (or a platform admin) moves it through `in_progress`,
            `waiting_customer` and `resolved`, and `closed` is final.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    deployment_id: UUID
    provider_id: UUID
    opened_by: UUID
    subject: str
    description: str
    category: TicketCategory
    priority: TicketPriority
    status: TicketStatus
    created_at: datetime.datetime
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        deployment_id = str(self.deployment_id)

        provider_id = str(self.provider_id)

        opened_by = str(self.opened_by)

        subject = self.subject

        description = self.description

        category = self.category.value

        priority = self.priority.value

        status = self.status.value

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "deployment_id": deployment_id,
                "provider_id": provider_id,
                "opened_by": opened_by,
                "subject": subject,
                "description": description,
                "category": category,
                "priority": priority,
                "status": status,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        deployment_id = UUID(d.pop("deployment_id"))

        provider_id = UUID(d.pop("provider_id"))

        opened_by = UUID(d.pop("opened_by"))

        subject = d.pop("subject")

        description = d.pop("description")

        category = TicketCategory(d.pop("category"))

        priority = TicketPriority(d.pop("priority"))

        status = TicketStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        ticket = cls(
            id=id,
            deployment_id=deployment_id,
            provider_id=provider_id,
            opened_by=opened_by,
            subject=subject,
            description=description,
            category=category,
            priority=priority,
            status=status,
            created_at=created_at,
            updated_at=updated_at,
        )

        return ticket
