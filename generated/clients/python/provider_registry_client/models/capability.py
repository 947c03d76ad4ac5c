from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capability_parameters import CapabilityParameters


T = TypeVar("T", bound="Capability")


@_attrs_define
class Capability:
    """
    Attributes:
        name (str):  Example: chat_completion.
        description (str | Unset):
        parameters (CapabilityParameters | Unset): A JSON Schema describing the capability's parameters.
    """

    name: str
    description: str | Unset = UNSET
    parameters: CapabilityParameters | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capability_parameters import CapabilityParameters

        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: CapabilityParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = CapabilityParameters.from_dict(_parameters)

        capability = cls(
            name=name,
            description=description,
            parameters=parameters,
        )

        return capability
