from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.category import Category
from ..models.service_status import ServiceStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capability import Capability
    from ..models.compliance import Compliance
    from ..models.service_endpoint import ServiceEndpoint
    from ..models.service_pricing import ServicePricing
    from ..models.service_provider import ServiceProvider
    from ..models.sla import Sla


T = TypeVar("T", bound="Service")


@_attrs_define
class Service:
    """
    Example:
        {'id': 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', 'name': 'acme-chat', 'version': '1.0.0', 'description': 'Llama 3
            70B chat completions on A100s.', 'category': 'text-generation', 'tags': ['llm', 'chat'], 'capabilities':
            [{'name': 'chat_completion', 'description': 'OpenAI-compatible chat completions.', 'parameters': {'type':
            'object', 'properties': {'max_tokens': {'type': 'integer', 'format': 'int32', 'minimum': 1, 'maximum':
            4096}}}}], 'endpoint': {'url': 'https://api.acme-compute.example/v1/chat/completions', 'protocol': 'rest',
            'authentication': 'api-key'}, 'pricing': {'model': 'per-token', 'currency': 'USD', 'rates': [{'tier':
            'standard', 'unit': '1k tokens', 'rate': '0.002', 'input_rate': '0.0015', 'output_rate': '0.002'}]}, 'sla':
            {'availability': 99.9, 'max_latency': 2000, 'support_level': 'standard'}, 'compliance': {'level': 'public',
            'certifications': ['SOC2', 'ISO27001'], 'data_residency': ['US']}, 'provider': {'id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'name': 'ACME Compute'}, 'status': 'active', 'suspension_reason': None,
            'version_tag': 2, 'created_at': '2026-11-02T10:02:17Z', 'updated_at': '2026-11-02T10:05:03Z', 'published_at':
            '2026-11-02T10:05:03Z'}

    Attributes:
        id (UUID):
        name (str):
        version (str):
        description (str):
        category (Category):
        tags (list[str]):
        capabilities (list[Capability]):
        endpoint (ServiceEndpoint):
        pricing (ServicePricing):
        provider (ServiceProvider):
        status (ServiceStatus): `pending_approval` until published; `active` (public); `deprecated` (still public,
            marked for
            retirement); `suspended` by an admin; `retired` for good.
        suspension_reason (None | str):
        version_tag (int): Increases with every change; the ETag is derived from it.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        published_at (datetime.datetime | None):
        sla (Sla | Unset):
        compliance (Compliance | Unset):
    """

    id: UUID
    name: str
    version: str
    description: str
    category: Category
    tags: list[str]
    capabilities: list[Capability]
    endpoint: ServiceEndpoint
    pricing: ServicePricing
    provider: ServiceProvider
    status: ServiceStatus
    suspension_reason: None | str
    version_tag: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    published_at: datetime.datetime | None
    sla: Sla | Unset = UNSET
    compliance: Compliance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        version = self.version

        description = self.description

        category = self.category.value

        tags = self.tags

        capabilities = []
        for capabilities_item_data in self.capabilities:
            capabilities_item = capabilities_item_data.to_dict()
            capabilities.append(capabilities_item)

        endpoint = self.endpoint.to_dict()

        pricing = self.pricing.to_dict()

        provider = self.provider.to_dict()

        status = self.status.value

        suspension_reason: None | str
        suspension_reason = self.suspension_reason

        version_tag = self.version_tag

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        sla: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sla, Unset):
            sla = self.sla.to_dict()

        compliance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compliance, Unset):
            compliance = self.compliance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "version": version,
                "description": description,
                "category": category,
                "tags": tags,
                "capabilities": capabilities,
                "endpoint": endpoint,
                "pricing": pricing,
                "provider": provider,
                "status": status,
                "suspension_reason": suspension_reason,
                "version_tag": version_tag,
                "created_at": created_at,
                "updated_at": updated_at,
                "published_at": published_at,
            }
        )
        if sla is not UNSET:
            field_dict["sla"] = sla
        if compliance is not UNSET:
            field_dict["compliance"] = compliance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.capability import Capability
        from ..models.compliance import Compliance
        from ..models.service_endpoint import ServiceEndpoint
        from ..models.service_pricing import ServicePricing
        from ..models.service_provider import ServiceProvider
        from ..models.sla import Sla

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        version = d.pop("version")

        description = d.pop("description")

        category = Category(d.pop("category"))

        tags = cast(list[str], d.pop("tags"))

        capabilities = []
        _capabilities = d.pop("capabilities")
        for capabilities_item_data in _capabilities:
            capabilities_item = Capability.from_dict(capabilities_item_data)

            capabilities.append(capabilities_item)

        endpoint = ServiceEndpoint.from_dict(d.pop("endpoint"))

        pricing = ServicePricing.from_dict(d.pop("pricing"))

        provider = ServiceProvider.from_dict(d.pop("provider"))

        status = ServiceStatus(d.pop("status"))

        def _parse_suspension_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        suspension_reason = _parse_suspension_reason(d.pop("suspension_reason"))

        version_tag = d.pop("version_tag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        _sla = d.pop("sla", UNSET)
        sla: Sla | Unset
        if isinstance(_sla, Unset):
            sla = UNSET
        else:
            sla = Sla.from_dict(_sla)

        _compliance = d.pop("compliance", UNSET)
        compliance: Compliance | Unset
        if isinstance(_compliance, Unset):
            compliance = UNSET
        else:
            compliance = Compliance.from_dict(_compliance)

        service = cls(
            id=id,
            name=name,
            version=version,
            description=description,
            category=category,
            tags=tags,
            capabilities=capabilities,
            endpoint=endpoint,
            pricing=pricing,
            provider=provider,
            status=status,
            suspension_reason=suspension_reason,
            version_tag=version_tag,
            created_at=created_at,
            updated_at=updated_at,
            published_at=published_at,
            sla=sla,
            compliance=compliance,
        )

        return service
