from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.shell_session_verdict_reason import ShellSessionVerdictReason
from ..types import UNSET, Unset

T = TypeVar("T", bound="ShellSessionVerdict")


@_attrs_define
class ShellSessionVerdict:
    """
    Example:
        {'valid': True, 'deployment_id': 'd7e8f9a0-b1c2-4d3e-8f4a-5b6c7d8e9f01', 'account_id':
            '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'service': 'web', 'expires_at': '2026-11-02T10:50:00Z'}

    Attributes:
        valid (bool):
        reason (ShellSessionVerdictReason | Unset): Why the token must be refused; absent when valid.
        deployment_id (UUID | Unset):
        account_id (UUID | Unset):
        service (None | str | Unset):
        expires_at (datetime.datetime | Unset):
    """

    valid: bool
    reason: ShellSessionVerdictReason | Unset = UNSET
    deployment_id: UUID | Unset = UNSET
    account_id: UUID | Unset = UNSET
    service: None | str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        valid = self.valid

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        deployment_id: str | Unset = UNSET
        if not isinstance(self.deployment_id, Unset):
            deployment_id = str(self.deployment_id)

        account_id: str | Unset = UNSET
        if not isinstance(self.account_id, Unset):
            account_id = str(self.account_id)

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        else:
            service = self.service

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "valid": valid,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if deployment_id is not UNSET:
            field_dict["deployment_id"] = deployment_id
        if account_id is not UNSET:
            field_dict["account_id"] = account_id
        if service is not UNSET:
            field_dict["service"] = service
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        valid = d.pop("valid")

        _reason = d.pop("reason", UNSET)
        reason: ShellSessionVerdictReason | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = ShellSessionVerdictReason(_reason)

        _deployment_id = d.pop("deployment_id", UNSET)
        deployment_id: UUID | Unset
        if isinstance(_deployment_id, Unset):
            deployment_id = UNSET
        else:
            deployment_id = UUID(_deployment_id)

        _account_id = d.pop("account_id", UNSET)
        account_id: UUID | Unset
        if isinstance(_account_id, Unset):
            account_id = UNSET
        else:
            account_id = UUID(_account_id)

        def _parse_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service = _parse_service(d.pop("service", UNSET))

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        shell_session_verdict = cls(
            valid=valid,
            reason=reason,
            deployment_id=deployment_id,
            account_id=account_id,
            service=service,
            expires_at=expires_at,
        )

        return shell_session_verdict
