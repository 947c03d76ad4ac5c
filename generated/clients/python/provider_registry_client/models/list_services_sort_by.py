from enum import StrEnum


class ListServicesSortBy(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    PUBLISHED_AT = "published_at"
    RELEVANCE = "relevance"

    def __str__(self) -> str:
        return str(self.value)
