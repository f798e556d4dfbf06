"""The GraphQL request context: the same use cases and caller as REST, plus fresh DataLoaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi.security.utils import get_authorization_scheme_param
from starlette.requests import HTTPConnection
from starlette.websockets import WebSocket
from strawberry.fastapi import BaseContext

from app.api.graphql.live_updates.socket import SocketContext
from app.api.graphql.loaders import Loaders, build_loaders
from app.api.graphql.refusals import OperationRefused
from app.api.runtime import Runtime, Services
from app.domain.errors import MissingCredentials, RateLimited
from app.domain.roster.identity import Principal


class GraphQLContext(BaseContext):
    """What every resolver may use; resolvers never reach a repository or the database."""

    def __init__(self, services: Services, principal: Principal) -> None:
        super().__init__()
        self.services = services
        self.principal = principal
        self.loaders: Loaders = build_loaders(services, principal)


def _asks_for_ide(connection: HTTPConnection) -> bool:
    """A browser opening /graphql gets the GraphiQL page (static HTML) without a token;
    the same test as Strawberry's, so no operation can ever run on this path."""
    accept = connection.headers.get("accept", "")
    return (
        connection.scope.get("method") == "GET"
        and "query" not in connection.query_params
        and ("text/html" in accept or "*/*" in accept)
    )


def context_getter(*, ide: bool) -> Callable[[HTTPConnection], Awaitable[GraphQLContext | SocketContext | None]]:
    """The router's context dependency; without the IDE, every request must bring a token."""

    async def context(connection: HTTPConnection) -> GraphQLContext | SocketContext | None:
        if isinstance(connection, WebSocket):
            # The socket's caller is known from its connection_init message (``SocketContext.authenticate``).
            return SocketContext(connection.state.runtime, connection)
        if ide and _asks_for_ide(connection):
            return None
        return await get_context(connection)

    return context


async def get_context(connection: HTTPConnection) -> GraphQLContext:
    """Verify the bearer token, and count the request against the caller's budgets, before any GraphQL work.

    A missing token raises ``MissingCredentials`` and an invalid one ``Unauthenticated``, which the
    app's problem handlers turn into the same 401 problem+json and ``WWW-Authenticate`` challenge as
    REST gives: ``Bearer`` alone when no bearer token came, with ``error="invalid_token"`` otherwise.
    A spent budget raises ``OperationRefused``, answered as a GraphQL error (``refusals``).
    """
    runtime: Runtime = connection.state.runtime

    async def verify() -> Principal:
        scheme, token = get_authorization_scheme_param(connection.headers.get("authorization"))
        if scheme.lower() != "bearer" or not token:
            raise MissingCredentials("Send an access token in the Authorization header: 'Bearer <token>'.")
        return await runtime.verifier.verify(token)

    if runtime.rate_limits is None:
        principal = await verify()
    else:
        try:
            principal = await runtime.rate_limits.verified(connection.scope, verify)
        except RateLimited as error:
            raise OperationRefused(error) from error
    return GraphQLContext(runtime.services, principal)
