from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.deployment_state import DeploymentState

if TYPE_CHECKING:
    from ..models.deployment_service_status import DeploymentServiceStatus
    from ..models.replicas import Replicas


T = TypeVar("T", bound="DeploymentStatus")


@_attrs_define
class DeploymentStatus:
    """
    Example:
        {'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'lease_id': 'lease-7f3a', 'state': 'active',
            'replicas': {'ready': 1, 'total': 1}, 'services': [{'name': 'web', 'state': 'running', 'replicas': 1}],
            'updated_at': '2026-11-02T10:33:10Z'}

    Attributes:
        deployment_id (UUID):
        lease_id (None | str):
        state (DeploymentState): `pending` until the provider accepts it; `active` while its lease runs; `closed` for
            good
            (closed by the tenant, or the provider reported the lease closed).
        replicas (Replicas):
        services (list[DeploymentServiceStatus]):
        updated_at (datetime.datetime):
    """

    deployment_id: UUID
    lease_id: None | str
    state: DeploymentState
    replicas: Replicas
    services: list[DeploymentServiceStatus]
    updated_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        deployment_id = str(self.deployment_id)

        lease_id: None | str
        lease_id = self.lease_id

        state = self.state.value

        replicas = self.replicas.to_dict()

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.to_dict()
            services.append(services_item)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deployment_id": deployment_id,
                "lease_id": lease_id,
                "state": state,
                "replicas": replicas,
                "services": services,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deployment_service_status import DeploymentServiceStatus
        from ..models.replicas import Replicas

        d = dict(src_dict)
        deployment_id = UUID(d.pop("deployment_id"))

        def _parse_lease_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lease_id = _parse_lease_id(d.pop("lease_id"))

        state = DeploymentState(d.pop("state"))

        replicas = Replicas.from_dict(d.pop("replicas"))

        services = []
        _services = d.pop("services")
        for services_item_data in _services:
            services_item = DeploymentServiceStatus.from_dict(services_item_data)

            services.append(services_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        deployment_status = cls(
            deployment_id=deployment_id,
            lease_id=lease_id,
            state=state,
            replicas=replicas,
            services=services,
            updated_at=updated_at,
        )

        return deployment_status
