"""/v1/parked-events: events the worker parked after their handler failed every try (operators only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from app.api import problem_types as problem
from app.api.pagination import encode_cursor
from app.api.rest import examples as ex
from app.api.rest.bodies import ItemPage, RequestBody
from app.api.rest.deps import PageDep, PrincipalDep, ServicesDep
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.api.rest.texts import SearchText
from app.domain.deliveries import DeliverySource, ParkedEvent
from app.domain.roster.identity import PLATFORM_OPERATORS
from app.ports.events import ParkedFilter

router = APIRouter(prefix="/v1/parked-events", tags=["operations"], route_class=OperationRoute)

PARKED_EVENT_ID = "0196a3f2-1a2b-7c3d-8e4f-5a6b7c8d9e0f"
_EXAMPLE: dict[str, Any] = {
    "id": PARKED_EVENT_ID,
    "tenant_id": ex.TENANT_ID,
    "event_id": "0196a3d1-3e4f-7a5b-8c6d-7e8f9a0b1c2d",
    "type": "share.posted",
    "handler": "rewards.share_posted",
    "source": "outbox",
    "occurred_at": ex.POSTED,
    "attempts": 10,
    "error": "KeyError: 'network'",
    "parked_at": "2025-03-11T14:21:40.310000Z",
}
HandlerText = Annotated[SearchText, Field(max_length=200)]


class ParkedEventOut(BaseModel):
    """An event a handler failed on every try, with the last error; replay it once the cause is fixed."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    id: UUID = Field(description="The parked event's own id: what replaying names.")
    tenant_id: UUID = Field(description="The organisation the event belongs to.")
    event_id: UUID = Field(description="The event's id (in the outbox, or the click's id).")
    type: str = Field(description="The event's type (`click.recorded` for a click).", examples=["share.posted"])
    handler: str = Field(description="The handler that failed on it.", examples=["rewards.share_posted"])
    source: DeliverySource = Field(description="Where the event is read from: the outbox, or the clicks.")
    occurred_at: datetime = Field(description="When the event happened.")
    attempts: int = Field(description="Tries the handler was given.", examples=[10])
    error: str = Field(description="What the last try failed with.", examples=["KeyError: 'network'"])
    parked_at: datetime = Field(description="When it was parked.")


class ParkedEventsReplay(RequestBody):
    """Which parked events to replay: every one, unless narrowed."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"handler": "rewards.share_posted"}]})

    tenant_id: UUID | None = Field(default=None, description="Only this organisation's.")
    handler: HandlerText | None = Field(default=None, description="Only this handler's.")
    type: HandlerText | None = Field(default=None, description="Only events of this type.")


class ParkedEventsReplayed(BaseModel):
    """How many parked events were given back to their handlers."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"replayed": 12}]})

    replayed: int = Field(description="Parked events now due again; the worker takes them at once.")


def parked_event_out(event: ParkedEvent) -> ParkedEventOut:
    return ParkedEventOut(
        id=event.id,
        tenant_id=event.tenant_id,
        event_id=event.event_id,
        type=event.event_type,
        handler=event.handler,
        source=event.source,
        occurred_at=event.occurred_at,
        attempts=event.attempts,
        error=event.error,
        parked_at=event.parked_at,
    )


@router.get("", dependencies=[allowed(PLATFORM_OPERATORS)], summary="List parked events")
async def list_parked_events(
    principal: PrincipalDep,
    services: ServicesDep,
    page: PageDep,
    tenant_id: Annotated[UUID | None, Query(description="Only this organisation's.")] = None,
    handler: Annotated[HandlerText | None, Query(description="Only this handler's.")] = None,
    type: Annotated[HandlerText | None, Query(description="Only events of this type.")] = None,  # noqa: A002
) -> ItemPage[ParkedEventOut]:
    """Events a handler failed on every try, across every organisation, in the order they were parked
    (role `operator`). Each keeps the last error until it is replayed and handled."""
    criteria = ParkedFilter(tenant_id=tenant_id, handler=handler, event_type=type)
    result = await services.events.list_parked_events(principal, criteria, page)
    items = [parked_event_out(event) for event in result.items]
    return ItemPage(items=items, next_cursor=encode_cursor(result.next_after))


@router.post(
    "/{parked_event_id}/replay",
    dependencies=[allowed(PLATFORM_OPERATORS)],
    status_code=status.HTTP_202_ACCEPTED,
    summary="Replay a parked event",
    response_description="The event as it was parked; its handler gets it again at once.",
    responses=problems(problem.NOT_FOUND),
)
async def replay_parked_event(parked_event_id: UUID, principal: PrincipalDep, services: ServicesDep) -> ParkedEventOut:
    """Give a parked event back to its handler once the cause is fixed (role `operator`): it leaves the
    parked events and is due at once, with every try ahead of it. Handlers change nothing the second
    time they get an event, so replaying one that was in fact handled is harmless."""
    return parked_event_out(await services.events.replay_parked_event(principal, parked_event_id))


@router.post(
    "/replay",
    dependencies=[allowed(PLATFORM_OPERATORS)],
    status_code=status.HTTP_202_ACCEPTED,
    summary="Replay parked events",
    response_description="How many parked events were given back to their handlers.",
)
async def replay_parked_events(
    body: ParkedEventsReplay, principal: PrincipalDep, services: ServicesDep
) -> ParkedEventsReplayed:
    """Replay every parked event, or those of one organisation, handler or event type (role
    `operator`), as replaying each would."""
    criteria = ParkedFilter(tenant_id=body.tenant_id, handler=body.handler, event_type=body.type)
    return ParkedEventsReplayed(replayed=await services.events.replay_parked_events(principal, criteria))
