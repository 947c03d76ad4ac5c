from enum import StrEnum


class AuditEventActorKind(StrEnum):
    ACCOUNT = "account"
    PROVIDER = "provider"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
