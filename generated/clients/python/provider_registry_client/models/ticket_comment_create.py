from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TicketCommentCreate")


@_attrs_define
class TicketCommentCreate:
    """
    Example:
        {'body': 'We moved the deployment to a less loaded node; please check again.'}

    Attributes:
        body (str):  Example: We restarted the node; please check again..
    """

    body: str

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "body": body,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        body = d.pop("body")

        ticket_comment_create = cls(
            body=body,
        )

        return ticket_comment_create
