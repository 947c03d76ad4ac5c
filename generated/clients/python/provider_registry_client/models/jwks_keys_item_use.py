from enum import StrEnum


class JWKSKeysItemUse(StrEnum):
    SIG = "sig"

    def __str__(self) -> str:
        return str(self.value)
