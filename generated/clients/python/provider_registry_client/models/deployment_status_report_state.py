from enum import StrEnum


class DeploymentStatusReportState(StrEnum):
    CLOSED = "closed"

    def __str__(self) -> str:
        return str(self.value)
