from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.service_endpoint_authentication import ServiceEndpointAuthentication
from ..models.service_endpoint_protocol import ServiceEndpointProtocol
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceEndpoint")


@_attrs_define
class ServiceEndpoint:
    """
    Attributes:
        url (str): An http(s) URL with a public host, written unambiguously: no user information (`@`),
            backslashes or whitespace, IPv4 addresses as four decimal numbers (`INVALID_URL`); hosts
            that are loopback, private, link-local, shared (100.64.0.0/10), reserved or
            cloud-metadata addresses in any spelling, `localhost`, private-use names (`*.local`,
            `*.internal`, ...) and single-label names are refused (`FORBIDDEN_HOST`).
             Example: https://api.acme.example/v1/chat/completions.
        protocol (ServiceEndpointProtocol):
        authentication (ServiceEndpointAuthentication | Unset):  Default: ServiceEndpointAuthentication.API_KEY.
    """

    url: str
    protocol: ServiceEndpointProtocol
    authentication: ServiceEndpointAuthentication | Unset = ServiceEndpointAuthentication.API_KEY

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        protocol = self.protocol.value

        authentication: str | Unset = UNSET
        if not isinstance(self.authentication, Unset):
            authentication = self.authentication.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "protocol": protocol,
            }
        )
        if authentication is not UNSET:
            field_dict["authentication"] = authentication

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        protocol = ServiceEndpointProtocol(d.pop("protocol"))

        _authentication = d.pop("authentication", UNSET)
        authentication: ServiceEndpointAuthentication | Unset
        if isinstance(_authentication, Unset):
            authentication = UNSET
        else:
            authentication = ServiceEndpointAuthentication(_authentication)

        service_endpoint = cls(
            url=url,
            protocol=protocol,
            authentication=authentication,
        )

        return service_endpoint
