"""A metrics read's answer: the KPIs' totals over the period and, per group, the same KPIs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain.metrics.figures import Basis
from app.domain.metrics.kpis import Kpi, value_of
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.domain.metrics.valuation import Valuation

Value = int | float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricRow:
    key: str
    label: str | None
    values: Mapping[Kpi, Value]


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsReport:
    period: Period
    kpis: tuple[Kpi, ...]
    group_by: Grouping | None
    currency: str
    totals: Mapping[Kpi, Value]
    rows: Sequence[MetricRow]


def values(kpis: Sequence[Kpi], basis: Basis, valuation: Valuation) -> dict[Kpi, Value]:
    return {kpi: value_of(kpi, basis, valuation) for kpi in kpis}


def build_report(
    query: MetricsQuery,
    totals: Basis,
    rows: Sequence[tuple[str, str | None, Basis]],
    valuation: Valuation,
    *,
    sort: Kpi | None = None,
    limit: int | None = None,
) -> MetricsReport:
    """Rows in the order of their keys (time buckets chronologically), or by ``sort`` from the highest
    value (rows without one last, then by key); at most ``limit`` of them."""
    made = [MetricRow(key=key, label=label, values=values(query.kpis, basis, valuation)) for key, label, basis in rows]
    made.sort(key=lambda row: row.key)
    if sort is not None:
        made.sort(key=lambda row: (row.values.get(sort) is None, -(row.values.get(sort) or 0)))
    return MetricsReport(
        period=query.period,
        kpis=query.kpis,
        group_by=query.group_by,
        currency=valuation.currency,
        totals=values(query.kpis, totals, valuation),
        rows=made[:limit] if limit is not None else made,
    )
