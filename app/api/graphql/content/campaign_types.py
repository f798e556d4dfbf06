"""GraphQL types of campaigns; a campaign's contents resolve through a per-request DataLoader, one read
for every campaign of a page."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.connections import Connection
from app.api.graphql.content.enums import CampaignStatus, Objective
from app.api.graphql.content.types import After, Content, First, Targeting
from app.ports.pagination import DEFAULT_LIMIT

if TYPE_CHECKING:
    from app.api.graphql.context import GraphQLContext


@strawberry.type(description="A target per conversion type.")
class ConversionGoal:
    type: str
    target: int


@strawberry.type
class CampaignGoals:
    shares: int | None
    clicks: int | None
    conversions: list[ConversionGoal]


@strawberry.type(description="Contents grouped under an objective, a period, an audience and goals.")
class Campaign:
    id: UUID
    version: int = strawberry.field(description="Send as `expectedVersion` to change this campaign safely.")
    name: str
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None
    objective: Objective | None
    status: CampaignStatus
    starts_at: datetime | None
    ends_at: datetime | None
    targeting: Targeting
    goals: CampaignGoals
    points_multiplier: float
    is_challenge: bool
    launched_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @described.field("Its contents, in the order they were created.")
    async def contents(
        self, info: strawberry.Info[GraphQLContext, None], first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[Content]:
        return await info.context.loaders.content.campaign_contents.load((self.id, first, after))


@strawberry.type(description="A content's place in a campaign; `changed` is false when nothing had to change.")
class CampaignMembership:
    campaign_id: UUID
    content_id: UUID
    changed: bool
