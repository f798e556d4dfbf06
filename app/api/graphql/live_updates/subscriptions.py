"""GraphQL subscriptions of live updates: one's own points as they change, and the signals of one's
inbox. The same use cases as the event stream (``/v1/me/events``)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing
from enum import Enum
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.global_ids import global_id
from app.api.graphql.live_updates.socket import SocketContext
from app.domain.rewards.ledger import PointBalance
from app.services.live_updates.follow_events import LiveEvent, LiveEventKind

Info = strawberry.Info[SocketContext, None]


@strawberry.type(description="Your points as they are now.")
class PointsChange:
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of your membership.")
    balance: int = strawberry.field(description="The points held now; never below zero.")
    earned: int = strawberry.field(description="The points ever earned (awards and adjustments, less reversals).")


@strawberry.enum(description="What a signal of your inbox says.")
class InboxSignalKind(Enum):
    NOTIFICATION = strawberry.enum_value("notification", description="A notification arrived: `notificationUuid`.")
    RESYNC = strawberry.enum_value(
        "resync", description="Signals may have been missed (the server lost its database for a while): read again."
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


@strawberry.type
class LiveSubscription:
    @described.subscription(
        "Your points (ambassadors who joined): first as they are, then each time they change, "
        "whichever server replica the change went through. Ends when the access token expires."
    )
    async def points_changed(self, info: Info) -> AsyncGenerator[PointsChange, None]:
        context = info.context
        live = context.services.live_updates
        feed = await live.open_feed(context.principal, points_only=True)
        async with aclosing(live.follow_feed(feed)) as events:
            async for event in events:
                if event.kind is LiveEventKind.EXPIRED:
                    return
                if event.points is not None:
                    yield points_change(event.points)

    @described.subscription(
        "Signals of your inbox: a notification arrived (its id), or read it all again. Carries ids, "
        "never contents: read the inbox for those. Ends when the access token expires."
    )
    async def inbox_signals(self, info: Info) -> AsyncGenerator[InboxSignal, None]:
        context = info.context
        live = context.services.live_updates
        feed = await live.open_feed(context.principal)
        async with aclosing(live.follow_feed(feed)) as events:
            async for event in events:
                if event.kind is LiveEventKind.EXPIRED:
                    return
                signal = inbox_signal(event)
                if signal is not None:
                    yield signal
