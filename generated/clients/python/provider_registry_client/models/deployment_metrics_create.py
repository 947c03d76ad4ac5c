from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DeploymentMetricsCreate")


@_attrs_define
class DeploymentMetricsCreate:
    """Current usage, in the units of the deployment's resources.

    Example:
        {'cpu': 3.5, 'memory': 41.2, 'storage': 87, 'gpu': 1}

    Attributes:
        cpu (float):
        memory (float):
        storage (float):
        gpu (float | Unset):
    """

    cpu: float
    memory: float
    storage: float
    gpu: float | Unset = UNSET

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

        deployment_metrics_create = cls(
            cpu=cpu,
            memory=memory,
            storage=storage,
            gpu=gpu,
        )

        return deployment_metrics_create
