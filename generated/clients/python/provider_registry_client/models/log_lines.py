from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="LogLines")


@_attrs_define
class LogLines:
    """
    Example:
        {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'lines': ['2026-11-02T10:35:01Z web Model loaded in
            41.2 s', '2026-11-02T10:35:02Z web Listening on :8000'], 'truncated': False, 'next_cursor': None}

    Attributes:
        deployment_id (UUID):
        lines (list[str]): Oldest first; each prefixed with its RFC 3339 UTC time and a space when `timestamps=true`.
        truncated (bool): True when fewer than `tail` lines were returned to keep the response within its size limit.
        next_cursor (None | str): Pass as `cursor` for the lines before these; null when there are no older lines.
    """

    deployment_id: UUID
    lines: list[str]
    truncated: bool
    next_cursor: None | str

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        lines = self.lines

        truncated = self.truncated

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "lines": lines,
                "truncated": truncated,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        lines = cast(list[str], d.pop("lines"))

        truncated = d.pop("truncated")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        log_lines = cls(
            deployment_id=deployment_id,
            lines=lines,
            truncated=truncated,
            next_cursor=next_cursor,
        )

        return log_lines
