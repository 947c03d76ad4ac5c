from enum import StrEnum


class ReadinessMigrations(StrEnum):
    AHEAD = "ahead"
    CURRENT = "current"
    PENDING = "pending"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
