"""GraphQL types of contents (campaigns: ``campaign_types.py``). Relations (a content's campaigns
and history) resolve through per-request DataLoaders: one read per relation, however many items a
page holds."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.content.enums import (
    ContentAction,
    ContentFormat,
    ContentStatus,
    MediaKind,
    Objective,
    ReviewStatus,
)
from app.api.graphql.roster.enums import Network

if TYPE_CHECKING:
    from app.api.graphql.content.campaign_types import Campaign
    from app.api.graphql.context import GraphQLContext

# A campaign holds contents and a content belongs to campaigns: the types meet through a lazy reference.
LazyCampaign = Annotated["Campaign", strawberry.lazy("app.api.graphql.content.campaign_types")]

First = Annotated[int, strawberry.argument(description="Items per page, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")]


@strawberry.type(description="A suggested caption for one network.")
class Caption:
    network: Network
    text: str


@strawberry.type(description="One language's version of a content.")
class ContentLocale:
    language: str = strawberry.field(description="BCP 47 tag.")
    title: str
    body: str = strawberry.field(description="Markdown.")
    captions: list[Caption]


@strawberry.type
class Media:
    url: str
    kind: MediaKind
    alt_text: str | None


@strawberry.type(description="Who it is for; an empty list lets everyone in.")
class Targeting:
    departments: list[str]
    locations: list[str]
    languages: list[str] = strawberry.field(description="BCP 47 ranges: `fr` reaches `fr-CA`.")


@strawberry.type(description="One line of a content's history.")
class ContentTransition:
    version: int = strawberry.field(description="The content version it produced.")
    at: datetime
    actor: str = strawberry.field(description="The `sub` of whoever made it.")
    action: ContentAction
    from_status: ReviewStatus | None
    to_status: ReviewStatus
    reason: str | None
    override_cadence: bool


@strawberry.type(description="What ambassadors may share, and its review.")
class Content:
    id: UUID
    version: int = strawberry.field(description="Send as `expectedVersion` to change this content safely.")
    status: ContentStatus
    allowed_actions: list[ContentAction] = strawberry.field(description="The transitions its status allows now.")
    language: str = strawberry.field(description="The default language.")
    title: str
    body: str
    captions: list[Caption]
    locales: list[ContentLocale] = strawberry.field(description="Every language's version, the default first.")
    format: ContentFormat
    objective: Objective | None
    topics: list[str]
    link_url: str | None
    media: list[Media]
    shareable: bool
    pinned: bool
    important: bool
    publish_at: datetime | None
    expires_at: datetime | None
    live_from: datetime | None = strawberry.field(description="When approved content entered (or enters) the feed.")
    targeting: Targeting
    proposed: bool = strawberry.field(description="Proposed by an ambassador.")
    created_by: str
    last_edited_by: str
    approved_at: datetime | None
    approved_by: str | None
    created_at: datetime
    updated_at: datetime

    @described.field("Every transition, oldest first.")
    async def history(self, info: strawberry.Info[GraphQLContext, None]) -> list[ContentTransition]:
        return await info.context.loaders.content.histories.load(self.id)

    @described.field("The campaigns it belongs to (staff and analysts).")
    async def campaigns(self, info: strawberry.Info[GraphQLContext, None]) -> list[LazyCampaign]:
        return await info.context.loaders.content.campaigns_of_content.load(self.id)
