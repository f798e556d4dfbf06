"""The ambassador feed in GraphQL: a Relay connection over the same use case as REST.

Cursors are REST's ``next_cursor`` strings: each edge's cursor starts the page right after it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.connections import Connection, Edge, PageInfo
from app.api.graphql.content.enums import ContentFormat, Objective
from app.api.graphql.content.mappers import captions_node
from app.api.graphql.content.types import Caption, Media
from app.api.graphql.context import GraphQLContext
from app.api.pagination import decode_feed_cursor, encode_feed_cursor
from app.domain.errors import FieldError, ValidationFailed
from app.ports.content import FeedItem as FeedItemRead
from app.ports.content import FeedPage
from app.ports.pagination import DEFAULT_LIMIT, MAX_LIMIT
from app.services.content.get_feed import FeedRequest

Info = strawberry.Info[GraphQLContext, None]
First = Annotated[int, strawberry.argument(description="Items per page, 1 to 100.")]
After = Annotated[str | None, strawberry.argument(description="The endCursor of the previous page.")]


@strawberry.type(description="A launched campaign a feed item belongs to.")
class FeedCampaign:
    id: UUID
    name: str
    slug: str
    is_challenge: bool


@strawberry.type(description="A content as its ambassador gets it: in one language, with their networks' captions.")
class FeedItem:
    id: UUID
    language: str = strawberry.field(description="The language served: your first preferred one it exists in.")
    title: str
    body: str = strawberry.field(description="Markdown.")
    format: ContentFormat
    topics: list[str]
    objective: Objective | None
    link_url: str | None
    media: list[Media]
    shareable: bool = strawberry.field(description="False for read-only internal news.")
    pinned: bool
    important: bool
    published_at: datetime
    expires_at: datetime | None
    captions: list[Caption] = strawberry.field(description="Suggested captions for the networks you connected.")
    campaigns: list[FeedCampaign]
    already_shared: bool


def feed_item_node(item: FeedItemRead) -> FeedItem:
    return FeedItem(
        id=item.id,
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
            FeedCampaign(id=c.id, name=c.name, slug=c.slug, is_challenge=c.is_challenge) for c in item.campaigns
        ],
        already_shared=item.already_shared,
    )


def feed_connection(page: FeedPage) -> Connection[FeedItem]:
    edges = [Edge(cursor=str(encode_feed_cursor(item.cursor)), node=feed_item_node(item)) for item in page.items]
    info = PageInfo(has_next_page=page.next_cursor is not None, end_cursor=edges[-1].cursor if edges else None)
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
        return feed_connection(await context.services.get_feed(context.principal, request))
