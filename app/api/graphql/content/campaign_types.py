"""GraphQL types of campaigns; a campaign's contents resolve through a per-request DataLoader, one read
for every campaign of a page."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection
from app.api.graphql.content.enums import CampaignStatus, Objective
from app.api.graphql.content.types import Content, Targeting
from app.ports.pagination import DEFAULT_LIMIT

if TYPE_CHECKING:
    from app.api.graphql.context import GraphQLContext


@strawberry.type(description="A target per conversion type.")
class ConversionGoal:
    type: str = strawberry.field(description="The conversion type, as reported (`lead`, `job_application`, ...).")
    target: int = strawberry.field(description="How many to reach.")


@strawberry.type(description="What a campaign aims for; null when no target is set.")
class CampaignGoals:
    shares: int | None = strawberry.field(description="Shares to reach.")
    clicks: int | None = strawberry.field(description="Clicks to reach.")
    conversions: list[ConversionGoal] = strawberry.field(description="Conversions to reach, per type.")


@strawberry.type(description="Contents grouped under an objective, a period, an audience and goals.")
class Campaign(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this campaign safely.")
    name: str = strawberry.field(description="Its name.")
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None = strawberry.field(description="What it is about.")
    objective: Objective | None = strawberry.field(description="What it is for, if said.")
    status: CampaignStatus = strawberry.field(description="Its status as read now.")
    starts_at: datetime | None = strawberry.field(description="When it starts; needed to launch.")
    ends_at: datetime | None = strawberry.field(description="When it ends; null: open-ended.")
    targeting: Targeting = strawberry.field(description="Who it is for.")
    goals: CampaignGoals = strawberry.field(description="What it aims for.")
    points_multiplier: float = strawberry.field(description="What the points its shares earn are multiplied by.")
    is_challenge: bool = strawberry.field(description="A challenge ambassadors compete in.")
    launched_at: datetime | None = strawberry.field(description="When it was launched, once launched.")
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this campaign (`/v1/campaigns/{id}`).")
    def uuid(self) -> UUID:
        return self.id

    @described.field("Its contents, in the order they were created.")
    async def contents(
        self, info: strawberry.Info[GraphQLContext, None], first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[Content]:
        return await info.context.loaders.content.campaign_contents.load((self.id, first, after))


@strawberry.type(description="A content's place in a campaign; `changed` is false when nothing had to change.")
class CampaignMembership:
    campaign_id: relay.GlobalID = strawberry.field(description="The campaign's `id`.")
    content_id: relay.GlobalID = strawberry.field(description="The content's `id`.")
    changed: bool = strawberry.field(description="False when the content already was (or was not) in it.")
