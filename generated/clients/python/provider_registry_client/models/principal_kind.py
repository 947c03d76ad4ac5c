from enum import StrEnum


class PrincipalKind(StrEnum):
    ACCOUNT = "account"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
