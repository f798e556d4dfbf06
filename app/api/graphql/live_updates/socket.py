"""The GraphQL socket (graphql-transport-ws at /graphql): authenticated by the bearer token sent in
``connection_init``'s payload, verified exactly as HTTP's ``Authorization`` header is.

A connection without a valid token is refused with 4403 (Forbidden), as the protocol closes a refused
``connection_init``; an operation sent before the acknowledgement is refused with 4401 (Unauthorized).
When the token expires the socket is closed with 4403 and the reason ``access token expired``: a
client reconnects with a fresh token (graphql-ws retries on 4403 and reads ``connectionParams`` again).
The socket carries subscriptions only; queries and mutations go over HTTP.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from typing import Any

from fastapi.security.utils import get_authorization_scheme_param
from graphql import GraphQLError
from starlette.websockets import WebSocket, WebSocketState
from strawberry.exceptions import ConnectionRejectionError
from strawberry.extensions import SchemaExtension
from strawberry.fastapi import BaseContext
from strawberry.types.graphql import OperationType

from app.api.graphql.reporting import INVALID_QUERY
from app.api.runtime import Runtime
from app.domain.errors import DomainError, MissingCredentials, RateLimited
from app.domain.roster.identity import Principal
from app.ports.system import Clock

EXPIRED = "access token expired"
# The code a graphql-transport-ws server closes with when it refuses the connection (``connection_init``).
FORBIDDEN = 4403
SUBSCRIPTIONS_ONLY = "This socket carries subscriptions; send queries and mutations over HTTP."
SOCKET_ONLY = (
    "Subscriptions are served over a WebSocket at /graphql (graphql-transport-ws); "
    "over plain HTTP, follow /v1/me/events."
)


class SocketContext(BaseContext):
    """One socket's context, shared by its subscriptions; the caller is known once ``connection_init``
    brought a valid token. ``connection_params`` is set by Strawberry from that message's payload."""

    def __init__(self, runtime: Runtime, websocket: WebSocket) -> None:
        super().__init__()
        self.runtime = runtime
        self.services = runtime.services
        self.websocket = websocket
        self.connection_params: dict[str, Any] = {}
        self._principal: Principal | None = None
        self._expiry: asyncio.Task[None] | None = None

    @property
    def principal(self) -> Principal:
        if self._principal is None:
            raise RuntimeError("An operation ran before the socket was authenticated.")
        return self._principal

    async def authenticate(self, clock: Clock) -> None:
        """Verify the token of ``connection_init``, counted against the caller's budgets as an HTTP
        request is (a refused one against the address), or refuse the connection."""
        runtime = self.runtime

        async def verify() -> Principal:
            scheme, token = get_authorization_scheme_param(_authorization(self.connection_params))
            if scheme.lower() != "bearer" or not token:
                raise MissingCredentials("Send the access token as Authorization: 'Bearer <token>'.")
            return await runtime.verifier.verify(token)

        try:
            if runtime.rate_limits is None:
                principal = await verify()
            else:
                principal = await runtime.rate_limits.verified(self.websocket.scope, verify)
        except RateLimited as error:
            raise ConnectionRejectionError({"reason": str(error), "retryAfter": error.retry_after}) from error
        except DomainError as error:
            raise ConnectionRejectionError({"reason": str(error)}) from error
        self._principal = principal
        if principal.expires_at is not None:
            remaining = (principal.expires_at - clock.now()).total_seconds()
            self._expiry = asyncio.create_task(self._close_on_expiry(remaining))

    async def _close_on_expiry(self, remaining: float) -> None:
        await asyncio.sleep(max(remaining, 0))
        if self.websocket.application_state is WebSocketState.CONNECTED:
            with contextlib.suppress(RuntimeError, OSError):
                await self.websocket.close(code=FORBIDDEN, reason=EXPIRED)

    def stop(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()


def _authorization(params: dict[str, Any]) -> str | None:
    """The ``Authorization`` entry of the payload, whatever its case (``authorization`` as some clients send)."""
    value = next((value for name, value in params.items() if name.lower() == "authorization"), None)
    return value if isinstance(value, str) else None


class SubscriptionsOnlyOnSockets(SchemaExtension):
    """Queries and mutations over the socket would share its context, and its DataLoaders' caches, for
    as long as it stays open; they are refused there and answered over HTTP. A subscription sent over
    HTTP is refused too: a POST answers once."""

    def on_execute(self) -> Iterator[None]:
        on_socket = isinstance(self.execution_context.context, SocketContext)
        subscription = self.execution_context.operation_type is _SUBSCRIPTION
        if on_socket != subscription:
            raise GraphQLError(SUBSCRIPTIONS_ONLY if on_socket else SOCKET_ONLY, extensions={"code": INVALID_QUERY})
        yield


_SUBSCRIPTION = OperationType.SUBSCRIPTION
