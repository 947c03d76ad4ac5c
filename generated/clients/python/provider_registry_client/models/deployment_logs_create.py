from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.log_entry import LogEntry


T = TypeVar("T", bound="DeploymentLogsCreate")


@_attrs_define
class DeploymentLogsCreate:
    """
    Example:
        {'lines': [{'line': 'Model loaded in 41.2 s', 'timestamp': '2026-11-02T10:35:01Z', 'service': 'web'}, {'line':
            'Listening on :8000', 'timestamp': '2026-11-02T10:35:02Z', 'service': 'web'}]}

    Attributes:
        lines (list[LogEntry]):
    """

    lines: list[LogEntry]

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "lines": lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.log_entry import LogEntry

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LogEntry.from_dict(lines_item_data)

            lines.append(lines_item)

        deployment_logs_create = cls(
            lines=lines,
        )

        return deployment_logs_create
