from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.audit_event_actor_kind import AuditEventActorKind

if TYPE_CHECKING:
    from ..models.audit_event_details import AuditEventDetails


T = TypeVar("T", bound="AuditEvent")


@_attrs_define
class AuditEvent:
    """
    Attributes:
        id (UUID):
        actor_kind (AuditEventActorKind):
        actor_id (None | UUID):
        action (str):  Example: provider.approved.
        target_kind (str):  Example: provider.
        target_id (UUID):
        request_id (str):
        details (AuditEventDetails):
        created_at (datetime.datetime):
    """

    id: UUID
    actor_kind: AuditEventActorKind
    actor_id: None | UUID
    action: str
    target_kind: str
    target_id: UUID
    request_id: str
    details: AuditEventDetails
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        actor_kind = self.actor_kind.value

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        action = self.action

        target_kind = self.target_kind

        target_id = str(self.target_id)

        request_id = self.request_id

        details = self.details.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "actor_kind": actor_kind,
                "actor_id": actor_id,
                "action": action,
                "target_kind": target_kind,
                "target_id": target_id,
                "request_id": request_id,
                "details": details,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.audit_event_details import AuditEventDetails

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        actor_kind = AuditEventActorKind(d.pop("actor_kind"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        action = d.pop("action")

        target_kind = d.pop("target_kind")

        target_id = UUID(d.pop("target_id"))

        request_id = d.pop("request_id")

        details = AuditEventDetails.from_dict(d.pop("details"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        audit_event = cls(
            id=id,
            actor_kind=actor_kind,
            actor_id=actor_id,
            action=action,
            target_kind=target_kind,
            target_id=target_id,
            request_id=request_id,
            details=details,
            created_at=created_at,
        )

        return audit_event
