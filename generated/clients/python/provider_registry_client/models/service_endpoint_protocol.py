from enum import StrEnum


class ServiceEndpointProtocol(StrEnum):
    GRPC = "grpc"
    REST = "rest"
    WEBSOCKET = "websocket"

    def __str__(self) -> str:
        return str(self.value)
