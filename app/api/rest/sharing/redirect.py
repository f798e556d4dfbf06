"""``GET|HEAD /r/{code}``: the public tracked link. No token, outside ``/v1``, never cached.

The busiest path of the service, so it is served ahead of FastAPI (``app.api.app.RelaisApi``):
by a plain ASGI function under the server-error handler, the request-id and metrics layer, the
trusted-proxy rule and CORS, and none of the API's routing, exception and dependency machinery,
which it has no use for: it has no body, no query and no token. Other methods reach the router,
which answers 405.
"""

from __future__ import annotations

from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.api.rate_limits import client_address, rate_limit_headers
from app.api.rest.problems import domain_problem
from app.api.runtime import Runtime
from app.domain.community.recall_refusals import TrackedLinkRecalled
from app.domain.errors import DomainError
from app.domain.sharing.visitors import PURPOSE_HEADERS
from app.services.sharing.follow_tracked_link import LinkVisit

PREFIX = "/r/"
METHODS = ("GET", "HEAD")
NO_STORE = (b"cache-control", b"no-store")
# What the security-headers layer gives other answers, which this path is served ahead of.
NOSNIFF = (b"x-content-type-options", b"nosniff")
EMPTY = (b"content-length", b"0")
USER_AGENT = b"user-agent"
PURPOSES = frozenset(name.encode("latin-1") for name in PURPOSE_HEADERS)


async def follow_link(scope: Scope, receive: Receive, send: Send) -> None:
    runtime: Runtime = scope["state"]["runtime"]
    # Of the headers (named in lower case, as ASGI has them), only the user agent and those that
    # say a load is speculative are read: only they are decoded.
    user_agent, purposes = "", {}
    for name, value in scope["headers"]:
        if name == USER_AGENT:
            user_agent = value.decode("latin-1")
        elif name in PURPOSES:
            purposes[name.decode("latin-1")] = value.decode("latin-1")
    visit = LinkVisit(
        code=scope["path"].removeprefix(PREFIX),
        method=scope["method"],
        headers=purposes,
        client_ip=client_address(scope),
        user_agent=user_agent,
    )
    try:
        if runtime.rate_limits is not None:
            await runtime.rate_limits.count_visit(scope, visit.client_ip)
        followed = await runtime.services.sharing.follow_tracked_link(visit)
    except DomainError as error:
        if isinstance(error, TrackedLinkRecalled) and error.notice_url:
            # A recalled content's link leads to the programme's notice page, when it set one.
            notice = [(b"location", error.notice_url.encode("latin-1")), NO_STORE, NOSNIFF, EMPTY]
            await send({"type": "http.response.start", "status": 303, "headers": [*notice, *rate_limit_headers(scope)]})
            await send({"type": "http.response.body", "body": b""})
            return
        # Without a Location, and not cached: a link unknown now may exist in a minute.
        problem = domain_problem(error)
        problem.raw_headers += [NO_STORE, NOSNIFF, *rate_limit_headers(scope)]
        await problem(scope, receive, send)
        return
    location = (b"location", followed.location.encode("latin-1"))
    answer = [location, NO_STORE, NOSNIFF, EMPTY, *rate_limit_headers(scope)]
    await send({"type": "http.response.start", "status": 302, "headers": answer})
    await send({"type": "http.response.body", "body": b""})


class _FollowLinkApp:
    """``follow_link`` as an ASGI application (a plain function would be handed a ``Request``)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await follow_link(scope, receive, send)


# In the route table for the route template in metrics and logs, and for the 405 on other methods.
route = Route(PREFIX + "{code}", _FollowLinkApp(), methods=list(METHODS), include_in_schema=False)
