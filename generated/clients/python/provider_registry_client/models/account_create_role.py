from enum import StrEnum


class AccountCreateRole(StrEnum):
    CONSUMER = "consumer"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
