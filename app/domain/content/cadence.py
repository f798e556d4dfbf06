"""The publishing cadence: nobody in the programme should get more shareable contents in any
seven days than the weekly budget allows.

A window is any half-open span of seven days, so contents exactly seven days apart never share
one. A person is one department, one location and one language (as the roster records them);
the rule looks for the person who would receive the most contents around the candidate's
publication, so two contents for different departments never add up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import product
from uuid import UUID

from app.domain.content.targeting import Targeting, language_matches

WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True, kw_only=True)
class Scheduled:
    """A shareable content as the cadence sees it: when it goes live and for whom."""

    content_id: UUID
    live_from: datetime
    targeting: Targeting


@dataclass(frozen=True, slots=True, kw_only=True)
class CadenceConflict:
    """The fullest window: ``[starts_at, ends_at)`` holds the candidate and ``content_ids``."""

    starts_at: datetime
    ends_at: datetime
    content_ids: tuple[UUID, ...]

    @property
    def count(self) -> int:
        """Contents in the window, the candidate included."""
        return len(self.content_ids) + 1


@dataclass(frozen=True, slots=True)
class _Person:
    department: str | None
    location: str | None
    language: str | None

    def receives(self, targeting: Targeting) -> bool:
        return targeting.includes(department=self.department, location=self.location, language=self.language)


def cadence_conflict(candidate: Scheduled, others: Iterable[Scheduled], budget: int) -> CadenceConflict | None:
    """The fullest seven days around ``candidate`` when they exceed ``budget`` for someone, else None.

    ``others`` are the contents already approved to be shared; the candidate itself among them is ignored.
    """
    near = [
        other
        for other in others
        if other.content_id != candidate.content_id
        and abs(other.live_from - candidate.live_from) < WINDOW
        and other.targeting.overlaps(candidate.targeting)
    ]
    if len(near) + 1 <= budget:
        return None
    worst: CadenceConflict | None = None
    for person in _people(candidate.targeting, [other.targeting for other in near]):
        if not person.receives(candidate.targeting):
            continue
        window = fullest_window(candidate, [other for other in near if person.receives(other.targeting)])
        if window.count > budget and (worst is None or _fuller(window, worst)):
            worst = window
    return worst


def fullest_window(candidate: Scheduled, others: Sequence[Scheduled]) -> CadenceConflict:
    """The seven days holding the candidate and the most of ``others`` (the earliest such window on ties).

    The fullest window can always start at one of its contents, so only those starts are tried.
    """
    moment = candidate.live_from
    timeline = sorted([*others, candidate], key=lambda item: (item.live_from, item.content_id))
    best: CadenceConflict | None = None
    for start in timeline:
        begins = start.live_from
        if not begins <= moment < begins + WINDOW:
            continue
        inside = tuple(
            item.content_id
            for item in timeline
            if begins <= item.live_from < begins + WINDOW and item.content_id != candidate.content_id
        )
        window = CadenceConflict(starts_at=begins, ends_at=begins + WINDOW, content_ids=inside)
        if best is None or _fuller(window, best):
            best = window
    assert best is not None  # noqa: S101 - the candidate's own start always qualifies
    return best


def _fuller(window: CadenceConflict, than: CadenceConflict) -> bool:
    return (window.count, -window.starts_at.timestamp()) > (than.count, -than.starts_at.timestamp())


def _people(candidate: Targeting, others: Sequence[Targeting]) -> Iterable[_Person]:
    """Every kind of person the candidate reaches, as finely as the other audiences tell them apart.

    ``None`` stands for someone matching none of the listed values (reached only by "everyone").
    """
    departments = _values(candidate.departments, [t.departments for t in others])
    locations = _values(candidate.locations, [t.locations for t in others])
    languages = _languages(candidate.languages, [t.languages for t in others])
    for department, location, language in product(departments, locations, languages):
        yield _Person(department, location, language)


def _values(own: tuple[str, ...], others: Sequence[tuple[str, ...]]) -> list[str | None]:
    if own:
        return list(own)
    return [*sorted({value for values in others for value in values}), None]


def _languages(own: tuple[str, ...], others: Sequence[tuple[str, ...]]) -> list[str | None]:
    """A speaker of a narrower range than the candidate's (``fr-CA`` under ``fr``) is told apart too."""
    mentioned = sorted({tag for tags in others for tag in tags})
    if own:
        narrower = [tag for tag in mentioned if any(language_matches(r, tag) for r in own)]
        return list(dict.fromkeys([*own, *narrower]))
    return [*mentioned, None]
