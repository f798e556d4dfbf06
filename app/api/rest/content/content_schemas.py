"""REST bodies of contents: what clients send and read. Mapped to the domain explicitly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator

from app.api.rest.bodies import RequestBody, refuse_null
from app.api.rest.instants import Instant
from app.api.rest.roster.schemas import LanguageTag, Topic
from app.api.rest.texts import HTTPS_URL, MULTI_LINE, SINGLE_LINE
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


class TargetingBody(RequestBody):
    """Who it is for; an empty list lets everyone in. Languages are BCP 47 ranges: `fr` reaches `fr-CA`."""

    departments: Annotated[list[TargetName], Field(max_length=MAX_TARGETS)] = Field(default_factory=list)
    locations: Annotated[list[TargetName], Field(max_length=MAX_TARGETS)] = Field(default_factory=list)
    languages: Annotated[list[LanguageTag], Field(max_length=MAX_TARGETS)] = Field(default_factory=list)


class LocaleBody(RequestBody):
    language: LanguageTag
    title: Title
    body: Body
    captions: Captions = Field(default_factory=dict)


class MediaBody(RequestBody):
    url: Url = Field(description="An https address.")
    kind: MediaKind
    alt_text: Annotated[Annotated[str, SINGLE_LINE] | None, Field(max_length=MAX_ALT_TEXT)] = Field(
        default=None, description="What the image shows, for screen readers."
    )


class ContentFieldsBody(RequestBody):
    language: LanguageTag | None = Field(
        default=None, description="The default language; the programme's when omitted. It must be among the locales."
    )
    title: Title | None = Field(default=None, description="The default language's title.")
    body: Body | None = Field(default=None, description="The default language's body (Markdown).")
    captions: Captions | None = Field(default=None, description="The default language's suggested captions.")
    locales: Annotated[list[LocaleBody] | None, Field(max_length=MAX_LOCALES)] = Field(
        default=None,
        description="Every language's version. `title`, `body` and `captions`, when sent, fill in the "
        "default language's one.",
    )
    format: ContentFormat | None = None
    objective: Objective | None = None
    topics: Annotated[list[Topic] | None, Field(max_length=MAX_TOPICS)] = None
    link_url: Url | None = Field(
        default=None, description="Where shares lead: https, on one of the programme's allowed link domains."
    )
    media: Annotated[list[MediaBody] | None, Field(max_length=MAX_MEDIA)] = None
    shareable: StrictBool | None = Field(default=None, description="False for internal news to read, not to share.")
    pinned: StrictBool | None = None
    important: StrictBool | None = None
    publish_at: Instant | None = Field(default=None, description="When it goes live once approved.")
    expire_at: Instant | None = Field(default=None, description="When it leaves the feed.")
    targeting: TargetingBody | None = None

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
            "anyOf": [
                {"required": ["title", "body"]},
                {"required": ["locales"], "properties": {"locales": {"minItems": 1}}},
            ]
        }
    )

    format: ContentFormat = ContentFormat.OTHER


class ContentUpdate(ContentFieldsBody):
    """Only the fields sent change; send null to clear objective, link_url, publish_at or expire_at."""


class ApprovalBody(RequestBody):
    override_cadence: StrictBool = Field(
        default=False, description="Approve beyond the weekly content budget (admins only); the history keeps it."
    )


class RejectionBody(RequestBody):
    reason: Annotated[str, Field(min_length=1, max_length=2000), MULTI_LINE] = Field(
        description="Why; the history keeps it."
    )


class LocaleOut(BaseModel):
    language: str
    title: str
    body: str
    captions: dict[Network, str]


class MediaOut(BaseModel):
    url: str
    kind: MediaKind
    alt_text: str | None


class TargetingOut(BaseModel):
    departments: list[str]
    locations: list[str]
    languages: list[str]


class ContentOut(BaseModel):
    id: UUID
    status: PublicStatus = Field(
        description="`published` and `expired` are read from publish_at and expire_at of approved content."
    )
    allowed_actions: list[Literal["submit", "approve", "reject", "archive"]] = Field(
        description="The transitions its status allows now."
    )
    language: str
    title: str
    body: str
    captions: dict[Network, str]
    locales: list[LocaleOut] = Field(description="Every language's version, the default language's first.")
    format: ContentFormat
    objective: Objective | None
    topics: list[str]
    link_url: str | None
    media: list[MediaOut]
    shareable: bool
    pinned: bool
    important: bool
    publish_at: datetime | None
    expire_at: datetime | None
    live_from: datetime | None = Field(description="When approved content entered (or enters) the feed.")
    targeting: TargetingOut
    proposed: bool = Field(description="Proposed by an ambassador.")
    created_by: str
    last_edited_by: str
    approved_at: datetime | None
    approved_by: str | None
    created_at: datetime
    updated_at: datetime


class ContentTransitionOut(BaseModel):
    version: int = Field(description="The content version this transition produced.")
    at: datetime
    actor: str = Field(description="The `sub` of whoever made it.")
    action: ContentAction
    from_status: ContentStatus | None
    to_status: ContentStatus
    reason: str | None
    override_cadence: bool
