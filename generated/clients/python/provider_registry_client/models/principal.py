from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.principal_auth_method import PrincipalAuthMethod
from ..models.principal_kind import PrincipalKind
from ..models.role import Role
from ..models.scope import Scope
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account import Account


T = TypeVar("T", bound="Principal")


@_attrs_define
class Principal:
    """Who is calling, however they authenticated.

    Example:
        {'kind': 'provider', 'id': '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70', 'role': 'provider', 'scopes':
            ['account:read', 'keys:read', 'keys:write', 'profile:read', 'profile:write', 'services:read', 'services:write',
            'services:publish', 'deployments:read', 'deployments:write', 'organizations:read', 'organizations:write',
            'tickets:read', 'tickets:write', 'billing:read'], 'auth_method': 'bearer', 'provider_id':
            '3f6c2a1e-7b8d-4c9e-a0f1-2b3c4d5e6f70'}

    Attributes:
        kind (PrincipalKind):
        id (UUID):
        role (Role): `admin` (everything), `provider` (publishes services, runs deployments), `consumer` (uses
            services, manages deployments) or `viewer` (read-only).
        scopes (list[Scope]):
        auth_method (PrincipalAuthMethod):
        provider_id (None | UUID): The provider this principal acts for, if any.
        account (Account | Unset):  Example: {'id': '5b1e2c4d-8f3a-4e6b-9c7d-1a2b3c4d5e6f', 'email': 'ada@example.com',
            'wallet_address': None, 'first_name': 'Ada', 'last_name': 'Lovelace', 'role': 'consumer', 'status': 'active',
            'email_verified': False, 'last_login_at': None, 'created_at': '2026-11-02T09:14:05Z', 'updated_at':
            '2026-11-02T09:14:05Z'}.
    """

    kind: PrincipalKind
    id: UUID
    role: Role
    scopes: list[Scope]
    auth_method: PrincipalAuthMethod
    provider_id: None | UUID
    account: Account | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        id = str(self.id)

        role = self.role.value

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        auth_method = self.auth_method.value

        provider_id: None | str
        if isinstance(self.provider_id, UUID):
            provider_id = str(self.provider_id)
        else:
            provider_id = self.provider_id

        account: dict[str, Any] | Unset = UNSET
        if not isinstance(self.account, Unset):
            account = self.account.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "id": id,
                "role": role,
                "scopes": scopes,
                "auth_method": auth_method,
                "provider_id": provider_id,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.account import Account

        d = dict(src_dict)
        kind = PrincipalKind(d.pop("kind"))

        id = UUID(d.pop("id"))

        role = Role(d.pop("role"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = Scope(scopes_item_data)

            scopes.append(scopes_item)

        auth_method = PrincipalAuthMethod(d.pop("auth_method"))

        def _parse_provider_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                provider_id_type_0 = UUID(data)

                return provider_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        provider_id = _parse_provider_id(d.pop("provider_id"))

        _account = d.pop("account", UNSET)
        account: Account | Unset
        if isinstance(_account, Unset):
            account = UNSET
        else:
            account = Account.from_dict(_account)

        principal = cls(
            kind=kind,
            id=id,
            role=role,
            scopes=scopes,
            auth_method=auth_method,
            provider_id=provider_id,
            account=account,
        )

        return principal
