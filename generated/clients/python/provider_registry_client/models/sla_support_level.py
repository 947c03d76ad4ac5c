from enum import StrEnum


class SlaSupportLevel(StrEnum):
    BASIC = "basic"
    PREMIUM = "premium"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
