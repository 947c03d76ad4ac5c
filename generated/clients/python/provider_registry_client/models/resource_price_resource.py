from enum import StrEnum


class ResourcePriceResource(StrEnum):
    CPU = "cpu"
    GPU = "gpu"
    MEMORY = "memory"
    STORAGE = "storage"

    def __str__(self) -> str:
        return str(self.value)
