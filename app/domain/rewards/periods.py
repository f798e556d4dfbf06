"""Leaderboard periods: weeks (from Monday), months, quarters and all time, cut in the tenant's time
zone, so that a week starts at local midnight on Monday whatever the offset of the day (DST)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# The start of the one period of ``all_time`` (and of a campaign's own period): rollups key every
# period by a date, and these two have a single bucket each.
EPOCH = date(1970, 1, 1)
DEFAULT_TIME_ZONE = "UTC"


class PeriodKind(StrEnum):
    """The period a board sums points over: this week (from Monday), month or quarter in the
    programme's time zone, all time, or a campaign's own period."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    ALL_TIME = "all_time"
    # The campaign's own period, from its start to its end (points of the campaign's shares only).
    CAMPAIGN = "campaign"


# The calendar periods every point counts in (a campaign's period only for points of a campaign).
CALENDAR_KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.ALL_TIME)


def zone(name: str) -> ZoneInfo:
    """The IANA zone named ``name``; ``ValueError`` when there is none of that name."""
    if name not in known_zones():
        raise ValueError(name)
    try:
        return ZoneInfo(name)
    except ZoneInfoNotFoundError as error:  # pragma: no cover - listed but not loadable
        raise ValueError(name) from error


_ZONES: frozenset[str] | None = None


def known_zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def period_start(kind: PeriodKind, instant: datetime, time_zone: str) -> date:
    """The local date the period holding ``instant`` starts on, in ``time_zone``."""
    if kind in (PeriodKind.ALL_TIME, PeriodKind.CAMPAIGN):
        return EPOCH
    local = instant.astimezone(ZoneInfo(time_zone)).date()
    if kind is PeriodKind.WEEK:
        return local - timedelta(days=local.weekday())
    if kind is PeriodKind.MONTH:
        return local.replace(day=1)
    return local.replace(month=3 * ((local.month - 1) // 3) + 1, day=1)


def next_start(kind: PeriodKind, start: date) -> date | None:
    """The start of the period after the one starting on ``start`` (None for the single periods)."""
    if kind is PeriodKind.WEEK:
        return start + timedelta(days=7)
    if kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
        months = 1 if kind is PeriodKind.MONTH else 3
        month = start.month - 1 + months
        return date(start.year + month // 12, month % 12 + 1, 1)
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """A period as instants: ``[starts_at, ends_at)``, ``ends_at`` None for all time."""

    kind: PeriodKind
    start: date
    starts_at: datetime | None
    ends_at: datetime | None

    @classmethod
    def holding(cls, kind: PeriodKind, instant: datetime, time_zone: str) -> Period:
        start = period_start(kind, instant, time_zone)
        if kind in (PeriodKind.ALL_TIME, PeriodKind.CAMPAIGN):
            return cls(kind=kind, start=start, starts_at=None, ends_at=None)
        end = next_start(kind, start)
        return cls(
            kind=kind, start=start, starts_at=local_midnight(start, time_zone), ends_at=local_midnight(end, time_zone)
        )


def local_midnight(day: date | None, time_zone: str) -> datetime | None:
    """The instant (UTC) the local day ``day`` begins in ``time_zone``."""
    if day is None:
        return None
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(time_zone)).astimezone(UTC)


def weeks_back(week: date, count: int) -> list[date]:
    """``count`` week starts ending with ``week``, oldest first."""
    return [week - timedelta(weeks=n) for n in range(count - 1, -1, -1)]
