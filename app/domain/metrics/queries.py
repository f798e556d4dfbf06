"""What a metrics read asks for: a period of local days in a time zone, KPIs, and a grouping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from app.domain.metrics.kpis import Kpi

# The longest period one read covers: three years of days, leap days included.
MAX_PERIOD_DAYS = 3 * 366


class Grouping(StrEnum):
    """What a report's rows are grouped by: a dimension of the shares or of their ambassadors, or local days,
    weeks (from Monday) or months."""

    CONTENT = "content"
    FORMAT = "format"
    TOPIC = "topic"  # a content with several topics counts under each
    AMBASSADOR = "ambassador"
    CAMPAIGN = "campaign"
    NETWORK = "network"
    DEPARTMENT = "department"
    LOCATION = "location"
    LANGUAGE = "language"
    DAY = "day"
    WEEK = "week"  # from Monday
    MONTH = "month"


TIME_GROUPINGS = frozenset({Grouping.DAY, Grouping.WEEK, Grouping.MONTH})


@dataclass(frozen=True, slots=True, kw_only=True)
class Period:
    """Local days ``first_day`` to ``last_day``, both included, in ``time_zone``: from the first
    day's midnight to the midnight after the last, whatever the daylight-saving changes between."""

    first_day: date
    last_day: date
    time_zone: str

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def start(self) -> datetime:
        return local_midnight(self.first_day, self.time_zone)

    @property
    def end(self) -> datetime:
        return local_midnight(self.last_day + timedelta(days=1), self.time_zone)

    @property
    def first_hour(self) -> datetime:
        """The first UTC hour the rollups count in the period: the one holding its first midnight
        (the midnight itself, in a zone whose offset is a whole number of hours)."""
        return utc_hour(self.start)

    @property
    def end_hour(self) -> datetime:
        """The UTC hour after the last one the rollups count: the one holding the closing midnight."""
        return utc_hour(self.end)

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def weeks(self) -> Decimal:
        return Decimal(self.days) / 7

    def buckets(self, grouping: Grouping) -> list[Period]:
        """The period cut into the grouping's days, weeks or months (the first and last may be partial)."""
        cuts: list[Period] = []
        first = self.first_day
        while first <= self.last_day:
            following = next_bucket(first, grouping)
            last = min(following - timedelta(days=1), self.last_day)
            cuts.append(Period(first_day=first, last_day=last, time_zone=self.time_zone))
            first = following
        return cuts

    def bucket_start(self, day: date, grouping: Grouping) -> date:
        """The first day of the bucket holding ``day``, as keys name buckets (a week by its Monday)."""
        return max(bucket_start(day, grouping), self.first_day)


def local_midnight(day: date, time_zone: str) -> datetime:
    return datetime.combine(day, time.min, ZoneInfo(time_zone))


def utc_hour(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def bucket_start(day: date, grouping: Grouping) -> date:
    if grouping is Grouping.WEEK:
        return day - timedelta(days=day.weekday())
    if grouping is Grouping.MONTH:
        return day.replace(day=1)
    return day


def next_bucket(day: date, grouping: Grouping) -> date:
    start = bucket_start(day, grouping)
    if grouping is Grouping.WEEK:
        return start + timedelta(days=7)
    if grouping is Grouping.MONTH:
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsQuery:
    """Whose facts a read counts: ``department``, when set, only those of that department's
    ambassadors (a manager's view); ``ambassador_id`` only that ambassador's (their own impact);
    ``visible_ambassadors_only`` only active members who chose to appear on boards (what an
    ambassador may see of the others). Programme costs belong to no ambassador: a narrowed read
    has none."""

    period: Period
    kpis: tuple[Kpi, ...]
    group_by: Grouping | None = None
    department: str | None = None
    ambassador_id: UUID | None = None
    visible_ambassadors_only: bool = False

    @property
    def narrowed(self) -> bool:
        """True when the read counts only some ambassadors' facts."""
        return self.department is not None or self.ambassador_id is not None or self.visible_ambassadors_only
