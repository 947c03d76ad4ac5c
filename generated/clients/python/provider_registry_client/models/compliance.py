from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.compliance_level import ComplianceLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Compliance")


@_attrs_define
class Compliance:
    """
    Attributes:
        level (ComplianceLevel):
        certifications (list[str] | Unset):  Example: ['SOC2', 'ISO27001'].
        data_residency (list[str] | Unset):  Example: ['US', 'EU'].
    """

    level: ComplianceLevel
    certifications: list[str] | Unset = UNSET
    data_residency: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        level = self.level.value

        certifications: list[str] | Unset = UNSET
        if not isinstance(self.certifications, Unset):
            certifications = self.certifications

        data_residency: list[str] | Unset = UNSET
        if not isinstance(self.data_residency, Unset):
            data_residency = self.data_residency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
            }
        )
        if certifications is not UNSET:
            field_dict["certifications"] = certifications
        if data_residency is not UNSET:
            field_dict["data_residency"] = data_residency

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = ComplianceLevel(d.pop("level"))

        certifications = cast(list[str], d.pop("certifications", UNSET))

        data_residency = cast(list[str], d.pop("data_residency", UNSET))

        compliance = cls(
            level=level,
            certifications=certifications,
            data_residency=data_residency,
        )

        return compliance
