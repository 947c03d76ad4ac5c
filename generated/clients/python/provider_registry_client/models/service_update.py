from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.category import Category
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.capability import Capability
    from ..models.compliance import Compliance
    from ..models.service_endpoint import ServiceEndpoint
    from ..models.service_pricing import ServicePricing
    from ..models.sla import Sla


T = TypeVar("T", bound="ServiceUpdate")


@_attrs_define
class ServiceUpdate:
    """Name, version, status and ids cannot change; publish a new version instead.

    Example:
        {'description': 'Llama 3 70B chat completions on A100s, now with 8k context.', 'category': 'text-generation',
            'tags': ['llm', 'chat', '8k-context'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-
            compatible chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type': 'integer',
            'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url': 'https://api.acme-
            compute.example/v1/chat/completions', 'protocol': 'rest', 'authentication': 'api-key'}, 'pricing': {'model':
            'per-token', 'currency': 'USD', 'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002',
            'input_rate': '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'premium'}, 'compliance': {'level': 'public', 'certifications': ['SOC2', 'ISO27001'],
            'data_residency': ['US']}}

    Attributes:
        description (str | Unset):
        category (Category | Unset):
        tags (list[str] | Unset):
        capabilities (list[Capability] | Unset):
        endpoint (ServiceEndpoint | Unset):
        pricing (ServicePricing | Unset):
        sla (Sla | Unset):
        compliance (Compliance | Unset):
    """

    description: str | Unset = UNSET
    category: Category | Unset = UNSET
    tags: list[str] | Unset = UNSET
    capabilities: list[Capability] | Unset = UNSET
    endpoint: ServiceEndpoint | Unset = UNSET
    pricing: ServicePricing | Unset = UNSET
    sla: Sla | Unset = UNSET
    compliance: Compliance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        capabilities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = []
            for capabilities_item_data in self.capabilities:
                capabilities_item = capabilities_item_data.to_dict()
                capabilities.append(capabilities_item)

        endpoint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.endpoint, Unset):
            endpoint = self.endpoint.to_dict()

        pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pricing, Unset):
            pricing = self.pricing.to_dict()

        sla: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sla, Unset):
            sla = self.sla.to_dict()

        compliance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compliance, Unset):
            compliance = self.compliance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if category is not UNSET:
            field_dict["category"] = category
        if tags is not UNSET:
            field_dict["tags"] = tags
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if pricing is not UNSET:
            field_dict["pricing"] = pricing
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
        from ..models.sla import Sla

        d = dict(src_dict)
        description = d.pop("description", UNSET)

        _category = d.pop("category", UNSET)
        category: Category | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = Category(_category)

        tags = cast(list[str], d.pop("tags", UNSET))

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: list[Capability] | Unset = UNSET
        if _capabilities is not UNSET:
            capabilities = []
            for capabilities_item_data in _capabilities:
                capabilities_item = Capability.from_dict(capabilities_item_data)

                capabilities.append(capabilities_item)

        _endpoint = d.pop("endpoint", UNSET)
        endpoint: ServiceEndpoint | Unset
        if isinstance(_endpoint, Unset):
            endpoint = UNSET
        else:
            endpoint = ServiceEndpoint.from_dict(_endpoint)

        _pricing = d.pop("pricing", UNSET)
        pricing: ServicePricing | Unset
        if isinstance(_pricing, Unset):
            pricing = UNSET
        else:
            pricing = ServicePricing.from_dict(_pricing)

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

        service_update = cls(
            description=description,
            category=category,
            tags=tags,
            capabilities=capabilities,
            endpoint=endpoint,
            pricing=pricing,
            sla=sla,
            compliance=compliance,
        )

        return service_update
