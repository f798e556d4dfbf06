"""The programme's figures over buckets of time, read from its days where a bucket holds whole UTC days
and from its hours at the edges: a year by month reads about 365 days and a few dozen hours per
network instead of 8,760 hours.

A bucket runs from the UTC hour holding its first local midnight to the one holding the midnight
after it (``Period.first_hour``, ``Period.end_hour``). Its whole UTC days are summed from
``metric_days``; the hours before its first UTC midnight and from its last one, from ``metric_hours``.
Both rollups hold the same facts (the worker adds to both in one statement), so the sum is the
bucket's hours, whichever zone the buckets are cut in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.adapters.postgres.metrics.rollup_sql import FIGURES

_SUMS = ", ".join(f"sum(m.{name}) AS {name}" for name in FIGURES)
_RESUMS = ", ".join(f"sum(f.{name}) AS {name}" for name in FIGURES)

# $1 tenant; $2-$4 each day range's key, first day and the day after its last; $5-$7 each hour
# range's key, first hour and the hour after its last.
PROGRAMME_FIGURES = f"""
WITH by_day AS (
    SELECT r.key, m.network, {_SUMS}
    FROM unnest($2::text[], $3::date[], $4::date[]) AS r (key, first_day, after_day)
    JOIN metric_days AS m ON m.tenant_id = $1 AND m.day >= r.first_day AND m.day < r.after_day
    GROUP BY 1, 2
), by_hour AS (
    SELECT r.key, m.network, {_SUMS}
    FROM unnest($5::text[], $6::timestamptz[], $7::timestamptz[]) AS r (key, first_hour, after_hour)
    JOIN metric_hours AS m ON m.tenant_id = $1 AND m.hour >= r.first_hour AND m.hour < r.after_hour
    GROUP BY 1, 2
)
SELECT f.key, NULL::text AS label, f.network, {_RESUMS}
FROM (SELECT * FROM by_day UNION ALL SELECT * FROM by_hour) AS f
GROUP BY 1, 3
"""


@dataclass(slots=True)
class Ranges:
    """The statement's arguments after the tenant: day ranges, then hour ranges, each with its bucket's key."""

    day_keys: list[str] = field(default_factory=list)
    first_days: list[date] = field(default_factory=list)
    after_days: list[date] = field(default_factory=list)
    hour_keys: list[str] = field(default_factory=list)
    first_hours: list[datetime] = field(default_factory=list)
    after_hours: list[datetime] = field(default_factory=list)

    def add_hours(self, key: str, first: datetime, after: datetime) -> None:
        if first < after:
            self.hour_keys.append(key)
            self.first_hours.append(first)
            self.after_hours.append(after)

    def arguments(self) -> tuple[list[str], list[date], list[date], list[str], list[datetime], list[datetime]]:
        return (self.day_keys, self.first_days, self.after_days, self.hour_keys, self.first_hours, self.after_hours)


def ranges(buckets: Sequence[tuple[str, datetime, datetime]]) -> Ranges:
    """Each bucket (key, first hour, hour after its last, in UTC) cut into its whole UTC days and the
    hours on either side of them."""
    cut = Ranges()
    for key, first, after in buckets:
        first_midnight = _midnight(first) if first == _midnight(first) else _midnight(first) + timedelta(days=1)
        last_midnight = _midnight(after)
        if first_midnight >= last_midnight:
            cut.add_hours(key, first, after)
            continue
        cut.day_keys.append(key)
        cut.first_days.append(first_midnight.date())
        cut.after_days.append(last_midnight.date())
        cut.add_hours(key, first, first_midnight)
        cut.add_hours(key, last_midnight, after)
    return cut


def _midnight(instant: datetime) -> datetime:
    return instant.replace(hour=0, minute=0, second=0, microsecond=0)
