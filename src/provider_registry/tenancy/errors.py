"""Organization errors, each with a stable code: an organization or member the caller cannot see
(404, never 403), an action only the organization's admins may take, an account that is already a
member, an invitation that is not the caller's or no longer pending, and the removal that would
leave an organization without an admin.
"""

from __future__ import annotations

from provider_registry.identity.errors import Forbidden
from provider_registry.kit.errors import Conflict, NotFound


class OrganizationNotFound(NotFound):
    code = "ORGANIZATION_NOT_FOUND"


class MemberNotFound(NotFound):
    code = "ORGANIZATION_MEMBER_NOT_FOUND"


class OrganizationAdminRequired(Forbidden):
    code = "ORGANIZATION_ADMIN_REQUIRED"


class AlreadyMember(Conflict):
    code = "ORGANIZATION_MEMBER_EXISTS"


class LastAdmin(Conflict):
    code = "ORGANIZATION_LAST_ADMIN"


class InvitationNotFound(NotFound):
    code = "INVITATION_NOT_FOUND"


class InvitationNotPending(Conflict):
    code = "INVITATION_NOT_PENDING"
