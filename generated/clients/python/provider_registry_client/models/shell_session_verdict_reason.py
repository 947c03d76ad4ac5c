from enum import StrEnum


class ShellSessionVerdictReason(StrEnum):
    ACCESS_REVOKED = "access_revoked"
    DEPLOYMENT_NOT_ACTIVE = "deployment_not_active"
    EXPIRED = "expired"
    INVALID = "invalid"
    WRONG_PROVIDER = "wrong_provider"

    def __str__(self) -> str:
        return str(self.value)
