"""REST bodies of the ambassador feed.

Typed dictionaries rather than models: the feed is a hot path, and pydantic writes a typed
dictionary straight to JSON (``FEED_JSON``) without building and validating a model per item.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import Field, TypeAdapter
from typing_extensions import TypedDict

from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import MediaKind
from app.domain.networks import Network


class FeedMediaOut(TypedDict):
    url: str
    kind: MediaKind
    alt_text: str | None


class FeedCampaignOut(TypedDict):
    id: UUID
    name: str
    slug: str
    is_challenge: bool


class FeedItemOut(TypedDict):
    id: UUID
    language: Annotated[
        str, Field(description="The language served: your first preferred one it exists in, else its default.")
    ]
    title: str
    body: Annotated[str, Field(description="Markdown.")]
    format: ContentFormat
    topics: list[str]
    objective: Objective | None
    link_url: str | None
    media: list[FeedMediaOut]
    shareable: Annotated[bool, Field(description="False for read-only internal news.")]
    pinned: bool
    important: bool
    published_at: datetime
    expires_at: datetime | None
    captions: Annotated[dict[Network, str], Field(description="Suggested captions for the networks you connected.")]
    campaigns: Annotated[list[FeedCampaignOut], Field(description="Its launched campaigns.")]
    already_shared: Annotated[bool, Field(description="Whether you shared it already.")]


class FeedOut(TypedDict):
    items: list[FeedItemOut]
    next_cursor: Annotated[
        str | None, Field(description="Pass as `cursor` to read the next page; null on the last page.")
    ]


FEED_JSON: TypeAdapter[FeedOut] = TypeAdapter(FeedOut)
