from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcesCreate")


@_attrs_define
class ResourcesCreate:
    """What to ask of the provider. Numbers take at most three decimal places (`TOO_MANY_DECIMALS`),
    and must fit the provider's declared capacity (422 `INSUFFICIENT_CAPACITY`).

        Attributes:
            cpu (float): vCPUs, more than 0 and at most 1024. Example: 2.
            memory (float): Memory in GiB, more than 0 and at most 16384. Example: 4.
            storage (float): Storage in GiB, 0 to 1048576. Example: 20.
            gpu (int | Unset): Whole GPUs, 0 to 64. Default: 0. Example: 0.
    """

    cpu: float
    memory: float
    storage: float
    gpu: int | Unset = 0

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
            }
        )
        if gpu is not UNSET:
            field_dict["gpu"] = gpu

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cpu = d.pop("cpu")

        memory = d.pop("memory")

        storage = d.pop("storage")

        gpu = d.pop("gpu", UNSET)

        resources_create = cls(
            cpu=cpu,
            memory=memory,
            storage=storage,
            gpu=gpu,
        )

        return resources_create
