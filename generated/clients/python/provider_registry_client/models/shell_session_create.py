from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ShellSessionCreate")


@_attrs_define
class ShellSessionCreate:
    """
    Example:
        {'service': 'web'}

    Attributes:
        service (str | Unset): Which of the deployment's services to open a shell in.
    """

    service: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service = self.service

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service = d.pop("service", UNSET)

        shell_session_create = cls(
            service=service,
        )

        return shell_session_create
