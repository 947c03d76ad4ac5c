from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from provider_registry.kit.errors import FieldIssue, ValidationFailed


def normalize_email(email: str) -> str:
    """RFC 5322 syntax checked (no DNS lookups), lower-cased: one account per mailbox."""
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationFailed(
            "The email address is not valid.",
            errors=[FieldIssue("email", str(exc), "INVALID_EMAIL")],
        ) from exc
