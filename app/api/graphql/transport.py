"""GraphQL over HTTP: Strawberry's router, with refusals of the exchange itself answered as the
REST API answers them, RFC 9457 problems of the registry rather than Strawberry's plain text.

A request refused before any operation runs (a body that is not JSON, not an object, a list of
operations, a form, a mutation over GET) gets the problem type REST gives the same mistake. An
operation the database outage stopped is answered as REST answers one: the ``unavailable``
problem, with ``Retry-After``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pydantic_core
from cross_web import HTTPException
from starlette.requests import Request
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import ConnectionRejectionError, MissingQueryError
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from app.api.graphql.context import GraphQLContext
from app.api.graphql.live_updates.socket import SocketContext
from app.api.problem_types import ProblemType, problem_type_for_status
from app.api.problem_types.exchange import (
    BAD_REQUEST,
    MALFORMED_JSON,
    METHOD_NOT_ALLOWED,
    NOT_FOUND,
    UNSUPPORTED_MEDIA_TYPE,
)
from app.api.rest.problems import answer
from app.domain.errors import Unavailable
from app.domain.messages import Message

ONE_OPERATION = "Send one operation per request: a list of operations is not accepted."
NOT_AN_OBJECT = "Send a JSON object holding the operation in query, and variables if it has any."
NO_QUERY = "Send the GraphQL document in query."
NO_IDE = "GraphiQL is not served here; send operations with POST, or with GET and a query parameter."


class TransportRefusal(Exception):
    """A GraphQL request refused before any operation runs, with the problem that says why."""

    def __init__(self, kind: ProblemType[Any], detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail
        self.headers = headers


class TextWebSocketAdapter(ASGIWebSocketAdapter):
    """graphql-transport-ws messages are text frames: the router's encoder makes bytes (for HTTP), which
    Strawberry would send as binary frames that a browser's client receives as a Blob and cannot parse."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(pydantic_core.to_json(message).decode())
        except WebSocketDisconnect as error:
            raise WebSocketDisconnected from error


class RelaisGraphQLRouter(GraphQLRouter[GraphQLContext | SocketContext | None, None]):
    websocket_adapter_class = TextWebSocketAdapter

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        try:
            return await super().run(request, context, root_value)
        except TransportRefusal as refusal:
            return answer(refusal.kind, refusal.detail, headers=refusal.headers)
        except HTTPException as error:
            refused = _refusal(request, error)
            return answer(refused.kind, refused.detail, headers=refused.headers)
        finally:
            if isinstance(context, SocketContext):
                context.stop()

    async def on_ws_connect(
        self, context: GraphQLContext | SocketContext | None
    ) -> UnsetType | dict[str, object] | None:
        """The socket's ``connection_init``: its token verified, or the connection refused (4403)."""
        if not isinstance(context, SocketContext):
            raise ConnectionRejectionError()
        await context.authenticate(context.runtime.clock)
        acknowledged: UnsetType = UNSET
        return acknowledged

    def encode_json(self, data: object) -> bytes:
        """pydantic-core's encoder, as REST's responses use: a page of contents took the standard
        library a tenth of the request. UTF-8 rather than ``\\u`` escapes, as JSON allows."""
        return pydantic_core.to_json(data)

    def decode_json(self, data: str | bytes) -> object:
        try:
            decoded = json.loads(data)
        except (ValueError, RecursionError) as error:  # not JSON, not UTF-8, or nested past what Python reads
            raise TransportRefusal(MALFORMED_JSON, "The request body is not valid JSON.") from error
        if not isinstance(decoded, dict | list):
            raise TransportRefusal(BAD_REQUEST, NOT_AN_OBJECT)
        return decoded

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        # Every resolver that reached the database met the same outage; the answer is REST's for it.
        for error in result.errors or ():
            if isinstance(error.original_error, Unavailable):
                raise error.original_error
        return await super().process_result(request, result)


def _refusal(request: Request, error: HTTPException) -> TransportRefusal:
    """Strawberry's refusal as the registry's problem; its own words where no type says more."""
    cause = error.__cause__
    if isinstance(cause, InvalidOperationTypeError) and request.method == "GET":
        return TransportRefusal(METHOD_NOT_ALLOWED, "A mutation is sent with POST, not GET.", headers={"Allow": "POST"})
    if isinstance(cause, MissingQueryError):
        return TransportRefusal(BAD_REQUEST, NO_QUERY)
    if isinstance(cause, json.JSONDecodeError):
        return TransportRefusal(MALFORMED_JSON, "The request body is not valid JSON.")
    if error.reason == "Unsupported content type":
        content_type = request.headers.get("content-type", "").split(";")[0].strip()
        if not content_type:
            return TransportRefusal(
                UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json, not without a Content-Type."
            )
        return TransportRefusal(
            UNSUPPORTED_MEDIA_TYPE,
            Message("Send the body as application/json, not {content_type}.", content_type=content_type),
        )
    if error.reason == "Batching is not enabled":
        return TransportRefusal(BAD_REQUEST, ONE_OPERATION)
    if error.status_code == 404:
        return TransportRefusal(NOT_FOUND, NO_IDE)
    if isinstance(cause, CannotGetOperationTypeError) or error.status_code == 400:
        return TransportRefusal(BAD_REQUEST, error.reason)
    return TransportRefusal(problem_type_for_status(error.status_code), error.reason)
