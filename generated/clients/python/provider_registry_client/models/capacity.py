from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Capacity")


@_attrs_define
class Capacity:
    """
    Example:
        {'gpu_model': 'NVIDIA A100', 'gpu_count': 8, 'gpu_memory_gb': 80, 'cpu_cores': 64, 'memory_gb': 512,
            'storage_gb': 10000, 'region': 'us-west-2'}

    Attributes:
        cpu_cores (int):
        memory_gb (int):
        storage_gb (int):
        region (str):  Example: us-west-2.
        gpu_model (str | Unset):  Example: NVIDIA A100.
        gpu_count (int | Unset):  Default: 0.
        gpu_memory_gb (int | Unset):
    """

    cpu_cores: int
    memory_gb: int
    storage_gb: int
    region: str
    gpu_model: str | Unset = UNSET
    gpu_count: int | Unset = 0
    gpu_memory_gb: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        cpu_cores = self.cpu_cores

        memory_gb = self.memory_gb

        storage_gb = self.storage_gb

        region = self.region

        gpu_model = self.gpu_model

        gpu_count = self.gpu_count

        gpu_memory_gb = self.gpu_memory_gb

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cpu_cores": cpu_cores,
                "memory_gb": memory_gb,
                "storage_gb": storage_gb,
                "region": region,
            }
        )
        if gpu_model is not UNSET:
            field_dict["gpu_model"] = gpu_model
        if gpu_count is not UNSET:
            field_dict["gpu_count"] = gpu_count
        if gpu_memory_gb is not UNSET:
            field_dict["gpu_memory_gb"] = gpu_memory_gb

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cpu_cores = d.pop("cpu_cores")

        memory_gb = d.pop("memory_gb")

        storage_gb = d.pop("storage_gb")

        region = d.pop("region")

        gpu_model = d.pop("gpu_model", UNSET)

        gpu_count = d.pop("gpu_count", UNSET)

        gpu_memory_gb = d.pop("gpu_memory_gb", UNSET)

        capacity = cls(
            cpu_cores=cpu_cores,
            memory_gb=memory_gb,
            storage_gb=storage_gb,
            region=region,
            gpu_model=gpu_model,
            gpu_count=gpu_count,
            gpu_memory_gb=gpu_memory_gb,
        )

        return capacity
