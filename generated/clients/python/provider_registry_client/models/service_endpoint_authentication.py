from enum import StrEnum


class ServiceEndpointAuthentication(StrEnum):
    API_KEY = "api-key"
    BEARER = "bearer"
    MTLS = "mtls"
    NONE = "none"
    OAUTH2 = "oauth2"

    def __str__(self) -> str:
        return str(self.value)
