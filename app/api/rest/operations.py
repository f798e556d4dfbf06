"""How every REST operation runs: the caller is authenticated, and their roles checked against those the
operation admits, before anything of the request is judged; then the body is read as strict JSON.

FastAPI reads and parses the body before it solves any dependency, so a caller without the role learnt
what was wrong with their body (or got a syntax error) before being told they may not call at all.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from fastapi import Depends, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from app.api.rest.deps import PrincipalDep, authenticate, get_principal
from app.api.rest.json_bodies import parse_json_body
from app.domain.roster.identity import Role


class Allowed:
    """The roles an operation admits, as its use case states them. The use case checks them again (it
    owns the rule, and GraphQL calls it too); here they are checked before the request is read."""

    def __init__(self, roles: Iterable[Role]) -> None:
        self.roles = frozenset(roles)

    async def __call__(self, principal: PrincipalDep) -> None:
        principal.require_any(self.roles)


def allowed(roles: Iterable[Role]) -> Any:
    """For a route's ``dependencies``: ``dependencies=[allowed(ROSTER_WRITERS)]``."""
    return Depends(Allowed(roles))


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = parse_json_body(await self.body())
        return self._json


def _needs_principal(dependant: Dependant) -> bool:
    return any(sub.call is get_principal or _needs_principal(sub) for sub in dependant.dependencies)


class OperationRoute(APIRoute):
    """The route class of every REST router (``APIRouter(route_class=OperationRoute)``)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        admitted = [
            depends.dependency.roles for depends in self.dependencies if isinstance(depends.dependency, Allowed)
        ]
        authenticated = _needs_principal(self.dependant)

        async def run(request: Request) -> Response:
            if authenticated:
                principal = await authenticate(request)
                for roles in admitted:
                    principal.require_any(roles)
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return run
