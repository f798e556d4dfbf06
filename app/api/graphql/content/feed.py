"""The ambassador feed in GraphQL: a Relay connection over the same use case as REST.

Cursors are REST's ``next_cursor`` strings: each edge's cursor starts the page right after it.
"""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, Edge, page_info
from app.api.graphql.content.enums import ContentFormat, Objective
from app.api.graphql.content.mappers import captions_node
from app.api.graphql.content.types import Caption, Media
from app.api.graphql.context import GraphQLContext
from app.api.graphql.global_ids import global_id
from app.api.pagination import decode_feed_cursor, encode_feed_cursor
from app.domain.errors import FieldError, ValidationFailed
from app.ports.content import FeedItem as FeedItemRead
from app.ports.content import FeedPage
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.content.get_feed import FeedRequest

Info = strawberry.Info[GraphQLContext, None]


@strawberry.type(description="A launched campaign a feed item belongs to.")
class FeedCampaign:
    campaign_id: relay.GlobalID = strawberry.field(description="The campaign's `id`.")
    name: str = strawberry.field(description="Its name.")
    slug: str = strawberry.field(description="Its `utm_campaign`.")
    is_challenge: bool = strawberry.field(description="A challenge ambassadors compete in.")


@strawberry.type(description="A content as its ambassador gets it: in one language, with their networks' captions.")
class FeedItem:
    content_id: relay.GlobalID = strawberry.field(description="The content's `id`: what `createShare` takes.")
    language: str = strawberry.field(description="The language served: your first preferred one it exists in.")
    title: str = strawberry.field(description="The title in that language.")
    body: str = strawberry.field(description="Markdown.")
    format: ContentFormat = strawberry.field(description="What kind of content it is.")
    topics: list[str] = strawberry.field(description="Its topics, lowercase.")
    objective: Objective | None = strawberry.field(description="What it is for, if said.")
    link_url: str | None = strawberry.field(description="The page it points to; sharing makes a tracked link to it.")
    media: list[Media] = strawberry.field(description="Images, videos and documents that go with it.")
    shareable: bool = strawberry.field(description="False for read-only internal news.")
    pinned: bool = strawberry.field(description="Pinned: shown first.")
    important: bool = strawberry.field(description="Important: shown after pinned contents, before the others.")
    published_at: datetime = strawberry.field(description="When it entered the feed.")
    expires_at: datetime | None = strawberry.field(description="When it leaves the feed; null: never.")
    captions: list[Caption] = strawberry.field(description="Suggested captions for the networks you connected.")
    campaigns: list[FeedCampaign] = strawberry.field(description="The launched campaigns it belongs to.")
    already_shared: bool = strawberry.field(description="You have posted a share of it already.")


def feed_item_node(item: FeedItemRead) -> FeedItem:
    return FeedItem(
        content_id=global_id("Content", item.id),
        language=item.language,
        title=item.title,
        body=item.body,
        format=item.format,
        topics=list(item.topics),
        objective=item.objective,
        link_url=item.link_url,
        media=[Media(url=m.url, kind=m.kind, alt_text=m.alt_text) for m in item.media],
        shareable=item.shareable,
        pinned=item.pinned,
        important=item.important,
        published_at=item.published_at,
        expires_at=item.expires_at,
        captions=captions_node(item.captions),
        campaigns=[
            FeedCampaign(campaign_id=global_id("Campaign", c.id), name=c.name, slug=c.slug, is_challenge=c.is_challenge)
            for c in item.campaigns
        ],
        already_shared=item.already_shared,
    )


def feed_connection(page: FeedPage, request: FeedRequest) -> Connection[FeedItem]:
    edges = [Edge(cursor=str(encode_feed_cursor(item.cursor)), node=feed_item_node(item)) for item in page.items]
    info = page_info(edges, has_next_page=page.next_cursor is not None, after_a_cursor=request.after is not None)
    return Connection(edges=edges, page_info=info)


@strawberry.type
class FeedQuery:
    @described.field("What you may share now, in your language: pinned first, then important, then newest.")
    async def feed(self, info: Info, first: First = DEFAULT_LIMIT, after: After = None) -> Connection[FeedItem]:
        if not 1 <= first <= MAX_LIMIT:
            raise ValidationFailed(
                f"Ask for between 1 and {MAX_LIMIT} items.", [FieldError(("first",), f"Must be 1 to {MAX_LIMIT}.")]
            )
        hint = "Pass back the endCursor of a previous page, unchanged."
        request = FeedRequest(after=decode_feed_cursor(after, ("after",), hint) if after else None, limit=first)
        context = info.context
        return feed_connection(await context.services.content.get_feed(context.principal, request), request)
