from enum import StrEnum


class TicketStatus(StrEnum):
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    OPEN = "open"
    RESOLVED = "resolved"
    WAITING_CUSTOMER = "waiting_customer"

    def __str__(self) -> str:
        return str(self.value)
