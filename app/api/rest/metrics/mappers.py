"""From the metrics' domain answers to their REST bodies."""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from app.api.rest.metrics.impact_schemas import ImpactCountOut, ImpactCreditOut, ImpactOut, ImpactRankOut
from app.api.rest.metrics.schemas import (
    KpiOut,
    KpisOut,
    KpiValues,
    MetricRowOut,
    MetricsOut,
    MetricsPeriodOut,
    TopAmbassadorOut,
    TopAmbassadorsOut,
    TopContentOut,
    TopContentsOut,
)
from app.domain.metrics.impact import Impact
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Period
from app.domain.metrics.report import MetricsReport, Value
from app.domain.metrics.top_lists import TopList
from app.services.metrics.list_kpis import KpiEntry


def period_out(period: Period) -> MetricsPeriodOut:
    return MetricsPeriodOut(
        first_day=period.first_day,
        last_day=period.last_day,
        time_zone=period.time_zone,
        starts_at=period.first_hour,
        ends_at=period.end_hour,
    )


def kpi_values(values: Mapping[Kpi, Value]) -> KpiValues:
    """Only the KPIs asked for are set (and so present in the answer)."""
    return KpiValues(**{kpi.value: value for kpi, value in values.items()})


def metrics_out(report: MetricsReport) -> MetricsOut:
    return MetricsOut(
        period=period_out(report.period),
        currency=report.currency,
        group_by=report.group_by,
        kpis=list(report.kpis),
        totals=kpi_values(report.totals),
        rows=[MetricRowOut(key=row.key, label=row.label, values=kpi_values(row.values)) for row in report.rows],
    )


def kpis_out(entries: list[KpiEntry]) -> KpisOut:
    return KpisOut(
        items=[
            KpiOut(name=entry.kpi, unit=entry.unit, description=entry.description, groupings=list(entry.groupings))
            for entry in entries
        ]
    )


def top_contents_out(top: TopList) -> TopContentsOut:
    return TopContentsOut(
        period=period_out(top.period),
        currency=top.currency,
        ranked_by=top.ranked_by,
        items=[
            TopContentOut(
                rank=entry.rank,
                content_id=UUID(entry.row.key),
                title=entry.row.label,
                values=kpi_values(entry.row.values),
            )
            for entry in top.rows
        ],
    )


def top_ambassadors_out(top: TopList) -> TopAmbassadorsOut:
    return TopAmbassadorsOut(
        period=period_out(top.period),
        currency=top.currency,
        ranked_by=top.ranked_by,
        items=[
            TopAmbassadorOut(
                rank=entry.rank,
                ambassador_id=UUID(entry.row.key),
                name=entry.row.label,
                values=kpi_values(entry.row.values),
            )
            for entry in top.rows
        ],
    )


def _count(kpi: Kpi, impact: Impact) -> ImpactCountOut:
    return ImpactCountOut(
        current=int(impact.current.values.get(kpi) or 0), previous=int(impact.previous.values.get(kpi) or 0)
    )


def _credit(kpi: Kpi, impact: Impact) -> ImpactCreditOut:
    return ImpactCreditOut(
        current=float(impact.current.values.get(kpi) or 0), previous=float(impact.previous.values.get(kpi) or 0)
    )


def impact_out(impact: Impact) -> ImpactOut:
    current, previous = impact.current, impact.previous
    return ImpactOut(
        period=impact.kind,
        current_period=period_out(current.period),
        previous_period=period_out(previous.period),
        potential_reach=_count(Kpi.POTENTIAL_REACH, impact),
        impressions=_count(Kpi.IMPRESSIONS, impact),
        engagement=_count(Kpi.ENGAGEMENT, impact),
        clicks=_count(Kpi.CLICKS, impact),
        unique_visitors=_count(Kpi.UNIQUE_VISITORS, impact),
        leads=_credit(Kpi.LEADS, impact),
        job_applications=_credit(Kpi.JOB_APPLICATIONS, impact),
        hires=_credit(Kpi.HIRES, impact),
        points_awarded=_count(Kpi.POINTS_AWARDED, impact),
        rank=ImpactRankOut(current=current.rank, previous=previous.rank),
        badges_earned=ImpactCountOut(current=current.badges_earned, previous=previous.badges_earned),
        audience_growth=ImpactCountOut(current=current.audience_growth, previous=previous.audience_growth),
    )
