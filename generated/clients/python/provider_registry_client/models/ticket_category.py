from enum import StrEnum


class TicketCategory(StrEnum):
    BILLING = "billing"
    GENERAL = "general"
    SECURITY = "security"
    TECHNICAL = "technical"

    def __str__(self) -> str:
        return str(self.value)
