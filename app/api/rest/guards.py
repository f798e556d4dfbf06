"""ASGI guards run before routing: request-size limit and JSON-only bodies."""

from __future__ import annotations

import json
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problem_types import ProblemType
from app.api.problem_types.exchange import PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE
from app.api.rest.problems import PROBLEM_JSON, problem_body

JSON_TYPES = ("application/json", "application/merge-patch+json", "application/graphql-response+json")
BODY_METHODS = {"POST", "PUT", "PATCH"}


async def _send_problem(send: Send, kind: ProblemType[Any], detail: str) -> None:
    body = json.dumps(problem_body(kind, detail)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": kind.status,
            "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Refuse bodies over ``max_bytes`` (413) and non-JSON bodies (415) without reading them.

    The limit also holds for chunked requests that announce no length: counting stops the
    read as soon as it is exceeded.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int, json_prefixes: tuple[str, ...] = ("/v1/",)) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.json_prefixes = json_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        wanted = (b"content-length", b"content-type", b"transfer-encoding")
        headers = {name: value for name, value in scope["headers"] if name in wanted}
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._too_large(send)
            return
        content_type = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
        may_have_body = length != b"0"
        # A body sent without a content type would be read as text and refused field by field, so it is
        # refused here; a POST without a body (an opt-in) needs no content type.
        announces_body = length not in (None, b"0") or b"transfer-encoding" in headers
        refused = announces_body if not content_type else may_have_body and content_type not in JSON_TYPES
        if refused and scope["path"].startswith(self.json_prefixes):
            await _send_problem(
                send,
                UNSUPPORTED_MEDIA_TYPE,
                f"Send the body as application/json, not {content_type or 'without a Content-Type'}.",
            )
            return
        await self.app(scope, self._counting(receive, send), send)

    def _counting(self, receive: Receive, send: Send) -> Receive:
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        return wrapped

    async def _too_large(self, send: Send) -> None:
        await _send_problem(send, PAYLOAD_TOO_LARGE, f"The request body exceeds {self.max_bytes} bytes.")


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit; handled as a 413 problem."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body exceeds {max_bytes} bytes.")
