from enum import StrEnum


class ShellSessionTokenType(StrEnum):
    SHELL = "shell"

    def __str__(self) -> str:
        return str(self.value)
