"""REST bodies of contents: what clients send and read. Mapped to the domain explicitly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from app.api.rest import examples as ex
from app.api.rest.bodies import HTTPS_URL, Omittable, RequestBody, refuse_null
from app.api.rest.instants import Instant
from app.api.rest.roster.schemas import LanguageTag, Topic
from app.api.rest.texts import MULTI_LINE, SINGLE_LINE
from app.domain.content.content_fields import MAX_TOPICS, ContentFormat, Objective
from app.domain.content.locales import MAX_ALT_TEXT, MAX_BODY, MAX_LOCALES, MAX_MEDIA, MAX_TITLE, MediaKind
from app.domain.content.review_status import ContentAction, ContentStatus, PublicStatus
from app.domain.content.targeting import MAX_TARGET_LENGTH, MAX_TARGETS
from app.domain.links import MAX_URL_LENGTH
from app.domain.networks import CAPTION_LIMITS, Network

Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE), SINGLE_LINE]
Body = Annotated[str, Field(min_length=1, max_length=MAX_BODY, description="Markdown."), MULTI_LINE]
Caption = Annotated[str, Field(min_length=1, max_length=max(CAPTION_LIMITS.values())), MULTI_LINE]
Captions = Annotated[
    dict[Network, Caption],
    Field(
        description="A suggested caption per network, within each network's length limit "
        "(X counts any link as 23 characters).",
        examples=[{"linkedin": "We are hiring in Lyon! #employee", "x": "Join us https://acme.example/jobs"}],
    ),
]
Url = Annotated[
    str, Field(min_length=1, max_length=MAX_URL_LENGTH, examples=["https://acme.example/news/42"]), HTTPS_URL
]
TargetName = Annotated[str, Field(min_length=1, max_length=MAX_TARGET_LENGTH), SINGLE_LINE]


_CAPTIONS = {"linkedin": "We are hiring backend engineers in Lyon! #employee", "x": "Join us in Lyon #employee"}
_TARGETING: dict[str, Any] = {"departments": ["Engineering"], "locations": ["Lyon"], "languages": ["fr"]}
_CONTENT_SENT: dict[str, Any] = {
    "language": "fr",
    "title": "Nous recrutons à Lyon",
    "body": "Notre équipe backend grandit : **trois postes** ouverts à Lyon.",
    "captions": _CAPTIONS,
    "format": "job_offer",
    "objective": "recruiting",
    "topics": ["hiring", "engineering"],
    "link_url": ex.LINK,
    "publish_at": ex.PUBLISHED,
    "targeting": _TARGETING,
}
_CONTENT: dict[str, Any] = {
    "id": ex.CONTENT_ID,
    "status": "published",
    "allowed_actions": ["archive"],
    "language": "fr",
    "title": "Nous recrutons à Lyon",
    "body": "Notre équipe backend grandit : **trois postes** ouverts à Lyon.",
    "captions": _CAPTIONS,
    "locales": [
        {
            "language": "fr",
            "title": "Nous recrutons à Lyon",
            "body": "Notre équipe backend grandit : **trois postes** ouverts à Lyon.",
            "captions": _CAPTIONS,
        }
    ],
    "format": "job_offer",
    "objective": "recruiting",
    "topics": ["hiring", "engineering"],
    "link_url": ex.LINK,
    "media": [{"url": "https://cdn.acme.example/lyon-office.jpg", "kind": "image", "alt_text": "The Lyon office"}],
    "shareable": True,
    "pinned": False,
    "important": True,
    "publish_at": ex.PUBLISHED,
    "expires_at": None,
    "published_at": ex.PUBLISHED,
    "targeting": _TARGETING,
    "proposed": False,
    "created_by": "auth0|grace",
    "last_edited_by": "auth0|grace",
    "approved_at": ex.UPDATED,
    "approved_by": "auth0|margaret",
    "recalled_at": None,
    "recalled_by": None,
    "recall_reason": None,
    "created_at": ex.CREATED,
    "updated_at": ex.UPDATED,
}


class TargetingBody(RequestBody):
    """Who it is for; an empty list lets everyone in. Languages are BCP 47 ranges: `fr` reaches `fr-CA`."""

    model_config = ConfigDict(json_schema_extra={"examples": [_TARGETING]})

    departments: Annotated[list[TargetName], Field(max_length=MAX_TARGETS)] = Field(
        default_factory=list, description="The departments it is for; empty for every department."
    )
    locations: Annotated[list[TargetName], Field(max_length=MAX_TARGETS)] = Field(
        default_factory=list, description="The locations it is for; empty for every location."
    )
    languages: Annotated[list[LanguageTag], Field(max_length=MAX_TARGETS)] = Field(
        default_factory=list, description="The roster languages it is for (BCP 47 ranges); empty for all."
    )


class LocaleBody(RequestBody):
    """A content's version in one language."""

    language: LanguageTag = Field(description="Its language (BCP 47).")
    title: Title = Field(description="Its title in that language.")
    body: Body = Field(description="Its body in that language (Markdown).")
    captions: Captions = Field(default_factory=dict)


class MediaBody(RequestBody):
    """An image, video or document shown with the content."""

    url: Url = Field(description="An https address.")
    kind: MediaKind = Field(description="What it is.")
    alt_text: Annotated[Annotated[str, SINGLE_LINE] | None, Field(max_length=MAX_ALT_TEXT)] = Field(
        default=None, description="What the image shows, for screen readers."
    )


class ContentFieldsBody(RequestBody):
    language: Omittable[LanguageTag] = Field(
        default=None, description="The default language; the programme's when omitted. It must be among the locales."
    )
    title: Omittable[Title] = Field(default=None, description="The default language's title.")
    body: Omittable[Body] = Field(default=None, description="The default language's body (Markdown).")
    captions: Omittable[Captions] = Field(default=None, description="The default language's suggested captions.")
    locales: Omittable[Annotated[list[LocaleBody], Field(max_length=MAX_LOCALES)]] = Field(
        default=None,
        description="Every language's version. `title`, `body` and `captions`, when sent, fill in the "
        "default language's one.",
    )
    format: Omittable[ContentFormat] = Field(default=None, description="Its kind: article, video, job offer...")
    objective: Objective | None = Field(default=None, description="What it is for; null for none.")
    topics: Omittable[Annotated[list[Topic], Field(max_length=MAX_TOPICS)]] = Field(
        default=None, description="What it is about; ambassadors' topic preferences match them."
    )
    link_url: Url | None = Field(
        default=None, description="Where shares lead: https, on one of the programme's allowed link domains."
    )
    media: Omittable[Annotated[list[MediaBody], Field(max_length=MAX_MEDIA)]] = Field(
        default=None, description="Images, videos or documents shown with it."
    )
    shareable: Omittable[StrictBool] = Field(default=None, description="False for internal news to read, not to share.")
    pinned: Omittable[StrictBool] = Field(default=None, description="Pinned content comes first in the feed.")
    important: Omittable[StrictBool] = Field(default=None, description="Important content comes next in the feed.")
    publish_at: Instant | None = Field(default=None, description="When it goes live once approved.")
    expires_at: Instant | None = Field(default=None, description="When it leaves the feed.")
    targeting: Omittable[TargetingBody] = Field(default=None, description="Who it is for.")

    _not_null = field_validator(
        "language",
        "title",
        "body",
        "captions",
        "locales",
        "format",
        "topics",
        "media",
        "shareable",
        "pinned",
        "important",
        "targeting",
    )(refuse_null)


class ContentCreate(ContentFieldsBody):
    """Give the default language's text as `title` and `body`, or as one of `locales`."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [_CONTENT_SENT],
            "anyOf": [
                {"required": ["title", "body"]},
                {"required": ["locales"], "properties": {"locales": {"minItems": 1}}},
            ],
        }
    )

    format: ContentFormat = Field(default=ContentFormat.OTHER, description="Its kind: article, video, job offer...")


class ContentUpdate(ContentFieldsBody):
    """Only the fields sent change; send null to clear objective, link_url, publish_at or expires_at."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"pinned": True, "expires_at": "2025-04-30T22:00:00Z"}]})


class ApprovalBody(RequestBody):
    """How to approve."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"override_cadence": False}]})

    override_cadence: StrictBool = Field(
        default=False, description="Approve beyond the weekly content budget (admins only); the history keeps it."
    )


class RejectionBody(RequestBody):
    """Why a content is rejected."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"reason": "Add the salary range before sharing."}]})

    reason: Annotated[str, Field(min_length=1, max_length=2000), MULTI_LINE] = Field(
        description="Why; the history keeps it."
    )


class LocaleOut(BaseModel):
    """A content's version in one language."""

    language: str = Field(description="Its language (BCP 47).")
    title: str = Field(description="Its title in that language.")
    body: str = Field(description="Its body in that language (Markdown).")
    captions: dict[Network, str] = Field(description="Its suggested caption per network.")


class MediaOut(BaseModel):
    """An image, video or document shown with the content."""

    url: str = Field(description="Its https address.")
    kind: MediaKind = Field(description="What it is.")
    alt_text: str | None = Field(description="What it shows, for screen readers.")


class TargetingOut(BaseModel):
    """Who a content or campaign is for; an empty list lets everyone in."""

    departments: list[str] = Field(description="The departments it is for; empty for every department.")
    locations: list[str] = Field(description="The locations it is for; empty for every location.")
    languages: list[str] = Field(description="The roster languages it is for (BCP 47 ranges); empty for all.")


class ContentOut(BaseModel):
    """A content: what ambassadors may share, in each of its languages, with its review status."""

    model_config = ConfigDict(json_schema_extra={"examples": [_CONTENT]})

    id: UUID = Field(description="The content's id.")
    status: PublicStatus = Field(
        description="`published` and `expired` are read from publish_at and expires_at of approved content."
    )
    allowed_actions: list[Literal["submit", "approve", "reject", "archive", "recall"]] = Field(
        description="The transitions its status allows now."
    )
    language: str = Field(description="Its default language (BCP 47).")
    title: str = Field(description="The default language's title.")
    body: str = Field(description="The default language's body (Markdown).")
    captions: dict[Network, str] = Field(description="The default language's suggested caption per network.")
    locales: list[LocaleOut] = Field(description="Every language's version, the default language's first.")
    format: ContentFormat = Field(description="Its kind: article, video, job offer, event...")
    objective: Objective | None = Field(description="What it is for, if said.")
    topics: list[str] = Field(description="What it is about.")
    link_url: str | None = Field(description="Where shares lead; null for content to read only.")
    media: list[MediaOut] = Field(description="Images, videos or documents shown with it.")
    shareable: bool = Field(description="False for internal news to read, not to share.")
    pinned: bool = Field(description="Pinned content comes first in the feed.")
    important: bool = Field(description="Important content comes next in the feed.")
    publish_at: datetime | None = Field(description="When it goes live once approved; at approval when null.")
    expires_at: datetime | None = Field(description="When it leaves the feed; never when null.")
    published_at: datetime | None = Field(
        description="When approved content entered (or enters) the feed: publish_at, or its approval if later."
    )
    targeting: TargetingOut = Field(description="Who it is for.")
    proposed: bool = Field(description="Proposed by an ambassador.")
    created_by: str = Field(description="The `sub` of its author.")
    last_edited_by: str = Field(description="The `sub` of whoever changed it last.")
    approved_at: datetime | None = Field(description="When it was approved, if it was.")
    approved_by: str | None = Field(description="The `sub` of whoever approved it, if anyone did.")
    recalled_at: datetime | None = Field(description="When it was recalled, if it was.")
    recalled_by: str | None = Field(description="The `sub` of whoever recalled it, if anyone did.")
    recall_reason: str | None = Field(description="Why it was recalled, if it was.")
    created_at: datetime = Field(description="When it was written.")
    updated_at: datetime = Field(description="When it last changed.")


class ContentTransitionOut(BaseModel):
    """One step of a content's review."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "version": 4,
                    "occurred_at": ex.UPDATED,
                    "actor": "auth0|margaret",
                    "action": "approve",
                    "from_status": "in_review",
                    "to_status": "approved",
                    "reason": None,
                    "override_cadence": False,
                }
            ]
        }
    )

    version: int = Field(description="The content version this transition produced.")
    occurred_at: datetime = Field(description="When it happened.")
    actor: str = Field(description="The `sub` of whoever made it.")
    action: ContentAction = Field(description="What was done.")
    from_status: ContentStatus | None = Field(description="The status before; null when the content was created.")
    to_status: ContentStatus = Field(description="The status after.")
    reason: str | None = Field(description="Why, for a rejection.")
    override_cadence: bool = Field(description="Whether an admin approved it beyond the weekly content budget.")
