from enum import StrEnum


class TicketCommentAuthorKind(StrEnum):
    ACCOUNT = "account"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
