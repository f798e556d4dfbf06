"""GraphQL types of contents (campaigns: ``campaign_types.py``). Relations (a content's campaigns
and history) resolve through per-request DataLoaders: one read per relation, however many items a
page holds."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated
from uuid import UUID

import strawberry
from strawberry import relay

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


@strawberry.type(description="A suggested caption for one network.")
class Caption:
    network: Network = strawberry.field(description="The network it is written for.")
    text: str = strawberry.field(description="The caption; the tracked link is added after it when shared.")


@strawberry.type(description="One language's version of a content.")
class ContentLocale:
    language: str = strawberry.field(description="BCP 47 tag.")
    title: str = strawberry.field(description="The title in this language.")
    body: str = strawberry.field(description="Markdown.")
    captions: list[Caption] = strawberry.field(description="Suggested captions in this language, one per network.")


@strawberry.type(description="An image, video or document that goes with a content.")
class Media:
    url: str = strawberry.field(description="Its https address.")
    kind: MediaKind = strawberry.field(description="What it is.")
    alt_text: str | None = strawberry.field(description="Its text alternative, for screen readers.")


@strawberry.type(description="Who it is for; an empty list lets everyone in.")
class Targeting:
    departments: list[str] = strawberry.field(description="Departments it is for, as the roster names them.")
    locations: list[str] = strawberry.field(description="Locations it is for, as the roster names them.")
    languages: list[str] = strawberry.field(description="BCP 47 ranges: `fr` reaches `fr-CA`.")


@strawberry.type(description="One line of a content's history.")
class ContentTransition:
    version: int = strawberry.field(description="The content version it produced.")
    occurred_at: datetime = strawberry.field(description="When it happened.")
    actor: str = strawberry.field(description="The `sub` of whoever made it.")
    action: ContentAction = strawberry.field(description="What was done.")
    from_status: ReviewStatus | None = strawberry.field(description="The status before; null at creation.")
    to_status: ReviewStatus = strawberry.field(description="The status after.")
    reason: str | None = strawberry.field(description="Why it was rejected or recalled, for those.")
    override_cadence: bool = strawberry.field(description="An approval beyond the weekly content budget.")


@strawberry.type(description="What ambassadors may share, and its review.")
class Content(relay.Node):
    id: relay.NodeID[UUID]
    version: int = strawberry.field(description="Send as `expectedVersion` to change this content safely.")
    status: ContentStatus = strawberry.field(description="Its status as read now.")
    allowed_actions: list[ContentAction] = strawberry.field(description="The transitions its status allows now.")
    language: str = strawberry.field(description="The default language.")
    title: str = strawberry.field(description="The title in the default language.")
    body: str = strawberry.field(description="The body in the default language, in Markdown.")
    captions: list[Caption] = strawberry.field(description="The default language's suggested captions.")
    locales: list[ContentLocale] = strawberry.field(description="Every language's version, the default first.")
    format: ContentFormat = strawberry.field(description="What kind of content it is.")
    objective: Objective | None = strawberry.field(description="What it is for, if said.")
    topics: list[str] = strawberry.field(description="Its topics, lowercase.")
    link_url: str | None = strawberry.field(description="The page it points to; shares carry a tracked link to it.")
    media: list[Media] = strawberry.field(description="Images, videos and documents that go with it.")
    shareable: bool = strawberry.field(description="False for read-only internal news.")
    pinned: bool = strawberry.field(description="Shown first in the feed.")
    important: bool = strawberry.field(description="Shown after pinned contents, before the others.")
    publish_at: datetime | None = strawberry.field(description="When it enters the feed once approved; null: at once.")
    expires_at: datetime | None = strawberry.field(description="When it leaves the feed; null: never.")
    published_at: datetime | None = strawberry.field(
        description="When approved content entered (or enters) the feed: publishAt, or its approval if later."
    )
    targeting: Targeting = strawberry.field(description="Who it is for.")
    proposed: bool = strawberry.field(description="Proposed by an ambassador.")
    created_by: str = strawberry.field(description="The `sub` of its author.")
    last_edited_by: str = strawberry.field(description="The `sub` of whoever changed it last.")
    approved_at: datetime | None = strawberry.field(description="When it was approved, once approved.")
    approved_by: str | None = strawberry.field(description="The `sub` of its approver, once approved.")
    recalled_at: datetime | None = strawberry.field(description="When it was recalled, once recalled.")
    recalled_by: str | None = strawberry.field(description="The `sub` of whoever recalled it, once recalled.")
    recall_reason: str | None = strawberry.field(description="Why it was recalled, once recalled.")
    created_at: datetime = strawberry.field(description="When it was written.")
    updated_at: datetime = strawberry.field(description="When it last changed.")

    @described.field("REST's id of this content (`/v1/contents/{id}`).")
    def uuid(self) -> UUID:
        return self.id

    @described.field("Every transition, oldest first.")
    async def history(self, info: strawberry.Info[GraphQLContext, None]) -> list[ContentTransition]:
        return await info.context.loaders.content.histories.load(self.id)

    @described.field("The campaigns it belongs to (staff and analysts).")
    async def campaigns(self, info: strawberry.Info[GraphQLContext, None]) -> list[LazyCampaign]:
        return await info.context.loaders.content.campaigns_of_content.load(self.id)
