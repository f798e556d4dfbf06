"""REST bodies of the ambassador feed."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, Field

from app.api.rest.content_schemas import MediaOut
from app.domain.content_fields import ContentFormat, Objective
from app.domain.networks import Network


class FeedCampaignOut(BaseModel):
    id: UUID
    name: str
    slug: str
    is_challenge: bool


class FeedItemOut(BaseModel):
    id: UUID
    language: str = Field(description="The language served: your first preferred one it exists in, else its default.")
    title: str
    body: str = Field(description="Markdown.")
    format: ContentFormat
    topics: list[str]
    objective: Objective | None
    link_url: str | None
    media: list[MediaOut]
    shareable: bool = Field(description="False for read-only internal news.")
    pinned: bool
    important: bool
    published_at: datetime
    expires_at: datetime | None
    captions: dict[Network, str] = Field(description="Suggested captions for the networks you connected.")
    campaigns: list[FeedCampaignOut] = Field(description="Its launched campaigns.")
    already_shared: bool = Field(description="Whether you shared it already.")


class FeedOut(BaseModel):
    items: list[FeedItemOut]
    next_cursor: str | None = Field(description="Pass as `cursor` to read the next page; null on the last page.")
