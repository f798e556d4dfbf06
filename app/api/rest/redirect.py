"""``GET|HEAD /r/{code}``: the public tracked link. No token, outside ``/v1``, never cached.

A plain Starlette route rather than a FastAPI one: it has no body or query to validate, and
it is the busiest path of the service, so it skips dependency resolution altogether.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Scope

from app.api.rest.problems import domain_problem
from app.api.runtime import Runtime
from app.domain.errors import DomainError
from app.services.follow_tracked_link import LinkVisit

NO_STORE = "no-store"


def client_address(scope: Scope) -> str:
    """The visitor's address. ``X-Forwarded-For`` has already been applied by the application's
    proxy-headers middleware, and only when the connection came from a trusted proxy."""
    client = scope.get("client")
    return str(client[0]) if client else ""


async def follow_link(request: Request) -> Response:
    runtime: Runtime = request.state.runtime
    headers = request.headers
    visit = LinkVisit(
        code=request.path_params["code"],
        method=request.method,
        headers=headers,
        client_ip=client_address(request.scope),
        user_agent=headers.get("user-agent", ""),
    )
    try:
        followed = await runtime.services.follow_tracked_link(visit)
    except DomainError as error:
        # Without a Location, and not cached: a link that is unknown now may exist in a minute.
        response = domain_problem(error)
        response.headers["Cache-Control"] = NO_STORE
        return response
    return Response(status_code=302, headers={"Location": followed.location, "Cache-Control": NO_STORE})


routes = [Route("/r/{code}", follow_link, methods=["GET", "HEAD"], include_in_schema=False)]
