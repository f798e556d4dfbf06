"""The GraphQL subscription of the community space: a signal each time a post changes. The same use
cases as the event stream (``/v1/space/events``)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import aclosing
from uuid import UUID

import strawberry
from graphql import GraphQLError

from app.api.graphql import fields as described
from app.api.graphql.enums import domain_enum
from app.api.graphql.live_updates.socket import SocketContext
from app.domain.community.space_signals import SpaceSignalKind
from app.domain.errors import DomainError

Info = strawberry.Info[SocketContext, None]

domain_enum(
    SpaceSignalKind,
    "What a signal of the space says.",
    {
        SpaceSignalKind.POST: "A post changed (published, edited, commented on, reacted to, answered or "
        "moderated): read `postUuid` again.",
        SpaceSignalKind.RESYNC: "Signals may have been missed (the server lost its database for a while): read the "
        "feed again.",
        SpaceSignalKind.EXPIRED: "Never sent over GraphQL: the socket closes when the token expires.",
    },
)


@strawberry.type(description="Something changed in the space; read the post to see what.")
class SpaceSignal:
    kind: SpaceSignalKind = strawberry.field(description="A post changed, or read everything again.")
    post_uuid: UUID | None = strawberry.field(description="The post's id, for `POST`.")


@strawberry.type
class SpaceSubscription:
    @described.subscription(
        "Signals of the community space: a post changed (its id), or read the feed again. Carries ids, never "
        "contents: read the post for those (a hidden one reads as not found but to moderators). Ends when the "
        "access token expires."
    )
    async def space_signals(self, info: Info) -> AsyncGenerator[SpaceSignal, None]:
        space = info.context.services.space
        try:
            feed = await space.open_feed(info.context.principal)
        except DomainError as error:
            raise GraphQLError(error.detail, extensions={"code": error.code}) from error
        async with aclosing(space.follow_feed(feed)) as signals:
            async for signal in signals:
                if signal.kind is SpaceSignalKind.EXPIRED:
                    return
                yield SpaceSignal(kind=signal.kind, post_uuid=signal.post_id)
