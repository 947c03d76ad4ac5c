from enum import StrEnum


class PasswordGrantFormGrantType(StrEnum):
    PASSWORD = "password"

    def __str__(self) -> str:
        return str(self.value)
