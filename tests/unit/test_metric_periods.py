"""The metrics' pure rules: impact periods beside the ones before, periods cut at UTC hours in any
zone, top lists' ranks, and the page that documents every KPI."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.domain.metrics.impact import ImpactPeriod, impact_periods
from app.domain.metrics.kpis import DEFINITIONS, Kpi, Unit
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.domain.metrics.report import MetricRow, MetricsReport
from app.domain.metrics.sources import breakdowns
from app.domain.metrics.top_lists import top_list

DOCS = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


@pytest.mark.parametrize(
    ("kind", "today", "current", "previous"),
    [
        (ImpactPeriod.WEEK, date(2026, 1, 1), ("2025-12-29", "2026-01-04"), ("2025-12-22", "2025-12-28")),
        (ImpactPeriod.MONTH, date(2026, 3, 31), ("2026-03-01", "2026-03-31"), ("2026-02-01", "2026-02-28")),
        (ImpactPeriod.MONTH, date(2026, 1, 15), ("2026-01-01", "2026-01-31"), ("2025-12-01", "2025-12-31")),
        (ImpactPeriod.QUARTER, date(2026, 2, 14), ("2026-01-01", "2026-03-31"), ("2025-10-01", "2025-12-31")),
        (ImpactPeriod.QUARTER, date(2026, 12, 31), ("2026-10-01", "2026-12-31"), ("2026-07-01", "2026-09-30")),
        (ImpactPeriod.YEAR, date(2028, 2, 29), ("2028-01-01", "2028-12-31"), ("2027-01-01", "2027-12-31")),
    ],
)
def test_an_impact_period_is_the_whole_one_holding_today_beside_the_one_before(
    kind: ImpactPeriod, today: date, current: tuple[str, str], previous: tuple[str, str]
) -> None:
    this, before = impact_periods(kind, today, "Europe/Paris")

    assert (this.first_day.isoformat(), this.last_day.isoformat()) == current
    assert (before.first_day.isoformat(), before.last_day.isoformat()) == previous
    assert before.end == this.start  # back to back, nothing counted twice or missed


def test_a_paris_day_across_the_october_change_lasts_25_hours_of_utc() -> None:
    day = Period(first_day=date(2026, 10, 25), last_day=date(2026, 10, 25), time_zone="Europe/Paris")

    assert (day.first_hour, day.end_hour) == (
        datetime(2026, 10, 24, 22, tzinfo=UTC),
        datetime(2026, 10, 25, 23, tzinfo=UTC),
    )


def test_a_kolkata_day_starts_at_the_utc_hour_that_holds_its_midnight() -> None:
    day = Period(first_day=date(2026, 3, 2), last_day=date(2026, 3, 2), time_zone="Asia/Kolkata")

    assert day.start == datetime(2026, 3, 1, 18, 30, tzinfo=UTC)
    assert (day.first_hour, day.end_hour) == (
        datetime(2026, 3, 1, 18, tzinfo=UTC),
        datetime(2026, 3, 2, 18, tzinfo=UTC),
    )


def _report(*clicks: int | None) -> MetricsReport:
    period = Period(first_day=date(2026, 3, 1), last_day=date(2026, 3, 31), time_zone="UTC")
    query = MetricsQuery(period=period, kpis=(Kpi.CLICKS,), group_by=Grouping.CONTENT)
    rows = [MetricRow(key=f"c{n}", label=None, values={Kpi.CLICKS: value}) for n, value in enumerate(clicks)]
    return MetricsReport(period=period, kpis=query.kpis, group_by=query.group_by, currency="EUR", totals={}, rows=rows)


def test_equal_values_share_a_rank_and_the_next_skips() -> None:
    top = top_list(_report(9, 5, 5, 5, 2), Grouping.CONTENT, Kpi.CLICKS)

    assert [(entry.rank, entry.row.key) for entry in top.rows] == [
        (1, "c0"),
        (2, "c1"),
        (2, "c2"),
        (2, "c3"),
        (5, "c4"),
    ]


def test_a_row_without_a_value_of_the_ranking_kpi_is_no_contender() -> None:
    top = top_list(_report(3, None), Grouping.CONTENT, Kpi.CLICKS)

    assert [entry.row.key for entry in top.rows] == ["c0"]


def test_what_the_roster_and_the_ledger_cannot_break_down_is_never_offered() -> None:
    assert Grouping.CONTENT not in breakdowns(Kpi.ENROLLED_AMBASSADORS)
    assert Grouping.NETWORK not in breakdowns(Kpi.POINTS_AWARDED)
    assert breakdowns(Kpi.ROI) == {Grouping.DAY, Grouping.WEEK, Grouping.MONTH}
    assert breakdowns(Kpi.SHARE_FREQUENCY) == set(Grouping)


def kpi_line(kpi: Kpi) -> str:
    """The KPI's line in the table of docs/metrics.md, as its definition and sources say it."""
    groupings = breakdowns(kpi)
    named = "every grouping" if groupings == set(Grouping) else ", ".join(g.value for g in Grouping if g in groupings)
    return f"| `{kpi.value}` | {DEFINITIONS[kpi].unit.value} | {named} | {DEFINITIONS[kpi].description} |"


def test_the_metrics_page_documents_every_kpi_as_the_code_defines_it() -> None:
    units = "|".join(unit.value for unit in Unit)
    documented = re.findall(rf"^\| `[a-z_]+` \| (?:{units}) \| .*$", DOCS.read_text(), re.MULTILINE)
    expected = [kpi_line(kpi) for kpi in Kpi]

    assert documented == expected, "Replace the KPI table of docs/metrics.md with:\n" + "\n".join(expected)
