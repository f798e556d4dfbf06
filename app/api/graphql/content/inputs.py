"""GraphQL inputs of contents, converted to the same values REST gives the use cases (campaigns:
``campaign_inputs.py``, on the same converter).

The domain bounds every value itself, so both APIs accept exactly the same data; what only an
input can get wrong (a network captioned twice, a time without its zone) is checked here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import strawberry

from app.api.graphql.changes import refused_nulls, sent_fields
from app.api.graphql.content.enums import ContentFormat, MediaKind, Objective
from app.api.graphql.roster.enums import Network
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
    expires_at: datetime | None = strawberry.field(default=None, description="When it leaves the feed.")
    targeting: TargetingInput | None = strawberry.field(default=None, description="Who it is for; everyone if omitted.")


@strawberry.input(
    description="Only the fields sent change; send null to clear objective, linkUrl, publishAt or expiresAt."
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
    expires_at: strawberry.Maybe[datetime | None] = strawberry.field(
        description="When it leaves the feed; null: never."
    )
    targeting: strawberry.Maybe[TargetingInput | None] = strawberry.field(description="Who it is for.")


class InputConverter:
    """Converts sent values to the domain's, collecting every problem so one answer lists them all;
    ``nullable`` are the fields a client may clear with null."""

    nullable = frozenset({"objective", "link_url", "publish_at", "expires_at"})

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
            case "publish_at" | "expires_at" | "starts_at" | "ends_at":
                return self.moment(value, (name,))
        return value

    def done(self, values: dict[str, Any], detail: str) -> dict[str, Any]:
        if self.errors:
            raise ValidationFailed(detail, self.errors)
        return values


def content_values(data: ContentInput) -> tuple[dict[str, Any], str | None]:
    """The domain values of a new content, and its default language if given."""
    converter = InputConverter()
    sent = {
        name: value
        for name, value in vars(data).items()
        if name != "language" and not (value is None and (name in SHORTHAND or name in ("locales", "targeting")))
    }
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The content is not valid."), data.language


def content_changes(data: ContentChangesInput) -> dict[str, Any]:
    converter = InputConverter()
    sent = sent_fields(data)
    converter.errors += refused_nulls(sent, converter.nullable)
    values = {name: converter.value(name, value) for name, value in sent.items()}
    return converter.done(values, "The changes are not valid.")
