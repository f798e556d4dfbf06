"""REST bodies of shares: what ambassadors send and what everyone reads. Mapped explicitly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, Field

from app.api.rest.bodies import RequestBody
from app.api.rest.instants import Instant
from app.api.rest.texts import HTTPS_URL, MULTI_LINE_NOT_BLANK
from app.domain.attribution.conversions import ConversionType
from app.domain.links import MAX_URL_LENGTH
from app.domain.networks import CAPTION_LIMITS, Network
from app.domain.sharing.engagement import MAX_COUNT
from app.domain.sharing.shares import ShareStatus

Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]


class ShareCreate(RequestBody):
    content_id: UUID
    network: Network
    caption: Annotated[
        Annotated[str, MULTI_LINE_NOT_BLANK] | None, Field(min_length=1, max_length=max(CAPTION_LIMITS.values()))
    ] = Field(
        default=None,
        description="Your own words; without it, the content's suggested caption for the network in your "
        "language. The tracked link is added after it (a caption naming the content's link gets the tracked "
        "link in its place), and the whole text must pass the programme's rules.",
    )


class ShareConfirm(RequestBody):
    post_url: Annotated[Annotated[str, HTTPS_URL] | None, Field(min_length=1, max_length=MAX_URL_LENGTH)] = Field(
        default=None, description="The https address of your post, if you have it.", examples=["https://x.com/ada/1"]
    )


class EngagementCreate(RequestBody):
    observed_at: Instant = Field(description="When the network showed these counts (not in the future).")
    impressions: Count
    reactions: Count
    comments: Count
    reshares: Count


class EngagementOut(BaseModel):
    id: UUID
    observed_at: datetime
    impressions: int
    reactions: int
    comments: int
    reshares: int
    recorded_at: datetime


class EngagementRecordedOut(BaseModel):
    snapshot: EngagementOut = Field(description="What was just recorded.")
    latest: EngagementOut = Field(
        description="The share's current engagement: this snapshot, unless one observed later was recorded before."
    )


class ConversionTallyOut(BaseModel):
    type: ConversionType
    count: int = Field(description="Conversions of this type credited to the share.")
    credit: str = Field(
        description="The credit they add up to, exactly, as `numerator/denominator` (fractions under the "
        "linear model).",
        examples=["3/2"],
    )


class ShareStatsOut(BaseModel):
    clicks: int = Field(description="Counted clicks: bots, HEAD, prefetches and your own clicks never count.")
    unique_clicks: int = Field(description="Counted clicks of visitors not seen on this link in the previous 24 h.")
    conversions: list[ConversionTallyOut]
    engagement: EngagementOut | None = Field(description="The latest observed engagement, if any was reported.")


class ShareOut(BaseModel):
    id: UUID
    status: ShareStatus
    network: Network
    content_id: UUID
    campaign_id: UUID | None = Field(description="The campaign running when the share was created, if any.")
    ambassador_id: UUID
    language: str = Field(description="The language of the content the caption was taken from.")
    caption: str
    tracked_url: str = Field(description="The link to post; every click on it is counted, then redirected.")
    share_url: str | None = Field(
        description="Opens the network's composer with the link (and the caption on X and WhatsApp) filled in; "
        "null where the network has none (Instagram, TikTok): paste `copy_text` there."
    )
    copy_text: str = Field(description="The caption followed by the tracked link, ready to paste.")
    post_url: str | None
    created_at: datetime
    posted_at: datetime | None
    cancelled_at: datetime | None
    version: int
    allowed_actions: list[str]
    stats: ShareStatsOut | None = Field(description="Omitted (null) in the answer to a new share or a transition.")
