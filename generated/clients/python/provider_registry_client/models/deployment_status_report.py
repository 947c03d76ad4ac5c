from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.deployment_status_report_state import DeploymentStatusReportState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deployment_service_status import DeploymentServiceStatus
    from ..models.replicas import Replicas


T = TypeVar("T", bound="DeploymentStatusReport")


@_attrs_define
class DeploymentStatusReport:
    """What the provider sees now. `state: closed` ends the lease. Service names are unique
    (`DUPLICATE_SERVICE`).

        Example:
            {'replicas': {'ready': 1, 'total': 1}, 'services': [{'name': 'web', 'state': 'running', 'replicas': 1}]}

        Attributes:
            replicas (Replicas):
            services (list[DeploymentServiceStatus] | Unset):
            state (DeploymentStatusReportState | Unset): Send `closed` when the lease has ended on the provider's side.
    """

    replicas: Replicas
    services: list[DeploymentServiceStatus] | Unset = UNSET
    state: DeploymentStatusReportState | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        replicas = self.replicas.to_dict()

        services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.to_dict()
                services.append(services_item)

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "replicas": replicas,
            }
        )
        if services is not UNSET:
            field_dict["services"] = services
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_service_status import DeploymentServiceStatus
        from ..models.replicas import Replicas

        d = dict(src_dict)
        replicas = Replicas.from_dict(d.pop("replicas"))

        _services = d.pop("services", UNSET)
        services: list[DeploymentServiceStatus] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = DeploymentServiceStatus.from_dict(services_item_data)

                services.append(services_item)

        _state = d.pop("state", UNSET)
        state: DeploymentStatusReportState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = DeploymentStatusReportState(_state)

        deployment_status_report = cls(
            replicas=replicas,
            services=services,
            state=state,
        )

        return deployment_status_report
