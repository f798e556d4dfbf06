"""GraphQL types of recall: a take-down, a content's take-down progress, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql.connections import Connection, connection
from app.api.graphql.enums import domain_enum
from app.api.graphql.global_ids import global_id
from app.domain.community.recall import TakeDown as DomainTakeDown
from app.domain.community.recall import TakeDownStatus
from app.domain.networks import Network
from app.ports.pagination import PageRequest
from app.services.community.recall.takedowns import ContentTakeDowns as DomainContentTakeDowns

domain_enum(
    TakeDownStatus,
    "Where a take-down stands.",
    {
        TakeDownStatus.PENDING: "The post is still to be removed.",
        TakeDownStatus.CONFIRMED: "The ambassador confirmed they removed the post.",
    },
)


@strawberry.type(description="A post of a recalled content, to be removed by the ambassador who posted it.")
class TakeDown:
    id: UUID = strawberry.field(description="The take-down's id (as in REST).")
    content_id: relay.GlobalID = strawberry.field(description="The recalled content's `id`.")
    share_id: relay.GlobalID = strawberry.field(description="The posted share's `id`.")
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of the ambassador who posted it.")
    network: Network = strawberry.field(description="Where it was posted.")
    post_url: str | None = strawberry.field(description="The post's address, when the ambassador gave it.")
    reason: str = strawberry.field(description="Why the content was recalled.")
    status: TakeDownStatus = strawberry.field(description="PENDING until the ambassador confirms the removal.")
    confirmed_at: datetime | None = strawberry.field(description="When the removal was confirmed, once it was.")
    created_at: datetime = strawberry.field(description="When the take-down was asked for.")


@strawberry.type(description="How far a recalled content's take-downs went.")
class TakeDownProgress:
    pending: int = strawberry.field(description="Posts not yet confirmed removed.")
    confirmed: int = strawberry.field(description="Posts confirmed removed.")
    total: int = strawberry.field(description="Every take-down of the content.")


@strawberry.type(description="A content's take-downs, a page of them, with the progress of all.")
class ContentTakeDowns:
    progress: TakeDownProgress = strawberry.field(description="Counts over every take-down, whatever the page.")
    takedowns: Connection[TakeDown] = strawberry.field(description="The take-downs, in the order they were asked for.")


def take_down_node(take_down: DomainTakeDown) -> TakeDown:
    return TakeDown(
        id=take_down.id,
        content_id=global_id("Content", take_down.content_id),
        share_id=global_id("Share", take_down.share_id),
        ambassador_id=global_id("Ambassador", take_down.ambassador_id),
        network=take_down.network,
        post_url=take_down.post_url,
        reason=take_down.reason,
        status=take_down.status,
        confirmed_at=take_down.confirmed_at,
        created_at=take_down.created_at,
    )


def content_take_downs_node(listed: DomainContentTakeDowns, request: PageRequest) -> ContentTakeDowns:
    progress = listed.progress
    return ContentTakeDowns(
        progress=TakeDownProgress(pending=progress.pending, confirmed=progress.confirmed, total=progress.total),
        takedowns=connection(listed.page, take_down_node, request),
    )
