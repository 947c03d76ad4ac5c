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


T = TypeVar("T", bound="ServiceCreate")


@_attrs_define
class ServiceCreate:
    """
    Example:
        {'name': 'acme-chat', 'version': '1.0.0', 'description': 'Llama 3 70B chat completions on A100s.', 'category':
            'text-generation', 'tags': ['llm', 'chat'], 'capabilities': [{'name': 'chat_completion', 'description': 'OpenAI-
            compatible chat completions.', 'parameters': {'type': 'object', 'properties': {'max_tokens': {'type': 'integer',
            'format': 'int32', 'minimum': 1, 'maximum': 4096}}}}], 'endpoint': {'url': 'https://api.acme-
            compute.example/v1/chat/completions', 'protocol': 'rest', 'authentication': 'api-key'}, 'pricing': {'model':
            'per-token', 'currency': 'USD', 'rates': [{'tier': 'standard', 'unit': '1k tokens', 'rate': '0.002',
            'input_rate': '0.0015', 'output_rate': '0.002'}]}, 'sla': {'availability': 99.9, 'max_latency': 2000,
            'support_level': 'standard'}, 'compliance': {'level': 'public', 'certifications': ['SOC2', 'ISO27001'],
            'data_residency': ['US']}}

    Attributes:
        name (str): Lower-case letters, digits, `.`, `_` and `-`; unique per provider and version. Example: acme-chat.
        version (str): A semantic version (`MAJOR.MINOR.PATCH`, optional pre-release and build). Example: 1.0.0.
        description (str):
        category (Category):
        endpoint (ServiceEndpoint):
        pricing (ServicePricing):
        tags (list[str] | Unset):
        capabilities (list[Capability] | Unset):
        sla (Sla | Unset):
        compliance (Compliance | Unset):
    """

    name: str
    version: str
    description: str
    category: Category
    endpoint: ServiceEndpoint
    pricing: ServicePricing
    tags: list[str] | Unset = UNSET
    capabilities: list[Capability] | Unset = UNSET
    sla: Sla | Unset = UNSET
    compliance: Compliance | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        version = self.version

        description = self.description

        category = self.category.value

        endpoint = self.endpoint.to_dict()

        pricing = self.pricing.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        capabilities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = []
            for capabilities_item_data in self.capabilities:
                capabilities_item = capabilities_item_data.to_dict()
                capabilities.append(capabilities_item)

        sla: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sla, Unset):
            sla = self.sla.to_dict()

        compliance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.compliance, Unset):
            compliance = self.compliance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "version": version,
                "description": description,
                "category": category,
                "endpoint": endpoint,
                "pricing": pricing,
            }
        )
        if tags is not UNSET:
            field_dict["tags"] = tags
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
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
        name = d.pop("name")

        version = d.pop("version")

        description = d.pop("description")

        category = Category(d.pop("category"))

        endpoint = ServiceEndpoint.from_dict(d.pop("endpoint"))

        pricing = ServicePricing.from_dict(d.pop("pricing"))

        tags = cast(list[str], d.pop("tags", UNSET))

        _capabilities = d.pop("capabilities", UNSET)
        capabilities: list[Capability] | Unset = UNSET
        if _capabilities is not UNSET:
            capabilities = []
            for capabilities_item_data in _capabilities:
                capabilities_item = Capability.from_dict(capabilities_item_data)

                capabilities.append(capabilities_item)

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

        service_create = cls(
            name=name,
            version=version,
            description=description,
            category=category,
            endpoint=endpoint,
            pricing=pricing,
            tags=tags,
            capabilities=capabilities,
            sla=sla,
            compliance=compliance,
        )

        return service_create
