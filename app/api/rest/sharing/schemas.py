"""REST bodies of shares: what ambassadors send and what everyone reads. Mapped explicitly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.rest import examples as ex
from app.api.rest.bodies import HTTPS_URL, JSON_INTEGER, RequestBody
from app.api.rest.instants import Instant
from app.api.rest.texts import MULTI_LINE_NOT_BLANK
from app.domain.attribution.conversions import ConversionType
from app.domain.links import MAX_URL_LENGTH
from app.domain.networks import CAPTION_LIMITS, Network
from app.domain.sharing.engagement import MAX_COUNT, SELF_REPORTED_FLOOR, SELF_REPORTED_REACH, EngagementSource
from app.domain.sharing.shares import ShareStatus

Count = Annotated[int, Field(ge=0, le=MAX_COUNT), JSON_INTEGER]
_ENGAGEMENT: dict[str, Any] = {
    "id": ex.ENGAGEMENT_ID,
    "observed_at": "2025-03-12T09:00:00Z",
    "impressions": 4210,
    "reactions": 87,
    "comments": 9,
    "reshares": 4,
    "recorded_at": "2025-03-12T09:00:02.311000Z",
    "source": "integration",
}
_SHARE: dict[str, Any] = {
    "id": ex.SHARE_ID,
    "status": "posted",
    "network": "linkedin",
    "content_id": ex.CONTENT_ID,
    "campaign_id": ex.CAMPAIGN_ID,
    "ambassador_id": ex.AMBASSADOR_ID,
    "language": "fr",
    "caption": "We are hiring backend engineers in Lyon! #employee",
    "tracked_url": ex.TRACKED_URL,
    "share_url": "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fgo.acme.example%2Fr%2Fk3Jx9QpA",
    "copy_text": f"We are hiring backend engineers in Lyon! #employee {ex.TRACKED_URL}",
    "post_url": "https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456/",
    "created_at": ex.SHARED,
    "posted_at": ex.POSTED,
    "cancelled_at": None,
    "potential_reach": 1200,
    "version": 2,
    "allowed_actions": [],
    "stats": {
        "clicks": 132,
        "unique_clicks": 118,
        "conversions": [{"type": "job_application", "count": 2, "credit": "3/2"}],
        "engagement": _ENGAGEMENT,
    },
}


class ShareCreate(RequestBody):
    """A content to share on a network."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"content_id": ex.CONTENT_ID, "network": "linkedin"}]})

    content_id: UUID = Field(description="The published content to share (from your feed).")
    network: Network = Field(description="Where you post it: a network the programme enables and you connected.")
    caption: Annotated[
        Annotated[str, MULTI_LINE_NOT_BLANK] | None, Field(min_length=1, max_length=max(CAPTION_LIMITS.values()))
    ] = Field(
        default=None,
        description="Your own words; without it, the content's suggested caption for the network in your "
        "language. The tracked link is added after it (a caption naming the content's link gets the tracked "
        "link in its place), and the whole text must pass the programme's rules.",
    )


class ShareConfirm(RequestBody):
    """Where the share was posted, if known."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"post_url": _SHARE["post_url"]}]})

    post_url: Annotated[str | None, Field(min_length=1, max_length=MAX_URL_LENGTH), HTTPS_URL] = Field(
        default=None,
        description="The https address of your post, if you have it, on the network shared on: linkedin.com "
        "(or lnkd.in) for LinkedIn, x.com or twitter.com for X, facebook.com, instagram.com, xing.com, tiktok.com, "
        "whatsapp.com, or a subdomain of one.",
        examples=["https://www.linkedin.com/feed/update/urn:li:activity:7301234567890123456/"],
    )


class EngagementCreate(RequestBody):
    """Counts the network shows for a posted share. Reactions, comments and reshares are each at
    most the impressions; an ambassador's own report is bounded by their audience."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "observed_at": "2025-03-12T09:00:00Z",
                    "impressions": 4210,
                    "reactions": 87,
                    "comments": 9,
                    "reshares": 4,
                }
            ]
        }
    )

    observed_at: Instant = Field(description="When the network showed these counts (not in the future).")
    impressions: Count = Field(
        description="How many times the post was shown. An integration may send 0 when its network gives none; "
        f"an ambassador reports at most {SELF_REPORTED_REACH} times their audience on the network "
        f"({SELF_REPORTED_FLOOR:,} at least)."
    )
    reactions: Count = Field(description="Likes and other reactions; at most the impressions.")
    comments: Count = Field(description="Comments on the post; at most the impressions.")
    reshares: Count = Field(description="Times the post was reshared; at most the impressions.")


class EngagementOut(BaseModel):
    """A snapshot of a share's engagement, as observed on the network."""

    id: UUID = Field(description="The snapshot's id.")
    observed_at: datetime = Field(description="When the network showed these counts.")
    impressions: int = Field(description="How many times the post was shown.")
    reactions: int = Field(description="Likes and other reactions.")
    comments: int = Field(description="Comments on the post.")
    reshares: int = Field(description="Times the post was reshared.")
    recorded_at: datetime = Field(description="When it was reported to Relais.")
    source: EngagementSource = Field(
        description="Who reported it: `integration` (an integrator, from the network's own figures) or "
        "`self_reported` (the share's ambassador)."
    )


class EngagementRecordedOut(BaseModel):
    """The snapshot recorded, and the share's engagement now."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"snapshot": _ENGAGEMENT, "latest": _ENGAGEMENT}]})

    snapshot: EngagementOut = Field(description="What was just recorded.")
    latest: EngagementOut = Field(
        description="The share's current engagement: the integration's snapshot observed last, or while it "
        "reported none the ambassador's observed last; this snapshot unless another one wins."
    )


class ConversionTallyOut(BaseModel):
    """The conversions of one type credited to a share."""

    type: ConversionType = Field(description="Their type.")
    count: int = Field(description="Conversions of this type credited to the share.")
    credit: str = Field(
        description="The credit they add up to, exactly, as `numerator/denominator` (fractions under the "
        "linear model).",
        examples=["3/2"],
    )


class ShareStatsOut(BaseModel):
    """What a share earned."""

    clicks: int = Field(description="Counted clicks: bots, HEAD, prefetches and your own clicks never count.")
    unique_clicks: int = Field(description="Counted clicks of visitors not seen on this link in the previous 24 h.")
    conversions: list[ConversionTallyOut] = Field(description="Conversions credited to it, by type.")
    engagement: EngagementOut | None = Field(
        description="The current engagement, if any was reported: the integration's snapshot observed last, "
        "else the ambassador's own observed last."
    )


class ShareOut(BaseModel):
    """A share: an ambassador's post of a content on a network, through its tracked link."""

    model_config = ConfigDict(json_schema_extra={"examples": [_SHARE]})

    id: UUID = Field(description="The share's id.")
    status: ShareStatus = Field(description="An intent until confirmed posted, or cancelled.")
    network: Network = Field(description="The network it is posted on.")
    content_id: UUID = Field(description="The content shared.")
    campaign_id: UUID | None = Field(description="The campaign running when the share was created, if any.")
    ambassador_id: UUID = Field(description="The ambassador sharing it.")
    language: str = Field(description="The language of the content the caption was taken from.")
    caption: str = Field(description="The text posted before the tracked link.")
    tracked_url: str = Field(description="The link to post; every click on it is counted, then redirected.")
    share_url: str | None = Field(
        description="Opens the network's composer with the link (and the caption on X and WhatsApp) filled in; "
        "null where the network has none (Instagram, TikTok): paste `copy_text` there."
    )
    copy_text: str = Field(description="The caption followed by the tracked link, ready to paste.")
    post_url: str | None = Field(description="The address of the post, once confirmed with it.")
    created_at: datetime = Field(description="When the share was started.")
    posted_at: datetime | None = Field(description="When it was confirmed posted.")
    cancelled_at: datetime | None = Field(description="When it was cancelled.")
    potential_reach: int | None = Field(
        description="The ambassador's audience on the network when they confirmed it (their largest account's "
        "there): the most people it may reach. Null until posted."
    )
    version: int = Field(description="Bumped on every change; the ETag carries it.")
    allowed_actions: list[str] = Field(description="The actions its status allows now (`confirm`, `cancel`).")
    stats: ShareStatsOut | None = Field(description="Omitted (null) in the answer to a new share or a transition.")
