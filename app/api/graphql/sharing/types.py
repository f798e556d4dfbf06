"""GraphQL types of shares: the node with its links and figures, the inputs, and their mappers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.attribution.enums import ConversionType
from app.api.graphql.global_ids import global_id, optional_global_id, uuid_of
from app.api.graphql.roster.enums import Network
from app.api.graphql.sharing.enums import EngagementSource, ShareAction, ShareStatus
from app.domain.attribution.conversion_records import weight_text
from app.domain.sharing import engagement
from app.domain.sharing.engagement import SELF_REPORTED_FLOOR, SELF_REPORTED_REACH
from app.ports.sharing import ShareStats as DomainStats
from app.services.sharing.create_share import CreateShareCommand
from app.services.sharing.share_access import ShareView


@strawberry.type(description="Counts a share earned on its network, as observed at one instant.")
class Engagement:
    uuid: UUID = strawberry.field(description="REST's id of this snapshot.")
    observed_at: datetime = strawberry.field(description="When the network showed these counts.")
    impressions: int = strawberry.field(description="Times the post was seen.")
    reactions: int = strawberry.field(description="Likes and other reactions.")
    comments: int = strawberry.field(description="Comments.")
    reshares: int = strawberry.field(description="Reshares, reposts and retweets.")
    recorded_at: datetime = strawberry.field(description="When Relais was told.")
    source: EngagementSource = strawberry.field(description="Who reported it.")


@strawberry.type(description="Conversions of one type credited to a share.")
class ConversionTally:
    type: ConversionType = strawberry.field(description="Their type.")
    count: int = strawberry.field(description="How many conversions of that type were credited, wholly or in part.")
    credit: str = strawberry.field(
        description="The credit they add up to, as `numerator/denominator` (fractions under the linear model)."
    )


@strawberry.type(description="What a share earned. Bots, HEAD, prefetches and the ambassador's own clicks never count.")
class ShareStats:
    clicks: int = strawberry.field(description="Clicks on its tracked link by people.")
    unique_clicks: int = strawberry.field(description="Clicks of visitors not seen on this link in the previous 24 h.")
    conversions: list[ConversionTally] = strawberry.field(description="Conversions credited to it, per type.")
    engagement: Engagement | None = strawberry.field(
        description="The current engagement: the integration's snapshot observed last, else the ambassador's."
    )


@strawberry.type(description="An ambassador's share of a content on a network, through a tracked link.")
class Share(relay.Node):
    id: relay.NodeID[UUID]
    status: ShareStatus = strawberry.field(description="Where it stands.")
    network: Network = strawberry.field(description="Where it is shared.")
    content_id: relay.GlobalID = strawberry.field(description="The `id` of the content shared.")
    campaign_id: relay.GlobalID | None = strawberry.field(
        description="The `id` of the campaign running when it was created."
    )
    ambassador_id: relay.GlobalID = strawberry.field(description="The `id` of the sharing member's membership.")
    language: str = strawberry.field(description="BCP 47 tag of the language shared.")
    caption: str = strawberry.field(description="The caption, without the tracked link.")
    tracked_url: str = strawberry.field(description="The link to post; every click is counted, then redirected.")
    share_url: str | None = strawberry.field(
        description="Opens the network's composer with the link filled in; null for Instagram and TikTok."
    )
    copy_text: str = strawberry.field(description="The caption followed by the tracked link, ready to paste.")
    post_url: str | None = strawberry.field(description="The address of the post, if the ambassador gave it.")
    created_at: datetime = strawberry.field(description="When sharing started.")
    posted_at: datetime | None = strawberry.field(description="When the ambassador confirmed posting it.")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled.")
    potential_reach: int | None = strawberry.field(
        description="The ambassador's audience on the network when they confirmed it (their largest account's "
        "there): the most people it may reach. Null until posted."
    )
    version: int = strawberry.field(description="Send as `expectedVersion` to change it safely.")
    allowed_actions: list[ShareAction] = strawberry.field(description="What its ambassador may do to it now.")
    stats: ShareStats | None = strawberry.field(description="Null in the answer to a creation or a transition.")

    @described.field("REST's id of this share (`/v1/shares/{id}`).")
    def uuid(self) -> UUID:
        return self.id


@strawberry.type(description="The share; `created` is false when an intent for the content and network was open.")
class CreatedShare:
    share: Share = strawberry.field(description="The share to post.")
    created: bool = strawberry.field(description="False when the open intent was given again.")


@strawberry.type(description="The snapshot recorded, and the share's current engagement now.")
class RecordedEngagement:
    snapshot: Engagement = strawberry.field(description="The snapshot as recorded.")
    latest: Engagement = strawberry.field(
        description="The share's current engagement: the integration's snapshot observed last, else the ambassador's."
    )


@strawberry.input(description="What to share, where, and optionally in your own words.")
class CreateShareInput:
    content_id: strawberry.ID = strawberry.field(description="The `id` of a published content you may share.")
    network: Network = strawberry.field(description="A network you connected and the programme allows.")
    caption: str | None = strawberry.field(
        default=None,
        description="Without it, the content's suggested caption for the network in your language; the tracked "
        "link is added after it.",
    )


@strawberry.input(
    description="Counts observed on the network; whole numbers from 0. Reactions, comments and reshares are each "
    "at most the impressions; an ambassador's own report is bounded by their audience."
)
class EngagementInput:
    observed_at: datetime = strawberry.field(description="With its UTC offset; not in the future.")
    impressions: int = strawberry.field(
        description="Times the post was seen. An integration may send 0 when its network gives none; an "
        f"ambassador reports at most {SELF_REPORTED_REACH} times their audience on the network "
        f"({SELF_REPORTED_FLOOR:,} at least)."
    )
    reactions: int = strawberry.field(description="Likes and other reactions; at most the impressions.")
    comments: int = strawberry.field(description="Comments; at most the impressions.")
    reshares: int = strawberry.field(description="Reshares, reposts and retweets; at most the impressions.")


def engagement_node(snapshot: engagement.EngagementSnapshot) -> Engagement:
    return Engagement(
        uuid=snapshot.id,
        observed_at=snapshot.observed_at,
        impressions=snapshot.impressions,
        reactions=snapshot.reactions,
        comments=snapshot.comments,
        reshares=snapshot.reshares,
        recorded_at=snapshot.recorded_at,
        source=snapshot.source,
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
        content_id=global_id("Content", share.content_id),
        campaign_id=optional_global_id("Campaign", share.campaign_id),
        ambassador_id=global_id("Ambassador", share.ambassador_id),
        language=share.language,
        caption=share.caption,
        tracked_url=view.tracked_url,
        share_url=view.share_url,
        copy_text=view.copy_text,
        post_url=share.post_url,
        created_at=share.created_at,
        posted_at=share.posted_at,
        cancelled_at=share.cancelled_at,
        potential_reach=share.potential_reach,
        version=share.version,
        allowed_actions=share.allowed_actions(),
        stats=stats_node(view.stats) if view.stats else None,
    )


def create_command(data: CreateShareInput, client_ip: str | None, user_agent: str | None) -> CreateShareCommand:
    return CreateShareCommand(
        content_id=uuid_of(data.content_id, "Content", ("content_id",)),
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
