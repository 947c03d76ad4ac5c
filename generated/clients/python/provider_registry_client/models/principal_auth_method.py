from enum import StrEnum


class PrincipalAuthMethod(StrEnum):
    API_KEY = "api_key"
    BEARER = "bearer"
    HMAC = "hmac"
    WALLET = "wallet"

    def __str__(self) -> str:
        return str(self.value)
