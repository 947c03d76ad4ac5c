from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DeploymentServiceStatus")


@_attrs_define
class DeploymentServiceStatus:
    """One service of a deployment as its provider last reported it.

    Attributes:
        name (str):  Example: web.
        state (str): The provider's word for it (e.g. `running`, `starting`, `stopped`, `failed`). Example: running.
        replicas (int): Replicas of this service that are running. Example: 1.
    """

    name: str
    state: str
    replicas: int

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        state = self.state

        replicas = self.replicas

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "state": state,
                "replicas": replicas,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        state = d.pop("state")

        replicas = d.pop("replicas")

        deployment_service_status = cls(
            name=name,
            state=state,
            replicas=replicas,
        )

        return deployment_service_status
