from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ticket_category import TicketCategory
from ..models.ticket_priority import TicketPriority
from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketCreate")


@_attrs_define
class TicketCreate:
    """
    Example:
        {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'subject': 'Inference latency above the SLA',
            'description': 'Since 10:00 UTC p95 latency is about 4 s; the SLA promises 2 s.', 'category': 'technical',
            'priority': 'high'}

    Attributes:
        deployment_id (UUID): A deployment you may change (its owner, or an admin or member of its organization).
        subject (str): One line of printable text (no control characters). Example: Deployment stuck in pending.
        description (str):  Example: The deployment has been pending for two hours..
        category (TicketCategory):
        priority (TicketPriority | Unset):  Default: TicketPriority.MEDIUM.
    """

    deployment_id: UUID
    subject: str
    description: str
    category: TicketCategory
    priority: TicketPriority | Unset = TicketPriority.MEDIUM

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        subject = self.subject

        description = self.description

        category = self.category.value

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "subject": subject,
                "description": description,
                "category": category,
            }
        )
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        subject = d.pop("subject")

        description = d.pop("description")

        category = TicketCategory(d.pop("category"))

        _priority = d.pop("priority", UNSET)
        priority: TicketPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = TicketPriority(_priority)

        ticket_create = cls(
            deployment_id=deployment_id,
            subject=subject,
            description=description,
            category=category,
            priority=priority,
        )

        return ticket_create
