"""The words and media of a content: one locale per language (title, Markdown body, a suggested
caption per network) and the media ambassadors may attach."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.errors import FieldError
from app.domain.links import normalise_https_url
from app.domain.messages import Message, message_of
from app.domain.networks import CAPTION_LIMITS, Network, caption_fits, caption_length
from app.domain.values import has_control_characters, is_blank, normalise_language

MAX_TITLE = 200
MAX_BODY = 20_000
MAX_ALT_TEXT = 1_000
MAX_MEDIA = 10
MAX_LOCALES = 30

Loc = tuple[str | int, ...]


class MediaKind(StrEnum):
    """What a media attached to a content is."""

    IMAGE = "image"
    VIDEO = "video"
    DOCUMENT = "document"


@dataclass(frozen=True, slots=True, kw_only=True)
class Media:
    url: str
    kind: MediaKind
    alt_text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ContentLocale:
    """One language's version. ``captions`` holds at most one suggested caption per network."""

    language: str
    title: str
    body: str
    captions: Mapping[Network, str] = field(default_factory=dict)

    def caption_for(self, network: Network) -> str | None:
        return self.captions.get(network)


def parse_locale(
    locale: ContentLocale, loc: Loc, errors: list[FieldError], allows_network: Callable[[Network], bool]
) -> ContentLocale:
    """A normalised copy; each problem is added to ``errors`` at its place under ``loc``."""
    language = locale.language
    try:
        language = normalise_language(locale.language)
    except ValueError as error:
        errors.append(FieldError((*loc, "language"), message_of(error)))
    title = locale.title.strip()
    if is_blank(title) or len(title) > MAX_TITLE or has_control_characters(title):
        errors.append(
            FieldError(
                (*loc, "title"), Message("Give 1-{most} characters, without control characters.", most=MAX_TITLE)
            )
        )
    body = locale.body.strip()
    if is_blank(body) or len(body) > MAX_BODY or has_control_characters(body, multiline=True):
        errors.append(
            FieldError((*loc, "body"), Message("Give 1-{most} characters, without control characters.", most=MAX_BODY))
        )
    captions: dict[Network, str] = {}
    for network, text in locale.captions.items():
        where = (*loc, "captions", network.value)
        caption = text.strip()
        if not allows_network(network):
            errors.append(
                FieldError(where, Message("{network} is not enabled for this programme.", network=network.value))
            )
        elif is_blank(caption) or has_control_characters(caption, multiline=True):
            errors.append(FieldError(where, "Give a caption without control characters, or leave the network out."))
        elif not caption_fits(caption, network):
            length, limit = caption_length(caption, network), CAPTION_LIMITS[network]
            errors.append(
                FieldError(
                    where,
                    Message(
                        "{network} counts {length} characters; its limit is {limit}.",
                        network=network.value,
                        length=length,
                        limit=limit,
                    ),
                )
            )
        captions[network] = caption
    ordered = {network: captions[network] for network in Network if network in captions}
    return ContentLocale(language=language, title=title, body=body, captions=ordered)


def parse_locales(
    locales: Sequence[ContentLocale],
    default_language: str,
    errors: list[FieldError],
    allows_network: Callable[[Network], bool],
    *,
    default_at_top: bool = False,
) -> tuple[ContentLocale, ...]:
    """Each language once, the default one first and the others by language.

    With ``default_at_top`` the default language's problems are reported at the top-level
    ``title``, ``body`` and ``captions`` the client sent, not under ``locales``.
    """
    if len(locales) > MAX_LOCALES:
        errors.append(FieldError(("locales",), Message("At most {most} languages.", most=MAX_LOCALES)))
    seen: set[str] = set()
    parsed: list[ContentLocale] = []
    for index, given in enumerate(locales):
        at_top = default_at_top and given.language.lower() == default_language.lower()
        locale = parse_locale(given, () if at_top else ("locales", index), errors, allows_network)
        if locale.language.lower() in seen:
            errors.append(
                FieldError(
                    ("locales", index, "language"), Message("{language} is given twice.", language=locale.language)
                )
            )
        seen.add(locale.language.lower())
        parsed.append(locale)
    if default_language.lower() not in seen:
        errors.append(
            FieldError(
                ("language",),
                Message(
                    "The default language {default_language} must be among the locales.",
                    default_language=default_language,
                ),
            )
        )
    default = [locale for locale in parsed if locale.language.lower() == default_language.lower()]
    others = sorted((locale for locale in parsed if locale not in default), key=lambda locale: locale.language)
    return (*default[:1], *others)


def parse_media(media: Sequence[Media], errors: list[FieldError]) -> tuple[Media, ...]:
    if len(media) > MAX_MEDIA:
        errors.append(FieldError(("media",), Message("At most {most} items.", most=MAX_MEDIA)))
    parsed: list[Media] = []
    for index, item in enumerate(media):
        url = item.url
        try:
            url = normalise_https_url(item.url)
        except ValueError as error:
            errors.append(FieldError(("media", index, "url"), message_of(error)))
        alt_text = item.alt_text.strip() if item.alt_text is not None else None
        if alt_text is not None and (len(alt_text) > MAX_ALT_TEXT or has_control_characters(alt_text)):
            errors.append(
                FieldError(
                    ("media", index, "alt_text"),
                    Message("At most {most} characters, no control characters.", most=MAX_ALT_TEXT),
                )
            )
        parsed.append(Media(url=url, kind=item.kind, alt_text=alt_text or None))
    return tuple(parsed)
