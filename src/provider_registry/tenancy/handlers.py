"""/api/v1/organizations and their members."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Response

from provider_registry.identity.security import current_principal
from provider_registry.kit import db
from provider_registry.kit.parsing import request_body
from provider_registry.kit.responses import empty_response, json_response
from provider_registry.tenancy import service, views
from provider_registry_api import models as api


def create_organization() -> Response:
    organization = service.create(
        db.session(), current_principal(), request_body(api.OrganizationCreate)
    )
    return json_response(
        views.organization(organization, "admin"),
        201,
        headers={"Location": f"/api/v1/organizations/{organization.id}"},
    )


def list_organizations(limit: int = 20, cursor: str | None = None) -> Response:
    page = service.mine(db.session(), current_principal(), limit, cursor)
    items = [views.organization(organization, role) for organization, role in page.items]
    return json_response(api.OrganizationPage(items=items, next_cursor=page.next_cursor))


def get_organization(organization_id: str) -> Response:
    organization, role = service.get(db.session(), current_principal(), uuid.UUID(organization_id))
    return json_response(views.organization(organization, role))


def list_organization_members(
    organization_id: str, limit: int = 20, cursor: str | None = None
) -> Response:
    page = service.members(
        db.session(), current_principal(), uuid.UUID(organization_id), limit, cursor
    )
    items = [views.member(member, account) for member, account in page.items]
    return json_response(api.OrganizationMemberPage(items=items, next_cursor=page.next_cursor))


def invite_organization_member(organization_id: str) -> Response:
    invitation, organization_name = service.add_member(
        db.session(),
        current_principal(),
        uuid.UUID(organization_id),
        request_body(api.OrganizationInvitationCreate),
    )
    return json_response(views.invitation(invitation, organization_name), 202)


def _invitation_page(page: Any) -> Response:
    items = [views.invitation(invitation, name) for invitation, name in page.items]
    return json_response(api.OrganizationInvitationPage(items=items, next_cursor=page.next_cursor))


def list_organization_invitations(
    organization_id: str, limit: int = 20, cursor: str | None = None
) -> Response:
    page = service.invitations_of(
        db.session(), current_principal(), uuid.UUID(organization_id), limit, cursor
    )
    return _invitation_page(page)


def list_invitations(limit: int = 20, cursor: str | None = None) -> Response:
    return _invitation_page(
        service.my_invitations(db.session(), current_principal(), limit, cursor)
    )


def accept_invitation(invitation_id: str) -> Response:
    organization, role = service.accept_invitation(
        db.session(), current_principal(), uuid.UUID(invitation_id)
    )
    return json_response(views.organization(organization, role))


def decline_invitation(invitation_id: str) -> Response:
    invitation, organization_name = service.decline_invitation(
        db.session(), current_principal(), uuid.UUID(invitation_id)
    )
    return json_response(views.invitation(invitation, organization_name))


def remove_organization_member(organization_id: str, member_id: str) -> Response:
    service.remove_member(
        db.session(), current_principal(), uuid.UUID(organization_id), uuid.UUID(member_id)
    )
    return empty_response(204)
