from enum import StrEnum


class JWKSKeysItemAlg(StrEnum):
    EDDSA = "EdDSA"

    def __str__(self) -> str:
        return str(self.value)
