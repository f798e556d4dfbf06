"""The monthly programme report's figures: a year of trends up to the month, the month against the one
before, and the month's top contents and ambassadors, all read through ``ReadMetrics``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, next_bucket
from app.domain.metrics.report import MetricRow, MetricsReport, Value
from app.domain.roster.ambassadors import MembershipStatus
from app.domain.roster.identity import Principal
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.metrics.read_checks import department_of
from app.services.metrics.read_metrics import METRIC_READERS, MetricsRequest, ReadMetrics

TREND_KPIS = (
    Kpi.ACTIVE_AMBASSADORS,
    Kpi.POSTED_SHARES,
    Kpi.POTENTIAL_REACH,
    Kpi.CLICKS,
    Kpi.CONVERSIONS,
    Kpi.EARNED_MEDIA_VALUE,
    Kpi.COST,
)
TOP_KPIS = (Kpi.POSTED_SHARES, Kpi.POTENTIAL_REACH, Kpi.CLICKS, Kpi.CONVERSIONS)
RANKED_BY = Kpi.CLICKS
TOP = 10
TREND_MONTHS = 12
# A month of the years Relais keeps (``app.domain.values``), whose year before is one too.
MONTH_PATTERN = r"^(19[0-9]{2}|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(0[1-9]|1[0-2])$"
_MONTH = re.compile(MONTH_PATTERN)


@dataclass(frozen=True, slots=True, kw_only=True)
class RankedAmbassador:
    """One of the month's top ambassadors, named only when they chose to appear on boards."""

    rank: int
    ambassador_id: UUID
    name: str
    values: Mapping[Kpi, Value]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnnamedAmbassadors:
    """Those of the top who chose not to appear on boards: how many, and their figures summed."""

    count: int
    values: Mapping[Kpi, Value]


@dataclass(frozen=True, slots=True, kw_only=True)
class ProgrammeReport:
    month: date  # its first day
    time_zone: str
    currency: str
    department: str | None  # a manager's view of their department, when the programme limits them to it
    trend: Sequence[MetricRow]  # one row per month, the report's month last
    top_contents: Sequence[MetricRow]
    top_ambassadors: Sequence[RankedAmbassador]
    unnamed: UnnamedAmbassadors

    @property
    def current(self) -> Mapping[Kpi, Value]:
        return self.trend[-1].values

    @property
    def previous(self) -> Mapping[Kpi, Value] | None:
        return self.trend[-2].values if len(self.trend) > 1 else None


def parse_month(text: str) -> date:
    """``YYYY-MM`` as the month's first day, or ``ValidationFailed`` saying the form."""
    match = _MONTH.match(text)
    if match is None:
        fix = Message("Give the month as YYYY-MM, such as 2026-03, not {text}.", text=text[:20])
        raise ValidationFailed("The report's month is not valid.", [FieldError(("query", "month"), fix)])
    return date(int(match.group(1)), int(match.group(2)), 1)


def months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


class ReadProgrammeReport(UseCase):
    """Admins, managers and analysts read a month's report: active ambassadors, potential reach, clicks
    and conversions over the twelve months up to it, earned media value against cost, and the month's
    top ten contents and ambassadors by clicks. Ambassadors who did not choose to appear on boards
    (``leaderboard_visible``) are never named: they are counted together. A manager limited to their
    department reads their department's report (costs, which belong to no department, are then left out)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, read_metrics: ReadMetrics) -> None:
        super().__init__(uow, clock, ids)
        self._read_metrics = read_metrics

    async def __call__(self, principal: Principal, month_text: str) -> ProgrammeReport:
        principal.require_any(METRIC_READERS)
        tenant_id = principal.require_tenant()
        month = parse_month(month_text)
        last_day = next_bucket(month, Grouping.MONTH) - timedelta(days=1)
        trend = await self._read_metrics(
            principal,
            MetricsRequest(
                first_day=months_before(month, TREND_MONTHS - 1),
                last_day=last_day,
                kpis=tuple(kpi.value for kpi in TREND_KPIS),
                group_by=Grouping.MONTH.value,
            ),
        )
        in_month = MetricsRequest(
            first_day=month, last_day=last_day, kpis=tuple(kpi.value for kpi in TOP_KPIS), sort=RANKED_BY.value
        )
        contents = await self._read_metrics(principal, _grouped(in_month, Grouping.CONTENT, TOP))
        ambassadors = await self._read_metrics(principal, _grouped(in_month, Grouping.AMBASSADOR, TOP))
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await department_of(principal, settings, uow)
            members = await uow.ambassadors.get_many([UUID(row.key) for row in ambassadors.rows])
        shown = {
            member.id
            for member in members
            if member.status is MembershipStatus.ACTIVE and member.preferences.leaderboard_visible
        }
        named = [
            RankedAmbassador(rank=rank, ambassador_id=UUID(row.key), name=row.label or "", values=row.values)
            for rank, row in enumerate(ambassadors.rows, start=1)
            if UUID(row.key) in shown
        ]
        hidden = [row for row in ambassadors.rows if UUID(row.key) not in shown]
        return ProgrammeReport(
            month=month,
            time_zone=trend.period.time_zone,
            currency=trend.currency,
            department=department,
            trend=_months(trend),
            top_contents=contents.rows,
            top_ambassadors=named,
            unnamed=UnnamedAmbassadors(count=len(hidden), values=_summed(hidden, TOP_KPIS)),
        )


def _grouped(request: MetricsRequest, grouping: Grouping, limit: int) -> MetricsRequest:
    return MetricsRequest(
        first_day=request.first_day,
        last_day=request.last_day,
        kpis=request.kpis,
        group_by=grouping.value,
        sort=request.sort,
        limit=limit,
    )


def _months(report: MetricsReport) -> list[MetricRow]:
    """Every month of the trend in order; a month the read left out is one without values."""
    found = {row.key: row for row in report.rows}
    keys = [bucket.first_day.isoformat() for bucket in report.period.buckets(Grouping.MONTH)]
    return [found.get(key) or MetricRow(key=key, label=None, values={}) for key in keys]


def _summed(rows: Sequence[MetricRow], kpis: Sequence[Kpi]) -> dict[Kpi, Value]:
    """Counts and credits add up across ambassadors (these KPIs are sums over their shares)."""
    summed: dict[Kpi, Value] = {}
    for kpi in kpis:
        values = [row.values.get(kpi) for row in rows]
        present = [value for value in values if value is not None]
        summed[kpi] = round(sum(present), 4) if present else None
    return summed
