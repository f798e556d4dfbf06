"""Badges: a catalogue per tenant (the defaults below, plus the tenant's own) with declarative
criteria, and the pure evaluator that says which badges an ambassador's progress has earned.

A criterion is one of three shapes: a counter over a period (``Counter``: at least N shares, ever),
a streak (``Streak``: at least one share in each of N weeks in a row), or a rank in a challenge
(``ChallengeRank``: among a challenge's winners). Each badge is earned once, for good."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from app.domain.events import DomainEvent, EventSource, EventType
from app.domain.rewards.periods import EPOCH, weeks_back


class Metric(StrEnum):
    """What the badge counters count, each from the event that shows it."""

    SHARES = "shares"  # share.posted
    LEADS = "leads"  # conversion.attributed of type lead, per credited ambassador
    HIRES = "hires"  # conversion.attributed of type hire, per credited ambassador
    UNIQUE_VISITORS = "unique_visitors"  # a counted, unique click that is not the ambassador's own
    CO_AUTHORED = "co_authored"  # an ambassador's proposed content approved
    CHALLENGE_WINS = "challenge_wins"  # a challenge ended with the ambassador among its winners


class Window(StrEnum):
    """The period a counter counts over: the ambassador's whole history, or the current week."""

    EVER = "ever"
    WEEK = "week"


@dataclass(frozen=True, slots=True, kw_only=True)
class Counter:
    metric: Metric
    at_least: int
    window: Window = Window.EVER

    def met(self, progress: Progress) -> bool:
        if self.window is Window.WEEK:
            return progress.weekly(self.metric, progress.week) >= self.at_least
        return progress.total(self.metric) >= self.at_least

    def document(self) -> dict[str, Any]:
        return {"kind": "counter", "metric": self.metric.value, "at_least": self.at_least, "window": self.window.value}


@dataclass(frozen=True, slots=True, kw_only=True)
class Streak:
    """At least ``per_week`` of ``metric`` in each of ``weeks`` weeks in a row, ending this week."""

    metric: Metric
    weeks: int
    per_week: int = 1

    def met(self, progress: Progress) -> bool:
        return all(
            progress.weekly(self.metric, week) >= self.per_week for week in weeks_back(progress.week, self.weeks)
        )

    def document(self) -> dict[str, Any]:
        return {"kind": "streak", "metric": self.metric.value, "weeks": self.weeks, "per_week": self.per_week}


@dataclass(frozen=True, slots=True, kw_only=True)
class ChallengeRank:
    """Among the winners a challenge fixes when it ends (its top N, N a programme setting). Earned when
    the challenge is settled, never from counters."""

    def met(self, progress: Progress) -> bool:
        return False

    def document(self) -> dict[str, Any]:
        return {"kind": "challenge_rank"}


Criterion = Counter | Streak | ChallengeRank


def criterion_of(document: Mapping[str, Any]) -> Criterion:
    """Read a stored criterion; ``ValueError`` (or ``KeyError``) when it is not one."""
    kind = document["kind"]
    if kind == "counter":
        return Counter(
            metric=Metric(document["metric"]),
            at_least=_positive(document["at_least"]),
            window=Window(document.get("window", Window.EVER.value)),
        )
    if kind == "streak":
        return Streak(
            metric=Metric(document["metric"]),
            weeks=_positive(document["weeks"]),
            per_week=_positive(document.get("per_week", 1)),
        )
    if kind == "challenge_rank":
        return ChallengeRank()
    raise ValueError(kind)


def _positive(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1_000_000:
        raise ValueError(value)
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Badge:
    """One badge of a tenant's catalogue; ``builtin`` for the defaults every tenant has."""

    key: str
    name: str
    description: str
    criterion: Criterion
    enabled: bool = True
    builtin: bool = False


CHALLENGE_WINNER = "challenge-winner"


def _default(key: str, name: str, description: str, criterion: Criterion) -> Badge:
    return Badge(key=key, name=name, description=description, criterion=criterion, builtin=True)


DEFAULT_BADGES: tuple[Badge, ...] = (
    _default("first-share", "First share", "Posted a first share.", Counter(metric=Metric.SHARES, at_least=1)),
    _default("shares-10", "10 shares", "Posted 10 shares.", Counter(metric=Metric.SHARES, at_least=10)),
    _default("shares-50", "50 shares", "Posted 50 shares.", Counter(metric=Metric.SHARES, at_least=50)),
    _default("shares-100", "100 shares", "Posted 100 shares.", Counter(metric=Metric.SHARES, at_least=100)),
    _default(
        "first-lead", "First lead", "A first lead came through a share.", Counter(metric=Metric.LEADS, at_least=1)
    ),
    _default(
        "first-hire", "First hire", "A first hire was credited to a share.", Counter(metric=Metric.HIRES, at_least=1)
    ),
    _default(
        "visitors-100",
        "100 unique visitors",
        "Shares brought 100 unique visitors.",
        Counter(metric=Metric.UNIQUE_VISITORS, at_least=100),
    ),
    _default(
        "weekly-streak-4",
        "Four-week streak",
        "Shared at least once a week, four weeks in a row.",
        Streak(metric=Metric.SHARES, weeks=4),
    ),
    _default(
        "co-author", "Co-author", "A proposed content was approved.", Counter(metric=Metric.CO_AUTHORED, at_least=1)
    ),
    _default(CHALLENGE_WINNER, "Challenge winner", "Among the winners of a challenge.", ChallengeRank()),
)


def catalogue(own: Iterable[Badge]) -> list[Badge]:
    """The tenant's catalogue: the defaults, each replaced by the tenant's badge of the same key (to
    disable it), then the tenant's own badges, by key."""
    by_key = {badge.key: badge for badge in DEFAULT_BADGES}
    for badge in own:
        by_key[badge.key] = badge
    return sorted(by_key.values(), key=lambda badge: (not badge.builtin, badge.key))


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """An ambassador's counters: ``totals`` per metric, ever, and ``weeks`` per (metric, week start)
    in the tenant's time zone; ``week`` is the week of the event being judged."""

    week: date
    totals: Mapping[Metric, int] = field(default_factory=dict)
    weeks: Mapping[tuple[Metric, date], int] = field(default_factory=dict)

    def total(self, metric: Metric) -> int:
        return self.totals.get(metric, 0)

    def weekly(self, metric: Metric, week: date) -> int:
        return self.weeks.get((metric, week), 0)


def newly_earned(badges: Iterable[Badge], progress: Progress, held: Iterable[str]) -> list[Badge]:
    """The enabled badges whose criterion the progress meets and that are not held yet."""
    have = set(held)
    return [badge for badge in badges if badge.enabled and badge.key not in have and badge.criterion.met(progress)]


def counter_periods(metric: Metric, week: date) -> tuple[date, ...]:
    """The counter buckets an occurrence of ``metric`` in ``week`` adds one to: ever, and its week."""
    return (EPOCH, week)


@dataclass(slots=True, kw_only=True)
class EarnedBadge(EventSource):
    """A badge an ambassador holds, since ``earned_at``; ``source_event_id`` names what earned it."""

    tenant_id: UUID
    ambassador_id: UUID
    badge_key: str
    earned_at: datetime
    source_event_id: UUID | None = None
    campaign_id: UUID | None = None
    pending_events: list[DomainEvent] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def earn(
        cls,
        badge: Badge,
        *,
        tenant_id: UUID,
        ambassador_id: UUID,
        at: datetime,
        source_event_id: UUID | None = None,
        campaign_id: UUID | None = None,
    ) -> EarnedBadge:
        earned = cls(
            tenant_id=tenant_id,
            ambassador_id=ambassador_id,
            badge_key=badge.key,
            earned_at=at,
            source_event_id=source_event_id,
            campaign_id=campaign_id,
        )
        data = {
            "ambassador_id": str(ambassador_id),
            "badge": badge.key,
            "name": badge.name,
            "source_event_id": str(source_event_id) if source_event_id else None,
            "campaign_id": str(campaign_id) if campaign_id else None,
        }
        earned.record(DomainEvent(type=EventType.BADGE_EARNED, tenant_id=tenant_id, occurred_at=at, data=data))
        return earned
