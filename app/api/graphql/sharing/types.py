"""GraphQL types of shares: the node with its links and figures, the inputs, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import ShareAction, ShareStatus
from app.domain.attribution.conversion_records import weight_text
from app.domain.sharing import engagement
from app.ports.sharing import ShareStats as DomainStats
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.share_access import ShareView


@strawberry.type(description="Counts a share earned on its network, as observed at one instant.")
class Engagement:
    id: UUID
    observed_at: datetime
    impressions: int
    reactions: int
    comments: int
    reshares: int
    recorded_at: datetime


@strawberry.type(description="Conversions of one type credited to a share.")
class ConversionTally:
    type: ConversionType
    count: int
    credit: str = strawberry.field(
        description="The credit they add up to, as `numerator/denominator` (fractions under the linear model)."
    )


@strawberry.type(description="What a share earned. Bots, HEAD, prefetches and the ambassador's own clicks never count.")
class ShareStats:
    clicks: int
    unique_clicks: int = strawberry.field(description="Clicks of visitors not seen on this link in the previous 24 h.")
    conversions: list[ConversionTally]
    engagement: Engagement | None = strawberry.field(description="The latest observed engagement.")


@strawberry.type(description="An ambassador's share of a content on a network, through a tracked link.")
class Share:
    id: UUID
    status: ShareStatus
    network: Network
    content_id: UUID
    campaign_id: UUID | None = strawberry.field(description="The campaign running when it was created.")
    ambassador_id: UUID
    language: str
    caption: str
    tracked_url: str = strawberry.field(description="The link to post; every click is counted, then redirected.")
    share_url: str | None = strawberry.field(
        description="Opens the network's composer with the link filled in; null for Instagram and TikTok."
    )
    copy_text: str = strawberry.field(description="The caption followed by the tracked link, ready to paste.")
    post_url: str | None
    created_at: datetime
    posted_at: datetime | None
    cancelled_at: datetime | None
    version: int = strawberry.field(description="Send as `expectedVersion` to change it safely.")
    allowed_actions: list[ShareAction] = strawberry.field(description="What its ambassador may do to it now.")
    stats: ShareStats | None = strawberry.field(description="Null in the answer to a creation or a transition.")


@strawberry.type(description="The share; `created` is false when an intent for the content and network was open.")
class CreatedShare:
    share: Share
    created: bool


@strawberry.type(description="The snapshot recorded, and the share's latest (this one unless a later observation).")
class RecordedEngagement:
    snapshot: Engagement
    latest: Engagement


@strawberry.input(description="What to share, where, and optionally in your own words.")
class CreateShareInput:
    content_id: UUID
    network: Network
    caption: str | None = strawberry.field(
        default=None,
        description="Without it, the content's suggested caption for the network in your language; the tracked "
        "link is added after it.",
    )


@strawberry.input(description="Counts observed on the network; whole numbers from 0.")
class EngagementInput:
    observed_at: datetime = strawberry.field(description="With its UTC offset; not in the future.")
    impressions: int
    reactions: int
    comments: int
    reshares: int


def engagement_node(snapshot: engagement.EngagementSnapshot) -> Engagement:
    return Engagement(
        id=snapshot.id,
        observed_at=snapshot.observed_at,
        impressions=snapshot.impressions,
        reactions=snapshot.reactions,
        comments=snapshot.comments,
        reshares=snapshot.reshares,
        recorded_at=snapshot.recorded_at,
    )


def stats_node(stats: DomainStats) -> ShareStats:
    return ShareStats(
        clicks=stats.clicks,
        unique_clicks=stats.unique_clicks,
        conversions=[
            ConversionTally(type=kind, count=tally.count, credit=weight_text(tally.credit))
            for kind, tally in stats.conversions.items()
        ],
        engagement=engagement_node(stats.engagement) if stats.engagement else None,
    )


def share_node(view: ShareView) -> Share:
    share = view.share
    return Share(
        id=share.id,
        status=share.status,
        network=share.network,
        content_id=share.content_id,
        campaign_id=share.campaign_id,
        ambassador_id=share.ambassador_id,
        language=share.language,
        caption=share.caption,
        tracked_url=view.tracked_url,
        share_url=view.share_url,
        copy_text=view.copy_text,
        post_url=share.post_url,
        created_at=share.created_at,
        posted_at=share.posted_at,
        cancelled_at=share.cancelled_at,
        version=share.version,
        allowed_actions=share.allowed_actions(),
        stats=stats_node(view.stats) if view.stats else None,
    )


def create_command(data: CreateShareInput, client_ip: str | None, user_agent: str | None) -> CreateShareCommand:
    return CreateShareCommand(
        content_id=data.content_id,
        network=data.network,
        caption=data.caption,
        client_ip=client_ip,
        user_agent=user_agent,
    )


def engagement_counts(data: EngagementInput) -> dict[str, int]:
    return {
        "impressions": data.impressions,
        "reactions": data.reactions,
        "comments": data.comments,
        "reshares": data.reshares,
    }
