"""GraphQL subscriptions of live updates: one's own points as they change, and the signals of one's
inbox. The same use cases as the event stream (``/v1/me/events``)."""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, asynccontextmanager
from uuid import UUID

import strawberry
from graphql import GraphQLError
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import global_id
from app.api.graphql.live_updates.socket import SocketContext
from app.domain.errors import DomainError
from app.domain.live_updates.events import InboxSignalKind, LiveEventKind
from app.domain.rewards.ledger import PointBalance
from app.services.live_updates.follow_events import LiveEvent

Info = strawberry.Info[SocketContext, None]


@strawberry.type(description="Your points as they are now.")
class PointsChange:
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of your membership.")
    balance: int = strawberry.field(description="The points held now; never below zero.")
    earned: int = strawberry.field(description="The points ever earned (awards and adjustments, less reversals).")


domain_enum(
    InboxSignalKind,
    "What a signal of your inbox says.",
    {
        InboxSignalKind.NOTIFICATION: "A notification arrived: `notificationUuid`.",
        InboxSignalKind.RESYNC: "Signals may have been missed (the server lost its database for a while): read again.",
    },
)


@strawberry.type(description="Something changed in your inbox; read it to see what.")
class InboxSignal:
    kind: InboxSignalKind = strawberry.field(description="A notification arrived, or read everything again.")
    notification_uuid: UUID | None = strawberry.field(description="The notification's id, for `NOTIFICATION`.")


def points_change(balance: PointBalance) -> PointsChange:
    return PointsChange(
        ambassador_id=global_id("Ambassador", balance.ambassador_id), balance=balance.balance, earned=balance.earned
    )


def inbox_signal(event: LiveEvent) -> InboxSignal | None:
    if event.kind is LiveEventKind.NOTIFICATION:
        return InboxSignal(kind=InboxSignalKind.NOTIFICATION, notification_uuid=event.notification_id)
    if event.kind is LiveEventKind.RESYNC:
        return InboxSignal(kind=InboxSignalKind.RESYNC, notification_uuid=None)
    return None


@asynccontextmanager
async def followed(context: SocketContext, *, points_only: bool) -> AsyncIterator[AsyncIterator[LiveEvent]]:
    """The caller's events until their token expires. A refusal (no ambassador role, a token linked to
    no employee, the database lost) ends the subscription with the error and code HTTP would give."""
    live = context.services.live_updates
    try:
        feed = await live.open_feed(context.principal, points_only=points_only)
        async with aclosing(live.follow_feed(feed)) as events:
            yield _until_expired(events)
    except DomainError as error:
        raise GraphQLError(error.detail, extensions={"code": error.code}) from error


async def _until_expired(events: AsyncIterator[LiveEvent]) -> AsyncIterator[LiveEvent]:
    async for event in events:
        if event.kind is LiveEventKind.EXPIRED:
            return
        yield event


@strawberry.type
class LiveSubscription:
    @described.subscription(
        "Your points (ambassadors who joined): first as they are, then each time they change, "
        "whichever server replica the change went through. Ends when the access token expires."
    )
    async def points_changed(self, info: Info) -> AsyncGenerator[PointsChange, None]:
        async with followed(info.context, points_only=True) as events:
            async for event in events:
                if event.points is not None:
                    yield points_change(event.points)

    @described.subscription(
        "Signals of your inbox: a notification arrived (its id), or read it all again. Carries ids, "
        "never contents: read the inbox for those. Ends when the access token expires."
    )
    async def inbox_signals(self, info: Info) -> AsyncGenerator[InboxSignal, None]:
        async with followed(info.context, points_only=False) as events:
            async for event in events:
                signal = inbox_signal(event)
                if signal is not None:
                    yield signal
