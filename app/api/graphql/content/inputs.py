"""GraphQL inputs of contents and campaigns, converted to the same values REST gives the use cases.

The domain bounds every value itself, so both APIs accept exactly the same data; what only an
input can get wrong (a network captioned twice, a time without its zone) is checked here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry

from app.api.graphql.changes import sent_changes
from app.api.graphql.content.enums import ContentFormat, MediaKind, Objective
from app.api.graphql.roster.enums import Network
from app.domain.content import content_fields
from app.domain.content import locales as content_locales
from app.domain.content.campaigns import Goals
from app.domain.content.content_fields import SHORTHAND
from app.domain.content.locales import ContentLocale, Media
from app.domain.content.targeting import Targeting
from app.domain.errors import FieldError, ValidationFailed
from app.domain.networks import Network as DomainNetwork

Loc = tuple[str | int, ...]


@strawberry.input(description="A suggested caption for one network.")
class CaptionInput:
    network: Network
    text: str


@strawberry.input(description="One language's version of a content.")
class LocaleInput:
    language: str = strawberry.field(description="BCP 47 tag.")
    title: str
    body: str = strawberry.field(description="Markdown.")
    captions: list[CaptionInput] = strawberry.field(default_factory=list, description="At most one per network.")


@strawberry.input
class MediaInput:
    url: str = strawberry.field(description="An https address.")
    kind: MediaKind
    alt_text: str | None = None


@strawberry.input(description="Who it is for; an empty list lets everyone in.")
class TargetingInput:
    departments: list[str] = strawberry.field(default_factory=list)
    locations: list[str] = strawberry.field(default_factory=list)
    languages: list[str] = strawberry.field(default_factory=list, description="BCP 47 ranges: `fr` reaches `fr-CA`.")


@strawberry.input(
    description="A new content. Give the default language's text as `title` and `body`, or as one of `locales`."
)
class ContentInput:
    language: str | None = strawberry.field(default=None, description="The programme's default language if omitted.")
    title: str | None = None
    body: str | None = strawberry.field(default=None, description="Markdown.")
    captions: list[CaptionInput] | None = None
    locales: list[LocaleInput] | None = strawberry.field(default=None, description="Every language's version.")
    format: ContentFormat = ContentFormat.OTHER
    objective: Objective | None = None
    topics: list[str] = strawberry.field(default_factory=list)
    link_url: str | None = strawberry.field(default=None, description="https, on an allowed link domain.")
    media: list[MediaInput] = strawberry.field(default_factory=list)
    shareable: bool = True
    pinned: bool = False
    important: bool = False
    publish_at: datetime | None = None
    expire_at: datetime | None = None
    targeting: TargetingInput | None = None


@strawberry.input(
    description="Only the fields sent change; send null to clear objective, linkUrl, publishAt or expireAt."
)
class ContentChangesInput:
    language: strawberry.Maybe[str | None]
    title: strawberry.Maybe[str | None]
    body: strawberry.Maybe[str | None]
    captions: strawberry.Maybe[list[CaptionInput] | None]
    locales: strawberry.Maybe[list[LocaleInput] | None]
    format: strawberry.Maybe[ContentFormat | None]
    objective: strawberry.Maybe[Objective | None]
    topics: strawberry.Maybe[list[str] | None]
    link_url: strawberry.Maybe[str | None]
    media: strawberry.Maybe[list[MediaInput] | None]
    shareable: strawberry.Maybe[bool | None]
    pinned: strawberry.Maybe[bool | None]
    important: strawberry.Maybe[bool | None]
    publish_at: strawberry.Maybe[datetime | None]
    expire_at: strawberry.Maybe[datetime | None]
    targeting: strawberry.Maybe[TargetingInput | None]


NULLABLE = frozenset({"objective", "link_url", "publish_at", "expire_at", "description", "starts_at", "ends_at"})


class _Converter:
    """Converts sent values to the domain's, collecting every problem so one answer lists them all."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def captions(self, items: Sequence[CaptionInput], loc: Loc) -> dict[DomainNetwork, str]:
        captions: dict[DomainNetwork, str] = {}
        for index, item in enumerate(items):
            network = DomainNetwork(item.network.value)
            if network in captions:
                self.errors.append(FieldError((*loc, index, "network"), "Give one caption per network."))
            captions[network] = item.text
        return captions

    def moment(self, value: datetime | None, loc: Loc) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            self.errors.append(FieldError(loc, "Give the time zone, as in 2030-01-31T09:00:00Z."))
        return value

    def value(self, name: str, value: Any) -> Any:
        if value is None:
            if name not in NULLABLE:
                self.errors.append(FieldError((name,), f"{name} cannot be null; omit it to keep its value."))
            return None
        match name:
            case "captions":
                return self.captions(value, ("captions",))
            case "locales":
                return tuple(
                    ContentLocale(
                        language=item.language,
                        title=item.title,
                        body=item.body,
                        captions=self.captions(item.captions, ("locales", index, "captions")),
                    )
                    for index, item in enumerate(value)
                )
            case "media":
                kinds = content_locales.MediaKind
                return tuple(Media(url=m.url, kind=kinds(m.kind.value), alt_text=m.alt_text) for m in value)
            case "targeting":
                return Targeting(
                    departments=tuple(value.departments),
                    locations=tuple(value.locations),
                    languages=tuple(value.languages),
                )
            case "topics":
                return tuple(value)
            case "format":
                return content_fields.ContentFormat(value.value)
            case "objective":
                return content_fields.Objective(value.value)
            case "publish_at" | "expire_at" | "starts_at" | "ends_at":
                return self.moment(value, (name,))
            case "goals":
                return self.goals(value)
            case "points_multiplier":
                return Decimal(str(value))
        return value

    def goals(self, value: GoalsInput) -> Goals:
        conversions: dict[str, int] = {}
        for index, goal in enumerate(value.conversions):
            if goal.type in conversions:
                self.errors.append(FieldError(("goals", "conversions", index, "type"), "Give one target per type."))
            conversions[goal.type] = goal.target
        return Goals(shares=value.shares, clicks=value.clicks, conversions=conversions)

    def done(self, values: dict[str, Any], detail: str) -> dict[str, Any]:
        if self.errors:
            raise ValidationFailed(detail, self.errors)
        return values


def content_values(data: ContentInput) -> tuple[dict[str, Any], str | None]:
    """The domain values of a new content, and its default language if given."""
    converter = _Converter()
    sent = {
        name: value
        for name, value in vars(data).items()
        if name != "language" and not (value is None and (name in SHORTHAND or name in ("locales", "targeting")))
    }
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The content is not valid."), data.language


# The fields a change may not clear, as REST's ContentUpdate refuses null for them.
CONTENT_KEPT = (
    *("language", "title", "body", "captions", "locales", "format", "topics", "media"),
    *("shareable", "pinned", "important", "targeting"),
)
CAMPAIGN_KEPT = ("name", "slug", "targeting", "goals", "points_multiplier", "is_challenge")


def content_changes(data: ContentChangesInput) -> dict[str, Any]:
    converter = _Converter()
    sent = sent_changes(data, not_clearable=CONTENT_KEPT)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")


@strawberry.input(description="A target for one conversion type (lead, job_application, ...).")
class ConversionGoalInput:
    type: str
    target: int


@strawberry.input
class GoalsInput:
    shares: int | None = None
    clicks: int | None = None
    conversions: list[ConversionGoalInput] = strawberry.field(default_factory=list)


@strawberry.input(description="A new campaign, a draft until launched. Its slug is unique in the organisation.")
class CampaignInput:
    name: str
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None = None
    objective: Objective | None = None
    starts_at: datetime | None = strawberry.field(default=None, description="Needed to launch.")
    ends_at: datetime | None = None
    targeting: TargetingInput | None = None
    goals: GoalsInput | None = None
    points_multiplier: float = strawberry.field(default=1.0, description="At least 1, two decimals at most.")
    is_challenge: bool = False


@strawberry.input(description="Only the fields sent change; send null to clear description, objective or dates.")
class CampaignChangesInput:
    name: strawberry.Maybe[str | None]
    slug: strawberry.Maybe[str | None]
    description: strawberry.Maybe[str | None]
    objective: strawberry.Maybe[Objective | None]
    starts_at: strawberry.Maybe[datetime | None]
    ends_at: strawberry.Maybe[datetime | None]
    targeting: strawberry.Maybe[TargetingInput | None]
    goals: strawberry.Maybe[GoalsInput | None]
    points_multiplier: strawberry.Maybe[float | None]
    is_challenge: strawberry.Maybe[bool | None]


def campaign_values(data: CampaignInput) -> dict[str, Any]:
    converter = _Converter()
    sent = {name: value for name, value in vars(data).items() if value is not None or name in NULLABLE}
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The campaign is not valid.")


def campaign_changes(data: CampaignChangesInput) -> dict[str, Any]:
    converter = _Converter()
    sent = sent_changes(data, not_clearable=CAMPAIGN_KEPT)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")
