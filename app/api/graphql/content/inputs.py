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

from app.api.graphql.changes import refused_nulls, sent_fields
from app.api.graphql.content.enums import ContentFormat, MediaKind, Objective
from app.api.graphql.roster.enums import Network
from app.domain.content.campaigns import Goals
from app.domain.content.content_fields import SHORTHAND
from app.domain.content.locales import ContentLocale, Media
from app.domain.content.targeting import Targeting
from app.domain.errors import FieldError, ValidationFailed

Loc = tuple[str | int, ...]


@strawberry.input(description="A suggested caption for one network.")
class CaptionInput:
    network: Network = strawberry.field(description="The network it is written for.")
    text: str = strawberry.field(description="The caption; the tracked link is added after it when shared.")


@strawberry.input(description="One language's version of a content.")
class LocaleInput:
    language: str = strawberry.field(description="BCP 47 tag.")
    title: str = strawberry.field(description="The title in this language.")
    body: str = strawberry.field(description="Markdown.")
    captions: list[CaptionInput] = strawberry.field(default_factory=list, description="At most one per network.")


@strawberry.input(description="An image, video or document that goes with a content.")
class MediaInput:
    url: str = strawberry.field(description="An https address.")
    kind: MediaKind = strawberry.field(description="What it is.")
    alt_text: str | None = strawberry.field(default=None, description="Its text alternative, for screen readers.")


@strawberry.input(description="Who it is for; an empty list lets everyone in.")
class TargetingInput:
    departments: list[str] = strawberry.field(
        default_factory=list, description="Departments, as the roster names them."
    )
    locations: list[str] = strawberry.field(default_factory=list, description="Locations, as the roster names them.")
    languages: list[str] = strawberry.field(default_factory=list, description="BCP 47 ranges: `fr` reaches `fr-CA`.")


@strawberry.input(
    description="A new content. Give the default language's text as `title` and `body`, or as one of `locales`."
)
class ContentInput:
    language: str | None = strawberry.field(default=None, description="The programme's default language if omitted.")
    title: str | None = strawberry.field(default=None, description="The title in the default language.")
    body: str | None = strawberry.field(default=None, description="Markdown.")
    captions: list[CaptionInput] | None = strawberry.field(
        default=None, description="The default language's suggested captions, one per network."
    )
    locales: list[LocaleInput] | None = strawberry.field(default=None, description="Every language's version.")
    format: ContentFormat = strawberry.field(default=ContentFormat.OTHER, description="What kind of content it is.")
    objective: Objective | None = strawberry.field(default=None, description="What it is for.")
    topics: list[str] = strawberry.field(default_factory=list, description="Its topics, at most 20.")
    link_url: str | None = strawberry.field(default=None, description="https, on an allowed link domain.")
    media: list[MediaInput] = strawberry.field(default_factory=list, description="What goes with it.")
    shareable: bool = strawberry.field(default=True, description="False for read-only internal news.")
    pinned: bool = strawberry.field(default=False, description="Show it first in the feed.")
    important: bool = strawberry.field(default=False, description="Show it after pinned contents, before others.")
    publish_at: datetime | None = strawberry.field(
        default=None, description="When it enters the feed once approved; at once if omitted."
    )
    expire_at: datetime | None = strawberry.field(default=None, description="When it leaves the feed.")
    targeting: TargetingInput | None = strawberry.field(default=None, description="Who it is for; everyone if omitted.")


@strawberry.input(
    description="Only the fields sent change; send null to clear objective, linkUrl, publishAt or expireAt."
)
class ContentChangesInput:
    language: strawberry.Maybe[str | None] = strawberry.field(description="The default language.")
    title: strawberry.Maybe[str | None] = strawberry.field(description="The title in the default language.")
    body: strawberry.Maybe[str | None] = strawberry.field(description="Markdown, in the default language.")
    captions: strawberry.Maybe[list[CaptionInput] | None] = strawberry.field(
        description="The default language's suggested captions."
    )
    locales: strawberry.Maybe[list[LocaleInput] | None] = strawberry.field(description="Every language's version.")
    format: strawberry.Maybe[ContentFormat | None] = strawberry.field(description="What kind of content it is.")
    objective: strawberry.Maybe[Objective | None] = strawberry.field(description="What it is for; null clears it.")
    topics: strawberry.Maybe[list[str] | None] = strawberry.field(description="Its topics.")
    link_url: strawberry.Maybe[str | None] = strawberry.field(description="The page it points to; null removes it.")
    media: strawberry.Maybe[list[MediaInput] | None] = strawberry.field(description="What goes with it.")
    shareable: strawberry.Maybe[bool | None] = strawberry.field(description="False for read-only internal news.")
    pinned: strawberry.Maybe[bool | None] = strawberry.field(description="Show it first in the feed.")
    important: strawberry.Maybe[bool | None] = strawberry.field(description="Show it after pinned contents.")
    publish_at: strawberry.Maybe[datetime | None] = strawberry.field(
        description="When it enters the feed; null: as soon as approved."
    )
    expire_at: strawberry.Maybe[datetime | None] = strawberry.field(description="When it leaves the feed; null: never.")
    targeting: strawberry.Maybe[TargetingInput | None] = strawberry.field(description="Who it is for.")


NULLABLE = frozenset({"objective", "link_url", "publish_at", "expire_at", "description", "starts_at", "ends_at"})


class _Converter:
    """Converts sent values to the domain's, collecting every problem so one answer lists them all."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def captions(self, items: Sequence[CaptionInput], loc: Loc) -> dict[Network, str]:
        captions: dict[Network, str] = {}
        for index, item in enumerate(items):
            network = item.network
            if network in captions:
                self.errors.append(FieldError((*loc, index, "network"), "Give one caption per network."))
            captions[network] = item.text
        return captions

    def moment(self, value: datetime | None, loc: Loc) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            self.errors.append(FieldError(loc, "Give the time zone, as in 2030-01-31T09:00:00Z."))
        return value

    def value(self, name: str, value: Any) -> Any:
        if value is None:  # a refused null is already listed
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
                return tuple(Media(url=m.url, kind=m.kind, alt_text=m.alt_text) for m in value)
            case "targeting":
                return Targeting(
                    departments=tuple(value.departments),
                    locations=tuple(value.locations),
                    languages=tuple(value.languages),
                )
            case "topics":
                return tuple(value)
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


def content_changes(data: ContentChangesInput) -> dict[str, Any]:
    converter = _Converter()
    sent = sent_fields(data)
    converter.errors += refused_nulls(sent, NULLABLE)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")


@strawberry.input(description="A target for one conversion type (lead, job_application, ...).")
class ConversionGoalInput:
    type: str = strawberry.field(description="The conversion type, as reported (`lead`, `job_application`, ...).")
    target: int = strawberry.field(description="How many to reach.")


@strawberry.input(description="What a campaign aims for; leave a target out to set none.")
class GoalsInput:
    shares: int | None = strawberry.field(default=None, description="Shares to reach.")
    clicks: int | None = strawberry.field(default=None, description="Clicks to reach.")
    conversions: list[ConversionGoalInput] = strawberry.field(
        default_factory=list, description="Conversions to reach, one target per type."
    )


@strawberry.input(description="A new campaign, a draft until launched. Its slug is unique in the organisation.")
class CampaignInput:
    name: str = strawberry.field(description="Its name.")
    slug: str = strawberry.field(description="The `utm_campaign` of shared links; fixed at launch.")
    description: str | None = strawberry.field(default=None, description="What it is about.")
    objective: Objective | None = strawberry.field(default=None, description="What it is for.")
    starts_at: datetime | None = strawberry.field(default=None, description="Needed to launch.")
    ends_at: datetime | None = strawberry.field(default=None, description="When it ends; open-ended if omitted.")
    targeting: TargetingInput | None = strawberry.field(default=None, description="Who it is for; everyone if omitted.")
    goals: GoalsInput | None = strawberry.field(default=None, description="What it aims for.")
    points_multiplier: float = strawberry.field(default=1.0, description="At least 1, two decimals at most.")
    is_challenge: bool = strawberry.field(default=False, description="A challenge ambassadors compete in.")


@strawberry.input(description="Only the fields sent change; send null to clear description, objective or dates.")
class CampaignChangesInput:
    name: strawberry.Maybe[str | None] = strawberry.field(description="Its name.")
    slug: strawberry.Maybe[str | None] = strawberry.field(description="Its `utm_campaign`; fixed once launched.")
    description: strawberry.Maybe[str | None] = strawberry.field(description="What it is about; null clears it.")
    objective: strawberry.Maybe[Objective | None] = strawberry.field(description="What it is for; null clears it.")
    starts_at: strawberry.Maybe[datetime | None] = strawberry.field(description="When it starts; null clears it.")
    ends_at: strawberry.Maybe[datetime | None] = strawberry.field(description="When it ends; null: open-ended.")
    targeting: strawberry.Maybe[TargetingInput | None] = strawberry.field(description="Who it is for.")
    goals: strawberry.Maybe[GoalsInput | None] = strawberry.field(description="What it aims for.")
    points_multiplier: strawberry.Maybe[float | None] = strawberry.field(
        description="At least 1, two decimals at most."
    )
    is_challenge: strawberry.Maybe[bool | None] = strawberry.field(description="A challenge ambassadors compete in.")


def campaign_values(data: CampaignInput) -> dict[str, Any]:
    converter = _Converter()
    sent = {name: value for name, value in vars(data).items() if value is not None or name in NULLABLE}
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The campaign is not valid.")


def campaign_changes(data: CampaignChangesInput) -> dict[str, Any]:
    converter = _Converter()
    sent = sent_fields(data)
    converter.errors += refused_nulls(sent, NULLABLE)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")
