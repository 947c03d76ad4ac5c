from enum import StrEnum


class JWKSKeysItemKty(StrEnum):
    OKP = "OKP"

    def __str__(self) -> str:
        return str(self.value)
