from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError


T = TypeVar("T", bound="Problem")


@_attrs_define
class Problem:
    """An RFC 9457 problem document. Every error this API returns has this shape and the media
    type `application/problem+json`.

        Attributes:
            type_ (str): A URI reference naming the problem type (`about:blank` for plain HTTP errors). Example:
                urn:problem:provider-registry:validation-error.
            title (str): A short, human-readable summary of the problem type. Example: Bad Request.
            status (int): The HTTP status code of this response. Example: 400.
            detail (str): A human-readable explanation of this occurrence. Example: The request body is invalid..
            code (str): A stable, machine-readable error code. Example: VALIDATION_ERROR.
            request_id (str): The request's `X-Request-ID`, for correlating with server logs. Example:
                6f1f3c0a-54a4-4e2a-9a55-0f2b3f2f8f2e.
            instance (str | Unset): The path of the request that failed. Example: /api/v1/health.
            errors (list[FieldError] | Unset): For validation errors, one entry per offending field.
            current_status (str | Unset): On a 409 for a state change that does not apply: the resource's status now (a
                provider's,
                service's, invitation's, deployment action's or ticket's), so a client can re-read or stop.
                 Example: approved.
            current_state (str | Unset): On a 409 for a deployment that cannot take the change, its state now. Example:
                closed.
            current_etag (str | Unset): On a 412 (`If-Match` did not match), the resource's current `ETag`. Example: "3".
            paid_at (datetime.datetime | Unset): On a 409 for paying an invoice that is already paid, when it was paid.
                Example: 2026-01-31T12:00:00Z.
            member_id (UUID | Unset): On a 409 for inviting someone who is already a member, that member's account id.
                Example: 3f0c2a5e-7a8b-4c1d-9e2f-1a2b3c4d5e6f.
            reason (str | Unset): On a 401 for a signed request (wallet or HMAC) that was refused, why (a stable code).
                Example: MISSING_HEADERS.
    """

    type_: str
    title: str
    status: int
    detail: str
    code: str
    request_id: str
    instance: str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    current_status: str | Unset = UNSET
    current_state: str | Unset = UNSET
    current_etag: str | Unset = UNSET
    paid_at: datetime.datetime | Unset = UNSET
    member_id: UUID | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code = self.code

        request_id = self.request_id

        instance = self.instance

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)

        current_status = self.current_status

        current_state = self.current_state

        current_etag = self.current_etag

        paid_at: str | Unset = UNSET
        if not isinstance(self.paid_at, Unset):
            paid_at = self.paid_at.isoformat()

        member_id: str | Unset = UNSET
        if not isinstance(self.member_id, Unset):
            member_id = str(self.member_id)

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "title": title,
                "status": status,
                "detail": detail,
                "code": code,
                "request_id": request_id,
            }
        )
        if instance is not UNSET:
            field_dict["instance"] = instance
        if errors is not UNSET:
            field_dict["errors"] = errors
        if current_status is not UNSET:
            field_dict["current_status"] = current_status
        if current_state is not UNSET:
            field_dict["current_state"] = current_state
        if current_etag is not UNSET:
            field_dict["current_etag"] = current_etag
        if paid_at is not UNSET:
            field_dict["paid_at"] = paid_at
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.field_error import FieldError

        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        code = d.pop("code")

        request_id = d.pop("request_id")

        instance = d.pop("instance", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)

                errors.append(errors_item)

        current_status = d.pop("current_status", UNSET)

        current_state = d.pop("current_state", UNSET)

        current_etag = d.pop("current_etag", UNSET)

        _paid_at = d.pop("paid_at", UNSET)
        paid_at: datetime.datetime | Unset
        if isinstance(_paid_at, Unset):
            paid_at = UNSET
        else:
            paid_at = datetime.datetime.fromisoformat(_paid_at)

        _member_id = d.pop("member_id", UNSET)
        member_id: UUID | Unset
        if isinstance(_member_id, Unset):
            member_id = UNSET
        else:
            member_id = UUID(_member_id)

        reason = d.pop("reason", UNSET)

        problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            request_id=request_id,
            instance=instance,
            errors=errors,
            current_status=current_status,
            current_state=current_state,
            current_etag=current_etag,
            paid_at=paid_at,
            member_id=member_id,
            reason=reason,
        )

        problem.additional_properties = d
        return problem

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
