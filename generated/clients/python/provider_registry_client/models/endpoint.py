from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.endpoint_protocol import EndpointProtocol

T = TypeVar("T", bound="Endpoint")


@_attrs_define
class Endpoint:
    """
    Attributes:
        type_ (str): What the endpoint is for (e.g. `api`, `inference`, `metrics`, `shell`). Example: api.
        url (str): Absolute URL whose scheme fits the protocol (`http`: http; `https`: https; `grpc`: grpc
            or http; `grpc+tls`: grpcs, grpc+tls or https; `websocket`: ws; `wss`: wss), with a host
            and, if given, a port from 1 to 65535. Written unambiguously: no user information (`@`),
            backslashes or whitespace, IPv4 addresses as four decimal numbers (`INVALID_URL`). Hosts
            that are loopback, private, link-local, shared (100.64.0.0/10), reserved or
            cloud-metadata addresses in any spelling (`127.1`, `0x7f000001`, `[::ffff:7f00:1]`, ...),
            `localhost`, private-use names (`*.local`, `*.internal`, ...) and single-label names are
            refused (`FORBIDDEN_HOST`).
             Example: https://api.acme.example:8443.
        protocol (EndpointProtocol):
        secure (bool): Must be true exactly for the TLS protocols (https, grpc+tls, wss).
    """

    type_: str
    url: str
    protocol: EndpointProtocol
    secure: bool

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        url = self.url

        protocol = self.protocol.value

        secure = self.secure

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "url": url,
                "protocol": protocol,
                "secure": secure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        url = d.pop("url")

        protocol = EndpointProtocol(d.pop("protocol"))

        secure = d.pop("secure")

        endpoint = cls(
            type_=type_,
            url=url,
            protocol=protocol,
            secure=secure,
        )

        return endpoint
