from enum import StrEnum


class ReadinessRateLimits(StrEnum):
    DEGRADED = "degraded"
    LOCAL = "local"
    OFF = "off"
    SHARED = "shared"

    def __str__(self) -> str:
        return str(self.value)
