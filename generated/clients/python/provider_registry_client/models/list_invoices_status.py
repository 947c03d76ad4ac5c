from enum import StrEnum


class ListInvoicesStatus(StrEnum):
    OVERDUE = "overdue"
    PAID = "paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
