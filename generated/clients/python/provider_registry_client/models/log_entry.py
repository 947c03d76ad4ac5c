from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LogEntry")


@_attrs_define
class LogEntry:
    """
    Attributes:
        line (str): One line of output, without its line break.
        timestamp (datetime.datetime | Unset): When the line was written; the time of the request when absent.
        service (str | Unset): Which of the deployment's services wrote it.
    """

    line: str
    timestamp: datetime.datetime | Unset = UNSET
    service: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        line = self.line

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        service = self.service

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line": line,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        service = d.pop("service", UNSET)

        log_entry = cls(
            line=line,
            timestamp=timestamp,
            service=service,
        )

        return log_entry
