from enum import StrEnum


class BilledToKind(StrEnum):
    ACCOUNT = "account"
    ORGANIZATION = "organization"

    def __str__(self) -> str:
        return str(self.value)
