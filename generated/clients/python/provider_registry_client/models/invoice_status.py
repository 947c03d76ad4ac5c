from enum import StrEnum


class InvoiceStatus(StrEnum):
    OVERDUE = "overdue"
    PAID = "paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
