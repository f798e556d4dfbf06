"""REST bodies of the ambassador feed.

Typed dictionaries rather than models: the feed is a hot path, and pydantic writes a typed
dictionary straight to JSON (``FEED_JSON``) without building and validating a model per item.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import TypedDict

from app.api.rest import examples as ex
from app.domain.content.content_fields import ContentFormat, Objective
from app.domain.content.locales import MediaKind
from app.domain.networks import Network

_ITEM: dict[str, Any] = {
    "id": ex.CONTENT_ID,
    "language": "fr",
    "title": "Nous recrutons à Lyon",
    "body": "Notre équipe backend grandit : **trois postes** ouverts à Lyon.",
    "format": "job_offer",
    "topics": ["hiring", "engineering"],
    "objective": "recruiting",
    "link_url": ex.LINK,
    "media": [{"url": "https://cdn.acme.example/lyon-office.jpg", "kind": "image", "alt_text": "The Lyon office"}],
    "shareable": True,
    "pinned": False,
    "important": True,
    "published_at": ex.PUBLISHED,
    "expires_at": None,
    "captions": {"linkedin": "We are hiring backend engineers in Lyon! #employee"},
    "campaigns": [
        {"id": ex.CAMPAIGN_ID, "name": "Spring hiring in Lyon", "slug": "spring-hiring", "is_challenge": True}
    ],
    "already_shared": False,
}


class FeedMediaOut(TypedDict):
    """An image, video or document shown with the content."""

    url: Annotated[str, Field(description="Its https address.")]
    kind: Annotated[MediaKind, Field(description="What it is.")]
    alt_text: Annotated[str | None, Field(description="What it shows, for screen readers.")]


class FeedCampaignOut(TypedDict):
    """A launched campaign the content is part of."""

    id: Annotated[UUID, Field(description="The campaign's id.")]
    name: Annotated[str, Field(description="Its name.")]
    slug: Annotated[str, Field(description="Its short unique name.")]
    is_challenge: Annotated[bool, Field(description="Shown as a challenge.")]


class FeedItemOut(TypedDict):
    """A content you may share now, in the language you read best."""

    id: Annotated[UUID, Field(description="The content's id: share it with POST /v1/shares.")]
    language: Annotated[
        str, Field(description="The language served: your first preferred one it exists in, else its default.")
    ]
    title: Annotated[str, Field(description="Its title in that language.")]
    body: Annotated[str, Field(description="Markdown.")]
    format: Annotated[ContentFormat, Field(description="Its kind: article, video, job offer, event...")]
    topics: Annotated[list[str], Field(description="What it is about.")]
    objective: Annotated[Objective | None, Field(description="What it is for, if said.")]
    link_url: Annotated[str | None, Field(description="Where shares lead; null for content to read only.")]
    media: Annotated[list[FeedMediaOut], Field(description="Images, videos or documents shown with it.")]
    shareable: Annotated[bool, Field(description="False for read-only internal news.")]
    pinned: Annotated[bool, Field(description="Pinned content comes first.")]
    important: Annotated[bool, Field(description="Important content comes next.")]
    published_at: Annotated[datetime, Field(description="When it entered the feed.")]
    expires_at: Annotated[datetime | None, Field(description="When it leaves the feed; never when null.")]
    captions: Annotated[dict[Network, str], Field(description="Suggested captions for the networks you connected.")]
    campaigns: Annotated[list[FeedCampaignOut], Field(description="Its launched campaigns.")]
    already_shared: Annotated[bool, Field(description="Whether you shared it already.")]


@with_config(ConfigDict(json_schema_extra={"examples": [{"items": [_ITEM], "next_cursor": None}]}))
class FeedOut(TypedDict):
    """A page of your feed: pinned content first, then important content, then the newest."""

    items: Annotated[list[FeedItemOut], Field(description="The page's contents.")]
    next_cursor: Annotated[
        str | None, Field(description="Pass as `cursor` to read the next page; null on the last page.")
    ]


FEED_JSON: TypeAdapter[FeedOut] = TypeAdapter(FeedOut)
