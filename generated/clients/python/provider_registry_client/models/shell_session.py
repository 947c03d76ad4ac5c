from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.shell_session_token_type import ShellSessionTokenType

T = TypeVar("T", bound="ShellSession")


@_attrs_define
class ShellSession:
    """
    Example:
        {'token': 'eyJhbGciOiJFZERTQSIsImtpZCI6Ik5uUTNSbGRyIiwidHlwIjoic2hlbGwrand0In0.eyJhdWQiOiJwcm92aWRlcjozZjZjMmExZ
            S03YjhkLTRjOWUtYTBmMS0yYjNjNGQ1ZTZmNzAiLCJ0b2tlbl91c2UiOiJzaGVsbCJ9.c2lnbmF0dXJlLW9mLXRoZS1zaGVsbC10b2tlbi1leGFt
            cGxlLTAxMjM0NTY3ODlhYg', 'token_type': 'shell', 'expires_at': '2026-11-02T10:50:00Z', 'deployment_id':
            'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'provider_id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'service': 'web',
            'shell_url': 'wss://shell.acme-compute.example/v1'}

    Attributes:
        token (str): A JWT signed by this registry (header `typ: shell+jwt`, claim `token_use: shell`), with
            `aud` = `provider:<provider_id>`, `sub` = your account id, `deployment_id` and
            `service`. Present it to the provider's shell endpoint; it is not a credential for this
            API.
        token_type (ShellSessionTokenType):
        expires_at (datetime.datetime):
        deployment_id (UUID):
        provider_id (UUID):
        service (None | str):
        shell_url (None | str): The provider's registered endpoint of type `shell`, else its first WebSocket endpoint;
            null when it registered neither.
    """

    token: str
    token_type: ShellSessionTokenType
    expires_at: datetime.datetime
    deployment_id: UUID
    provider_id: UUID
    service: None | str
    shell_url: None | str

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        token_type = self.token_type.value

        expires_at = self.expires_at.isoformat()

        deployment_id = str(self.deployment_id)

        provider_id = str(self.provider_id)

        service: None | str
        service = self.service

        shell_url: None | str
        shell_url = self.shell_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
                "token_type": token_type,
                "expires_at": expires_at,
                "deployment_id": deployment_id,
                "provider_id": provider_id,
                "service": service,
                "shell_url": shell_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        token = d.pop("token")

        token_type = ShellSessionTokenType(d.pop("token_type"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        deployment_id = UUID(d.pop("deployment_id"))

        provider_id = UUID(d.pop("provider_id"))

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))

        def _parse_shell_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        shell_url = _parse_shell_url(d.pop("shell_url"))

        shell_session = cls(
            token=token,
            token_type=token_type,
            expires_at=expires_at,
            deployment_id=deployment_id,
            provider_id=provider_id,
            service=service,
            shell_url=shell_url,
        )

        return shell_session
