from enum import StrEnum


class ListServicesPricingModel(StrEnum):
    FREE = "free"
    PER_MINUTE = "per-minute"
    PER_REQUEST = "per-request"
    PER_TOKEN = "per-token"
    SUBSCRIPTION = "subscription"

    def __str__(self) -> str:
        return str(self.value)
