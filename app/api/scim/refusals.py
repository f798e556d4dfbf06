"""SCIM's answers to what is refused before a request reaches the SCIM application (a body too large)."""

from __future__ import annotations

from http import HTTPStatus

from scim2_models import PayloadTooLargeException
from scim2_server.applications.asgi import ASGIApplication, Send
from scim2_server.responses import ScimResponse

PREFIX = "/scim"


def is_scim(path: str) -> bool:
    return path == PREFIX or path.startswith(f"{PREFIX}/")


def too_large(max_bytes: int) -> ScimResponse:
    error = PayloadTooLargeException(detail=f"The request body exceeds {max_bytes} bytes.").to_error()
    return ScimResponse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, error.model_dump())


async def send_too_large(max_bytes: int, send: Send) -> None:
    await ASGIApplication.send_response(too_large(max_bytes), send)
