"""Organization errors, each with a stable code: an organization or member the caller cannot see
(404, never 403), an action only the organization's admins may take, an account to add that is
not there or already a member, and the removal that would leave an organization without an admin.
"""

from __future__ import annotations

from provider_registry.identity.errors import Forbidden
from provider_registry.kit.errors import Conflict, DomainError, NotFound


class OrganizationNotFound(NotFound):
    code = "ORGANIZATION_NOT_FOUND"


class MemberNotFound(NotFound):
    code = "MEMBER_NOT_FOUND"


class OrganizationAdminRequired(Forbidden):
    code = "ORGANIZATION_ADMIN_REQUIRED"


class AccountNotFound(DomainError):
    status = 422
    code = "ACCOUNT_NOT_FOUND"
    title = "Unprocessable Content"


class AlreadyMember(Conflict):
    code = "ALREADY_MEMBER"


class LastAdmin(Conflict):
    code = "LAST_ADMIN"
