from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="Resources")


@_attrs_define
class Resources:
    """What a deployment asks of its provider.

    Attributes:
        cpu (float): vCPUs. Example: 2.
        memory (float): Memory in GiB. Example: 4.
        storage (float): Storage in GiB. Example: 20.
        gpu (int): Whole GPUs. Example: 0.
    """

    cpu: float
    memory: float
    storage: float
    gpu: int

    def to_dict(self) -> dict[str, Any]:
        cpu = self.cpu

        memory = self.memory

        storage = self.storage

        gpu = self.gpu

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cpu": cpu,
                "memory": memory,
                "storage": storage,
                "gpu": gpu,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cpu = d.pop("cpu")

        memory = d.pop("memory")

        storage = d.pop("storage")

        gpu = d.pop("gpu")

        resources = cls(
            cpu=cpu,
            memory=memory,
            storage=storage,
            gpu=gpu,
        )

        return resources
