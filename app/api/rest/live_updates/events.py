"""/v1/me/events: the caller's live events as Server-Sent Events, the plain-HTTP twin of the GraphQL
subscriptions (``pointsChanged``, ``notificationSignals``).

The answer is ``text/event-stream``: a ``retry`` line, then one event per change, each with an ``id``;
a comment line keeps an idle stream alive. Whoever reconnects with ``Last-Event-ID`` (as browsers do on
their own) is first told to ``resync``: notifications may have arrived while they were away.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

import anyio
from fastapi import APIRouter, Header, Request
from fastapi.responses import StreamingResponse
from starlette.types import Receive, Scope, Send

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.guards import HEAD_ONLY
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute
from app.domain.live_updates.events import LiveEventKind
from app.services.live_updates.follow_events import LiveEvent

EVENT_STREAM = "text/event-stream"
# How long a browser waits before reconnecting after the stream ends or breaks, in milliseconds.
RETRY_MILLISECONDS = 3000
HEARTBEAT = b": keep-alive\n\n"
router = APIRouter(tags=["live updates"], route_class=OperationRoute)
E = TypeVar("E")


class EventStreamResponse(StreamingResponse):
    """An event stream whose events are closed (and the subscription given up) however it ends: the
    client went away, the token expired, or the server stops."""

    media_type = EVENT_STREAM

    def __init__(self, frames: AsyncIterator[bytes]) -> None:
        self._frames = frames
        self._head_only = False
        # Proxies must pass each event on as it comes, neither caching nor buffering the stream.
        super().__init__(frames, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._head_only = bool(scope.get(HEAD_ONLY))
        await super().__call__(scope, receive, send)

    async def stream_response(self, send: Send) -> None:
        try:
            if self._head_only:
                await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
            else:
                await super().stream_response(send)
        finally:
            with anyio.CancelScope(shield=True):
                await self._frames.aclose()  # type: ignore[attr-defined]


def event_data(event: LiveEvent) -> dict[str, Any]:
    if event.kind is LiveEventKind.POINTS and event.points is not None:
        points = event.points
        return {"ambassador_id": str(points.ambassador_id), "balance": points.balance, "earned": points.earned}
    if event.kind is LiveEventKind.NOTIFICATION:
        return {"id": str(event.notification_id)}
    return {}


def frame(event: LiveEvent) -> bytes:
    data = json.dumps(event_data(event), separators=(",", ":"))
    return f"id: {event.id}\nevent: {event.kind.value}\ndata: {data}\n\n".encode()


async def frames(
    events: AsyncIterator[E],
    heartbeat_seconds: float,
    stopping: asyncio.Event,
    render: Callable[[E], bytes] = frame,  # type: ignore[assignment]
) -> AsyncIterator[bytes]:
    """The events as SSE frames, with a comment line whenever none came for ``heartbeat_seconds``,
    until the events end or the server stops (the client then reconnects, to another replica).

    The next event is awaited in a task that a heartbeat does not cancel (cancelling it would end the
    events), and that is cancelled, with the events closed, when the stream ends."""
    yield f"retry: {RETRY_MILLISECONDS}\n\n".encode()
    pending: asyncio.Future[E] | None = None
    stopped = asyncio.ensure_future(stopping.wait())
    try:
        while True:
            if pending is None:
                pending = asyncio.ensure_future(anext(events))
            waiting: set[asyncio.Future[Any]] = {pending, stopped}
            await asyncio.wait(waiting, timeout=heartbeat_seconds, return_when=asyncio.FIRST_COMPLETED)
            if stopped.done():
                return
            if not pending.done():
                yield HEARTBEAT
                continue
            finished, pending = pending, None
            try:
                event = finished.result()
            except StopAsyncIteration:
                return
            yield render(event)
    finally:
        stopped.cancel()
        if pending is not None:
            pending.cancel()
            with contextlib.suppress(asyncio.CancelledError, StopAsyncIteration):
                await pending
        await events.aclose()  # type: ignore[attr-defined]


STREAM: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An endless stream of Server-Sent Events, each with an `id`, an `event` name and JSON "
        "`data`:\n"
        "- `points`: `{ambassador_id, balance, earned}`, first the balance as it is, then after each change "
        "(ambassadors who joined the programme only);\n"
        "- `notification`: `{id}`, a notification arrived in your inbox;\n"
        "- `resync`: `{}`, events may have been missed (a reconnection with `Last-Event-ID`, or the server "
        "lost its database for a while): read your inbox again;\n"
        "- `expired`: `{}`, your access token expired and the stream ends; reconnect with a fresh one.\n\n"
        "Lines starting with `:` are heartbeats, sent when nothing happened for a while.",
        "content": {EVENT_STREAM: {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/v1/me/events",
    summary="Follow my live events",
    status_code=200,
    response_class=EventStreamResponse,
    responses={**STREAM, **problems(problem.EMPLOYEE_NOT_LINKED)},
)
async def follow_my_events(
    request: Request,
    principal: PrincipalDep,
    services: ServicesDep,
    last_event_id: Annotated[
        str | None,
        Header(
            alias="Last-Event-ID",
            max_length=200,
            description="The `id` of the last event received, sent by browsers when they reconnect: the "
            "stream then starts with a `resync` event.",
        ),
    ] = None,
) -> EventStreamResponse:
    """Your points and notifications as they change, over plain HTTP (`Accept: text/event-stream`); the
    same events as the GraphQL subscriptions. Authenticated like every route, by the bearer token in the
    `Authorization` header (browsers' `EventSource` cannot send one: use a client that can, see the live
    updates guide). Every API replica delivers every event, whichever one the change went through."""
    feed = await services.live_updates.open_feed(principal)
    events = services.live_updates.follow_feed(feed, resync_first=last_event_id is not None)
    state = request.app.state
    return EventStreamResponse(frames(events, state.live_heartbeat_seconds, state.stopping))
