"""The organization rules JSON Schema cannot state (``x-semantic-validator`` of
OrganizationInvitationCreate)."""

from __future__ import annotations

from typing import Any

from provider_registry.kit.errors import FieldIssue

IDENTIFIERS = ("account_id", "email")


def invitation_create_issues(body: Any, settings: object = None) -> list[FieldIssue]:
    """Exactly one of account_id and email (``x-semantic-validator`` of
    OrganizationInvitationCreate)."""
    if not isinstance(body, dict):
        return []
    given = [name for name in IDENTIFIERS if body.get(name) is not None]
    if len(given) == 1:
        return []
    message = (
        "give only one of account_id and email" if given else "account_id or email is required"
    )
    return [
        FieldIssue(name, message, "EXACTLY_ONE_MEMBER_IDENTIFIER") for name in given or IDENTIFIERS
    ]
