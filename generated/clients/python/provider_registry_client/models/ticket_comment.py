from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.ticket_comment_author_kind import TicketCommentAuthorKind

T = TypeVar("T", bound="TicketComment")


@_attrs_define
class TicketComment:
    """
    Example:
        {'id': 'a0b9c8d7-e6f5-4a4b-8c3d-2e1f0a9b8c7d', 'author_kind': 'provider', 'author_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'body': 'We moved the deployment to a less loaded node; please check
            again.', 'created_at': '2026-11-02T11:10:00Z'}

    Attributes:
        id (UUID):
        author_kind (TicketCommentAuthorKind): `account` (a tenant or a platform admin) or `provider`.
        author_id (UUID): The author's account id or provider id.
        body (str):
        created_at (datetime.datetime):
    """

    id: UUID
    author_kind: TicketCommentAuthorKind
    author_id: UUID
    body: str
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        author_kind = self.author_kind.value

        author_id = str(self.author_id)

        body = self.body

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "author_kind": author_kind,
                "author_id": author_id,
                "body": body,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        author_kind = TicketCommentAuthorKind(d.pop("author_kind"))

        author_id = UUID(d.pop("author_id"))

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        ticket_comment = cls(
            id=id,
            author_kind=author_kind,
            author_id=author_id,
            body=body,
            created_at=created_at,
        )

        return ticket_comment
