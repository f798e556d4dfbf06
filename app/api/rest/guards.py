"""ASGI guards run before routing: request-size limit, JSON-only bodies, acceptable answers, and
HEAD answered as GET."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from app.api.problem_types import ProblemType
from app.api.problem_types.exchange import NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE
from app.api.rest.languages import ProblemResponse
from app.api.rest.problems import PROBLEM_JSON, problem_body
from app.api.scim.refusals import is_scim, send_too_large
from app.domain.messages import Message

JSON_TYPES = ("application/json", "application/merge-patch+json", "application/graphql-response+json")
BODY_METHODS = {"POST", "PUT", "PATCH"}


async def _send_problem(scope: Scope, receive: Receive, send: Send, kind: ProblemType[Any], detail: str) -> None:
    body = problem_body(kind, detail)
    await ProblemResponse(body, status_code=kind.status, media_type=PROBLEM_JSON)(scope, receive, send)


@dataclass(frozen=True, slots=True)
class Upload:
    """A route that takes a file as its raw body, up to its own, larger, limit; it checks the file's
    type itself."""

    method: str
    path: str
    max_bytes: int


class BodyGuard:
    """Refuse bodies over ``max_bytes`` (413) and non-JSON bodies (415) without reading them; the
    ``uploads`` take files up to their own limits.

    The limit also holds for chunked requests that announce no length: counting stops the
    read as soon as it is exceeded.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        json_prefixes: tuple[str, ...] = ("/v1/",),
        uploads: tuple[Upload, ...] = (),
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.json_prefixes = json_prefixes
        self.uploads = uploads

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        upload = next((u for u in self.uploads if (u.method, u.path) == (scope["method"], scope["path"])), None)
        max_bytes = upload.max_bytes if upload is not None else self.max_bytes
        wanted = (b"content-length", b"content-type", b"transfer-encoding")
        headers = {name: value for name, value in scope["headers"] if name in wanted}
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > max_bytes:
            await self._too_large(scope, receive, send, max_bytes)
            return
        content_type = headers.get(b"content-type", b"").decode("latin-1").split(";")[0].strip().lower()
        may_have_body = length != b"0"
        # A body sent without a content type would be read as text and refused field by field, so it is
        # refused here; a POST without a body (an opt-in) needs no content type.
        announces_body = length not in (None, b"0") or b"transfer-encoding" in headers
        refused = announces_body if not content_type else may_have_body and content_type not in JSON_TYPES
        # An upload's route checks its type itself, after the caller's rights: who may not send the file
        # learns nothing about how to send it.
        if refused and upload is None and scope["path"].startswith(self.json_prefixes):
            await _send_problem(
                scope,
                receive,
                send,
                UNSUPPORTED_MEDIA_TYPE,
                Message("Send the body as application/json, not {content_type}.", content_type=content_type)
                if content_type
                else "Send the body as application/json, not without a Content-Type.",
            )
            return
        await self.app(scope, self._counting(receive, max_bytes), send)

    def _counting(self, receive: Receive, max_bytes: int) -> Receive:
        seen = 0

        async def wrapped() -> AsgiMessage:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > max_bytes:
                    raise BodyTooLarge(max_bytes)
            return message

        return wrapped

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, max_bytes: int) -> None:
        if is_scim(scope["path"]):
            # SCIM clients read SCIM's error format only.
            await send_too_large(max_bytes, send)
            return
        detail = Message("The request body exceeds {max_bytes} bytes.", max_bytes=max_bytes)
        await _send_problem(scope, receive, send, PAYLOAD_TOO_LARGE, detail)


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit; handled as a 413 problem."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, Message("The request body exceeds {max_bytes} bytes.", max_bytes=max_bytes))
        self.max_bytes = max_bytes


# The scope key marking a request that came as ``HEAD`` and is routed as ``GET``.
HEAD_ONLY = "relais.head_only"


class HeadAsGet:
    """``HEAD`` answers on every path that answers ``GET``, as ``GET`` would, without the body
    (RFC 9110 §9.3.2): the request is routed as a ``GET``, and ``HEAD`` is put back before the
    answer starts, so the server and the logs see what was asked. The routes declare ``GET``
    alone, so the API document lists each read once."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        scope["method"] = "GET"
        scope[HEAD_ONLY] = True  # a streamed answer can skip producing a body nobody will receive

        async def headers_only(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                scope["method"] = "HEAD"
            elif message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        try:
            await self.app(scope, receive, headers_only)
        finally:
            scope["method"] = "HEAD"


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` value with their weights; malformed ones are left out."""
    ranges = []
    for item in accept.split(","):
        media, *parameters = (part.strip() for part in item.split(";"))
        if media.count("/") != 1:
            continue
        weight = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = -1.0
        if 0 <= weight <= 1:
            ranges.append((media.lower(), weight))
    return ranges


def _weight(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The weight the most specific matching range gives ``media_type``: its own, else its
    type's (``application/*``), else everything's (``*/*``); 0 when no range names it."""
    for candidate in (media_type, media_type.split("/")[0] + "/*", "*/*"):
        weights = [weight for media, weight in ranges if media == candidate]
        if weights:
            return max(weights)
    return 0.0


def accepts(accept: str, offered: tuple[str, ...]) -> bool:
    """Whether ``accept`` lets one of the ``offered`` types through (RFC 9110 §12.5.1); a weight of
    0 refuses. A header with no valid range says nothing, so everything is accepted."""
    ranges = _media_ranges(accept)
    return not ranges or any(_weight(media_type, ranges) > 0 for media_type in offered)


class AcceptGuard:
    """Refuse (406) a request to the API whose ``Accept`` allows none of the types it answers in,
    rather than answer JSON to a client that asked for something else."""

    JSON = ("application/json", "application/problem+json")
    GRAPHQL = (*JSON, "application/graphql-response+json", "text/html")
    # The API's answers in other types than JSON, by path prefix (their refusals are still problems).
    OTHERS = (
        ("/v1/exports/", ("text/csv", "application/problem+json")),
        ("/v1/reports/", ("text/html", "application/problem+json")),
        ("/v1/me/events", ("text/event-stream", "application/problem+json")),
        ("/v1/space/events", ("text/event-stream", "application/problem+json")),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    def offered(self, path: str) -> tuple[str, ...] | None:
        if path.startswith("/v1/"):
            return next((types for prefix, types in self.OTHERS if path.startswith(prefix)), self.JSON)
        return self.GRAPHQL if path == "/graphql" else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            offered = self.offered(scope["path"])
            if offered is not None:
                accept = next((value for name, value in scope["headers"] if name == b"accept"), None)
                if accept is not None and not accepts(accept.decode("latin-1"), offered):
                    detail = Message(
                        "This answers in {offered}; the Accept header allows none of them.",
                        offered=", ".join(offered),
                    )
                    await _send_problem(scope, receive, send, NOT_ACCEPTABLE, detail)
                    return
        await self.app(scope, receive, send)
