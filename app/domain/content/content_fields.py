"""What a content's authors write, and the programme's rules it must follow."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from app.domain.content.locales import ContentLocale, Media, parse_locales, parse_media
from app.domain.content.targeting import Targeting
from app.domain.errors import FieldError, ValidationFailed
from app.domain.links import normalise_https_url
from app.domain.networks import Network
from app.domain.roster.ambassadors import TOPIC_PATTERN
from app.domain.values import normalise_language

MAX_TOPICS = 20


class ContentFormat(StrEnum):
    """What kind of content it is."""

    ARTICLE = "article"
    INFOGRAPHIC = "infographic"
    VIDEO = "video"
    TESTIMONIAL = "testimonial"
    INDUSTRY_NEWS = "industry_news"
    COMPANY_LIFE = "company_life"
    JOB_OFFER = "job_offer"
    EVENT = "event"
    OTHER = "other"


class Objective(StrEnum):
    """What the content or campaign is for."""

    AWARENESS = "awareness"
    LEADS = "leads"
    RECRUITING = "recruiting"
    ENGAGEMENT = "engagement"


class ContentRules(Protocol):
    """The programme settings a content is checked against (``ProgrammeSettings`` fits)."""

    def allows_network(self, network: Network) -> bool: ...
    def allows_link_host(self, host: str) -> bool: ...


# Text given in the default language without naming a locale (``title``, ``body``, ``captions``).
SHORTHAND = ("title", "body", "captions")


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentFields:
    """What authors write. ``locales`` holds every language's version, the default ``language``'s first."""

    language: str
    locales: tuple[ContentLocale, ...]
    format: ContentFormat
    objective: Objective | None = None
    topics: tuple[str, ...] = ()
    link_url: str | None = None
    media: tuple[Media, ...] = ()
    shareable: bool = True
    pinned: bool = False
    important: bool = False
    publish_at: datetime | None = None
    expires_at: datetime | None = None
    targeting: Targeting = field(default_factory=Targeting)

    @classmethod
    def compose(cls, changes: Mapping[str, Any], *, default_language: str) -> ContentFields:
        """New fields from ``changes``, which may give the default language's text as ``title``,
        ``body`` and ``captions`` instead of (or on top of) a locale."""
        blank = cls(language=default_language, locales=(), format=ContentFormat.OTHER)
        return blank.with_changes(changes)

    @property
    def default_locale(self) -> ContentLocale:
        found = self.locale(self.language)
        if found is None:
            raise ValueError(f"No locale for the default language {self.language}.")
        return found

    @property
    def title(self) -> str:
        return self.default_locale.title

    @property
    def body(self) -> str:
        return self.default_locale.body

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(locale.language for locale in self.locales)

    def locale(self, language: str) -> ContentLocale | None:
        return next((item for item in self.locales if item.language.lower() == language.lower()), None)

    def review_key(self) -> tuple[Any, ...]:
        """What reviewers approved to be shared, when and with whom (titles aside): a change to any of
        it sends approved content back to review (the cadence was checked against it too)."""
        texts = tuple((locale.language, locale.body, tuple(locale.captions.items())) for locale in self.locales)
        return (texts, self.link_url, self.media, self.shareable, self.publish_at, self.targeting)

    def with_changes(self, changes: Mapping[str, Any]) -> ContentFields:
        """A copy with ``changes`` applied (not yet validated). ``locales`` replaces every locale;
        ``title``, ``body`` and ``captions`` then change the default language's one."""
        names = {f.name for f in fields(ContentFields)}
        unknown = set(changes) - names - set(SHORTHAND)
        if unknown:
            raise ValidationFailed(
                "Unknown content fields.", [FieldError((name,), "Not an editable field.") for name in sorted(unknown)]
            )
        updated = replace(self, **{name: value for name, value in changes.items() if name in names})
        text = {name: changes[name] for name in SHORTHAND if name in changes}
        if not text:
            return updated
        current = updated.locale(updated.language)
        merged = ContentLocale(
            language=updated.language,
            title=text.get("title", current.title if current else ""),
            body=text.get("body", current.body if current else ""),
            captions=text.get("captions", current.captions if current else {}),
        )
        # In place, so that problems in the other locales keep the positions the client gave them.
        if current is None:
            return replace(updated, locales=(*updated.locales, merged))
        return replace(updated, locales=tuple(merged if item is current else item for item in updated.locales))

    def validated(
        self, rules: ContentRules, checked: Collection[str] | None = None, *, shorthand: bool = False
    ) -> ContentFields:
        """A normalised copy, or ``ValidationFailed`` listing every bad field.

        The programme's rules (enabled networks, allowed link domains) apply to the fields named
        in ``checked`` (all when None): a later change of the settings does not freeze a content
        whose link or captions nobody touches. ``shorthand`` reports the default language's
        problems at ``title``, ``body`` and ``captions``, where the client gave them.
        """
        errors: list[FieldError] = []
        everything = checked is None
        checked = set(checked or ())
        language = self.language
        try:
            language = normalise_language(self.language)
        except ValueError as error:
            errors.append(FieldError(("language",), str(error)))
        networks = rules.allows_network if everything or checked & {"locales", "captions"} else _any_network
        locales = parse_locales(self.locales, language, errors, networks, default_at_top=shorthand)
        topics = _topics(self.topics, errors)
        link_url = self.link_url
        if link_url is not None:
            allows_host = rules.allows_link_host if everything or "link_url" in checked else None
            try:
                link_url = normalise_https_url(link_url, allows_host)
            except ValueError as error:
                errors.append(FieldError(("link_url",), str(error)))
        media = parse_media(self.media, errors)
        targeting, targeting_errors = Targeting.parse(
            departments=self.targeting.departments,
            locations=self.targeting.locations,
            languages=self.targeting.languages,
        )
        errors.extend(targeting_errors)
        if self.publish_at is not None and self.expires_at is not None and self.expires_at <= self.publish_at:
            errors.append(FieldError(("expires_at",), "Must be later than publish_at."))
        if errors:
            raise ValidationFailed("The content is not valid.", errors)
        return replace(
            self, language=language, locales=locales, topics=topics, link_url=link_url, media=media, targeting=targeting
        )


def _any_network(network: Network) -> bool:
    return True


def _topics(topics: tuple[str, ...], errors: list[FieldError]) -> tuple[str, ...]:
    clean = [topic.strip().lower() for topic in topics]
    for index, topic in enumerate(clean):
        if not TOPIC_PATTERN.fullmatch(topic):
            errors.append(FieldError(("topics", index), "Use 1-64 letters, digits, spaces or . & + -."))
    if len(clean) > MAX_TOPICS:
        errors.append(FieldError(("topics",), f"At most {MAX_TOPICS} topics."))
    return tuple(dict.fromkeys(clean))
