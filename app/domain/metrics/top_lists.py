"""Top contents and top ambassadors: a report's rows ranked by one KPI, the highest first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, Period
from app.domain.metrics.report import MetricRow, MetricsReport

TOP_LIST_GROUPINGS = (Grouping.CONTENT, Grouping.AMBASSADOR)
MAX_TOP_LIST = 50
DEFAULT_TOP_LIST = 10
# Besides the KPI ranked by, what each entry shows.
TOP_LIST_KPIS = (Kpi.POSTED_SHARES, Kpi.POTENTIAL_REACH, Kpi.ENGAGEMENT, Kpi.CLICKS, Kpi.CONVERSIONS)


@dataclass(frozen=True, slots=True, kw_only=True)
class RankedRow:
    """Standard competition ranking: equal values share a rank, the next skips (1, 1, 3)."""

    rank: int
    row: MetricRow


@dataclass(frozen=True, slots=True, kw_only=True)
class TopList:
    period: Period
    currency: str
    grouping: Grouping
    ranked_by: Kpi
    kpis: tuple[Kpi, ...]
    rows: Sequence[RankedRow]


def top_list(report: MetricsReport, grouping: Grouping, ranked_by: Kpi) -> TopList:
    """The report's rows (sorted by ``ranked_by``, highest first) with their ranks; a row without a
    value of ``ranked_by`` (a ratio over nothing) is no contender and is left out."""
    ranked: list[RankedRow] = []
    for position, row in enumerate(row for row in report.rows if row.values.get(ranked_by) is not None):
        tied = bool(ranked) and ranked[-1].row.values[ranked_by] == row.values[ranked_by]
        ranked.append(RankedRow(rank=ranked[-1].rank if tied else position + 1, row=row))
    return TopList(
        period=report.period,
        currency=report.currency,
        grouping=grouping,
        ranked_by=ranked_by,
        kpis=report.kpis,
        rows=tuple(ranked),
    )
