"""Who a content or a campaign is for: departments, locations and languages; empty means everyone.

A language in a targeting is a BCP 47 range (RFC 4647 basic filtering): ``fr`` reaches
``fr``, ``fr-CA`` and ``fr-FR`` speakers, ``fr-CA`` reaches only ``fr-CA`` speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.domain.errors import FieldError
from app.domain.messages import Message, message_of
from app.domain.values import has_control_characters, is_blank, normalise_language

MAX_TARGETS = 100
MAX_TARGET_LENGTH = 200

Loc = tuple[str | int, ...]


def language_matches(language_range: str, tag: str) -> bool:
    """True when ``tag`` falls under ``language_range`` (both canonical BCP 47, compared case-insensitively)."""
    wanted, actual = language_range.lower(), tag.lower()
    return actual == wanted or actual.startswith(wanted + "-")


def language_ranges_of(tag: str) -> tuple[str, ...]:
    """Every range that reaches ``tag``: ``fr-CA`` is reached by ``fr-CA`` and ``fr``.

    A store can then find content for a speaker with one array overlap (``&&``) on its ranges.
    """
    parts = tag.split("-")
    return tuple("-".join(parts[:end]) for end in range(len(parts), 0, -1))


def _ranges_overlap(first: str, second: str) -> bool:
    """Some speaker is reached by both ranges: one range lies within the other."""
    return language_matches(first, second) or language_matches(second, first)


@dataclass(frozen=True, slots=True, kw_only=True)
class Targeting:
    departments: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @classmethod
    def parse(
        cls,
        *,
        departments: Sequence[str] = (),
        locations: Sequence[str] = (),
        languages: Sequence[str] = (),
        loc: Loc = ("targeting",),
    ) -> tuple[Targeting, list[FieldError]]:
        """A normalised targeting and the errors found (the caller raises, with its other errors)."""
        errors: list[FieldError] = []
        clean_departments = _names(departments, (*loc, "departments"), errors)
        clean_locations = _names(locations, (*loc, "locations"), errors)
        clean_languages: list[str] = []
        if len(languages) > MAX_TARGETS:
            errors.append(FieldError((*loc, "languages"), Message("At most {most} items.", most=MAX_TARGETS)))
        for index, tag in enumerate(languages):
            try:
                clean_languages.append(normalise_language(tag))
            except ValueError as error:
                errors.append(FieldError((*loc, "languages", index), message_of(error)))
        targeting = cls(
            departments=clean_departments,
            locations=clean_locations,
            languages=tuple(dict.fromkeys(clean_languages)),
        )
        return targeting, errors

    @property
    def everyone(self) -> bool:
        return not (self.departments or self.locations or self.languages)

    def includes(self, *, department: str | None, location: str | None, language: str | None) -> bool:
        """Whether a person with these attributes is in the audience (an empty list lets everyone in)."""
        return (
            (not self.departments or department in self.departments)
            and (not self.locations or location in self.locations)
            and (
                not self.languages
                or (language is not None and any(language_matches(r, language) for r in self.languages))
            )
        )

    def overlaps(self, other: Targeting) -> bool:
        """Whether one person could be in both audiences."""
        return (
            _sets_overlap(self.departments, other.departments)
            and _sets_overlap(self.locations, other.locations)
            and (
                not self.languages
                or not other.languages
                or any(_ranges_overlap(a, b) for a in self.languages for b in other.languages)
            )
        )


def _sets_overlap(first: Iterable[str], second: Iterable[str]) -> bool:
    first, second = set(first), set(second)
    return not first or not second or bool(first & second)


def _names(values: Sequence[str], loc: Loc, errors: list[FieldError]) -> tuple[str, ...]:
    """Department and location names compare exactly as the roster stores them, trimmed."""
    if len(values) > MAX_TARGETS:
        errors.append(FieldError(loc, Message("At most {most} items.", most=MAX_TARGETS)))
    clean: list[str] = []
    for index, value in enumerate(values):
        name = value.strip()
        if is_blank(name) or len(name) > MAX_TARGET_LENGTH or has_control_characters(name):
            message = Message("Give 1-{most} characters, without control characters.", most=MAX_TARGET_LENGTH)
            errors.append(FieldError((*loc, index), message))
        else:
            clean.append(name)
    return tuple(dict.fromkeys(clean))
