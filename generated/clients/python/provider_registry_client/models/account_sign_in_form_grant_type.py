from enum import StrEnum


class AccountSignInFormGrantType(StrEnum):
    PASSWORD = "password"

    def __str__(self) -> str:
        return str(self.value)
