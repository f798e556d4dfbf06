"""An ambassador's own impact: their figures over this week, month, quarter or year in the
programme's time zone, each beside the same figures over the period before."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from uuid import UUID

from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Period
from app.domain.metrics.report import Value


class ImpactPeriod(StrEnum):
    """The period an ambassador's impact covers: the current week, month, quarter or year in the programme's
    time zone."""

    WEEK = "week"  # from Monday
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


# What an ambassador's impact shows of the KPIs, all read narrowed to their own shares and points.
IMPACT_KPIS = (
    Kpi.POTENTIAL_REACH,
    Kpi.IMPRESSIONS,
    Kpi.ENGAGEMENT,
    Kpi.CLICKS,
    Kpi.UNIQUE_VISITORS,
    Kpi.LEADS,
    Kpi.JOB_APPLICATIONS,
    Kpi.HIRES,
    Kpi.POINTS_AWARDED,
)

_MONTHS = {ImpactPeriod.MONTH: 1, ImpactPeriod.QUARTER: 3, ImpactPeriod.YEAR: 12}


def period_start(kind: ImpactPeriod, day: date) -> date:
    """The first day of the week, month, quarter or year holding ``day``."""
    if kind is ImpactPeriod.WEEK:
        return day - timedelta(days=day.weekday())
    months = _MONTHS[kind]
    return date(day.year, (day.month - 1) // months * months + 1, 1)


def _shifted(kind: ImpactPeriod, start: date, by: int) -> date:
    """The start ``by`` periods after (or before) the one starting on ``start``."""
    if kind is ImpactPeriod.WEEK:
        return start + timedelta(weeks=by)
    month = start.month - 1 + by * _MONTHS[kind]
    return date(start.year + month // 12, month % 12 + 1, 1)


def impact_periods(kind: ImpactPeriod, today: date, time_zone: str) -> tuple[Period, Period]:
    """The whole period holding ``today`` (its days to come included) and the whole one before it."""
    first = period_start(kind, today)
    following, before = _shifted(kind, first, 1), _shifted(kind, first, -1)
    current = Period(first_day=first, last_day=following - timedelta(days=1), time_zone=time_zone)
    previous = Period(first_day=before, last_day=first - timedelta(days=1), time_zone=time_zone)
    return current, previous


@dataclass(frozen=True, slots=True, kw_only=True)
class ImpactFigures:
    """One period's figures: the KPIs of ``IMPACT_KPIS``, the rank on the programme's board of that
    period (None where there is no such board), badges earned and audience growth."""

    period: Period
    values: Mapping[Kpi, Value]
    rank: int | None
    badges_earned: int
    audience_growth: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Impact:
    kind: ImpactPeriod
    ambassador_id: UUID
    current: ImpactFigures
    previous: ImpactFigures
