from enum import StrEnum


class EndpointProtocol(StrEnum):
    GRPC = "grpc"
    GRPC_TLS = "grpc+tls"
    HTTP = "http"
    HTTPS = "https"
    WEBSOCKET = "websocket"
    WSS = "wss"

    def __str__(self) -> str:
        return str(self.value)
