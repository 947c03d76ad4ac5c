from enum import StrEnum


class ReadinessResponseDatabase(StrEnum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"

    def __str__(self) -> str:
        return str(self.value)
