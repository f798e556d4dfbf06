"""/v1/space/flagged and /v1/space/events: what moderators watch, and the space followed live."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request

from app.api.pagination import encode_cursor
from app.api.rest.bodies import ItemPage
from app.api.rest.community.space.mappers import flagged_out
from app.api.rest.community.space.schemas import FlaggedOut
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.live_updates.events import EVENT_STREAM, EventStreamResponse, frames
from app.api.rest.openapi import AS_MEMBER, problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.community.space_signals import SpaceSignal
from app.services.community.space.access import MODERATORS, PARTICIPANTS

router = APIRouter(prefix="/v1/space", tags=["community space"], route_class=OperationRoute)


@router.get("/flagged", dependencies=[allowed(MODERATORS)], summary="List flagged posts and comments")
async def list_flagged(principal: PrincipalDep, services: ServicesDep, page: PageDep) -> ItemPage[FlaggedOut]:
    """For moderators (admin, moderator): the posts and comments holding the programme's sensitive terms,
    newest first, hidden or not, with the terms found."""
    result = await services.space.list_flagged(principal, page)
    return ItemPage(items=[flagged_out(item) for item in result.items], next_cursor=encode_cursor(result.next_after))


def space_frame(signal: SpaceSignal) -> bytes:
    data = json.dumps({"post_id": str(signal.post_id)} if signal.post_id else {}, separators=(",", ":"))
    return f"id: {signal.id}\nevent: {signal.kind.value}\ndata: {data}\n\n".encode()


SPACE_STREAM: dict[int | str, dict[str, object]] = {
    200: {
        "description": "An endless stream of Server-Sent Events, each with an `id`, an `event` name and JSON "
        "`data`:\n"
        "- `post`: `{post_id}`, a post was published, changed, commented on, reacted to, answered or moderated: "
        "read it again (a post you may not read answers not found);\n"
        "- `resync`: `{}`, events may have been missed: read the feed again;\n"
        "- `expired`: `{}`, your access token expired and the stream ends; reconnect with a fresh one.\n\n"
        "Lines starting with `:` are heartbeats, sent when nothing happened for a while.",
        "content": {EVENT_STREAM: {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/events",
    dependencies=[allowed(PARTICIPANTS)],
    summary="Follow the space live",
    status_code=200,
    response_class=EventStreamResponse,
    responses={**SPACE_STREAM, **problems(*AS_MEMBER)},
)
async def follow_space(request: Request, principal: PrincipalDep, services: ServicesDep) -> EventStreamResponse:
    """The space's changes as they happen, over plain HTTP (`Accept: text/event-stream`); the same signals
    as the GraphQL subscription `spaceSignals`. Signals carry the post's id, never its content."""
    feed = await services.space.open_feed(principal)
    state = request.app.state
    events = services.space.follow_feed(feed)
    return EventStreamResponse(frames(events, state.live_heartbeat_seconds, state.stopping, space_frame))
