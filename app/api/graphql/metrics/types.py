"""GraphQL types of the metrics, with their mappers: the same reports REST answers, values as lists."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from uuid import UUID

import strawberry
from strawberry.relay import GlobalID

from app.api.graphql.global_ids import global_id
from app.api.graphql.metrics.enums import Grouping, ImpactPeriod, Kpi, Unit
from app.domain.metrics.impact import Impact as DomainImpact
from app.domain.metrics.queries import Period
from app.domain.metrics.report import MetricsReport as Report
from app.domain.metrics.report import Value
from app.domain.metrics.top_lists import TopList
from app.services.metrics.list_kpis import KpiEntry


@strawberry.type(description="One KPI's value.")
class KpiValue:
    kpi: Kpi = strawberry.field(description="The KPI.")
    value: float | None = strawberry.field(
        description="Its value: whole for counts and money (minor units), rounded to 4 decimals otherwise; null "
        "where the row's grouping cannot break it down or a ratio's denominator is zero."
    )


@strawberry.type(description="The local days a report covers, and the instants they span.")
class MetricsPeriod:
    first_day: date = strawberry.field(name="from", description="The first local day, included.")
    last_day: date = strawberry.field(name="to", description="The last local day, included.")
    time_zone: str = strawberry.field(description="The IANA time zone the days are cut in.")
    starts_at: datetime = strawberry.field(
        description="The first instant counted: the UTC hour holding the first day's midnight."
    )
    ends_at: datetime = strawberry.field(
        description="The instant after the last one counted: the UTC hour holding the midnight after the last day."
    )


@strawberry.type(description="One group's values.")
class MetricRow:
    key: str = strawberry.field(
        description="The group: a UUID (content, ambassador, campaign; `none` outside any campaign), a name (format, "
        "topic, network, department, location, language; `none` where there is none), or a bucket's first local day."
    )
    label: str | None = strawberry.field(description="A content's title, an ambassador's or a campaign's name.")
    values: list[KpiValue] = strawberry.field(description="The group's KPIs, in the order asked.")


@strawberry.type(description="The programme's KPIs over a period, in total and per group.")
class MetricsReport:
    period: MetricsPeriod = strawberry.field(description="The period read.")
    currency: str = strawberry.field(description="The ISO 4217 currency of every money KPI.")
    group_by: Grouping | None = strawberry.field(description="What the rows are grouped by; null without rows.")
    kpis: list[Kpi] = strawberry.field(description="The KPIs answered, in the order asked.")
    totals: list[KpiValue] = strawberry.field(description="The KPIs over the whole period.")
    rows: list[MetricRow] = strawberry.field(description="One per group, by `sort` (highest first), else by key.")


@strawberry.type(description="A KPI of the catalogue.")
class KpiDefinition:
    kpi: Kpi = strawberry.field(description="The KPI.")
    unit: Unit = strawberry.field(description="What its value counts.")
    description: str = strawberry.field(description="How it is computed.")
    groupings: list[Grouping] = strawberry.field(description="The groupings whose rows carry a value of it.")


@strawberry.type(description="A content and its figures over the period.")
class TopContent:
    rank: int = strawberry.field(description="Standard competition ranking: equal values share a rank (1, 1, 3).")
    content_id: GlobalID = strawberry.field(description="The content's `id`.")
    title: str | None = strawberry.field(description="Its title in its own language.")
    values: list[KpiValue] = strawberry.field(description="The KPI ranked by first, then the others shown.")


@strawberry.type(description="The contents whose shares did best, the highest first.")
class TopContents:
    period: MetricsPeriod = strawberry.field(description="The period read.")
    currency: str = strawberry.field(description="The ISO 4217 currency of every money KPI.")
    ranked_by: Kpi = strawberry.field(description="The KPI ranked by.")
    items: list[TopContent] = strawberry.field(description="The entries, at most `limit`.")


@strawberry.type(description="An ambassador and their figures over the period.")
class TopAmbassador:
    rank: int = strawberry.field(description="Standard competition ranking: equal values share a rank (1, 1, 3).")
    ambassador_id: GlobalID = strawberry.field(description="The member's `id`.")
    name: str | None = strawberry.field(description="Their given and family names.")
    values: list[KpiValue] = strawberry.field(description="The KPI ranked by first, then the others shown.")


@strawberry.type(description="The ambassadors who did best, the highest first.")
class TopAmbassadors:
    period: MetricsPeriod = strawberry.field(description="The period read.")
    currency: str = strawberry.field(description="The ISO 4217 currency of every money KPI.")
    ranked_by: Kpi = strawberry.field(description="The KPI ranked by.")
    items: list[TopAmbassador] = strawberry.field(description="The entries, at most `limit`.")


@strawberry.type(description="A whole number over this period and the one before.")
class ImpactCount:
    current: int = strawberry.field(description="Over the current period.")
    previous: int = strawberry.field(description="Over the whole period before it.")


@strawberry.type(
    description="Conversions credited over this period and the one before (fractions under a linear model)."
)
class ImpactCredit:
    current: float = strawberry.field(description="Over the current period.")
    previous: float = strawberry.field(description="Over the whole period before it.")


@strawberry.type(description="A rank on the programme's board of each period; null where there is none (a year).")
class ImpactRank:
    current: int | None = strawberry.field(description="In the current period.")
    previous: int | None = strawberry.field(description="In the period before it.")


@strawberry.type(description="Your own figures over the current period, each beside the whole period before.")
class Impact:
    period: ImpactPeriod = strawberry.field(description="The kind of period.")
    current_period: MetricsPeriod = strawberry.field(description="The current period, whole (days to come included).")
    previous_period: MetricsPeriod = strawberry.field(description="The whole period before it.")
    potential_reach: ImpactCount = strawberry.field(description="The audience of each share you posted, summed.")
    impressions: ImpactCount = strawberry.field(description="Impressions of the shares you posted.")
    engagement: ImpactCount = strawberry.field(description="Reactions, comments and reshares of your shares.")
    clicks: ImpactCount = strawberry.field(description="Counted clicks on your links.")
    unique_visitors: ImpactCount = strawberry.field(description="Visitors your links brought, each once a day.")
    leads: ImpactCredit = strawberry.field(description="Leads credited to your shares.")
    job_applications: ImpactCredit = strawberry.field(description="Job applications credited to your shares.")
    hires: ImpactCredit = strawberry.field(description="Hires credited to your shares.")
    points_awarded: ImpactCount = strawberry.field(description="Points awarded to you, less those reversed.")
    rank: ImpactRank = strawberry.field(description="Your rank on the programme's board of the period.")
    badges_earned: ImpactCount = strawberry.field(description="Badges you earned.")
    audience_growth: ImpactCount = strawberry.field(description="How much your connected accounts' audience grew.")


def period_node(period: Period) -> MetricsPeriod:
    return MetricsPeriod(
        first_day=period.first_day,
        last_day=period.last_day,
        time_zone=period.time_zone,
        starts_at=period.first_hour,
        ends_at=period.end_hour,
    )


def kpi_values(values: Mapping[Kpi, Value]) -> list[KpiValue]:
    return [KpiValue(kpi=kpi, value=value) for kpi, value in values.items()]


def report_node(report: Report) -> MetricsReport:
    return MetricsReport(
        period=period_node(report.period),
        currency=report.currency,
        group_by=report.group_by,
        kpis=list(report.kpis),
        totals=kpi_values(report.totals),
        rows=[MetricRow(key=row.key, label=row.label, values=kpi_values(row.values)) for row in report.rows],
    )


def kpi_definition_node(entry: KpiEntry) -> KpiDefinition:
    return KpiDefinition(kpi=entry.kpi, unit=entry.unit, description=entry.description, groupings=list(entry.groupings))


def top_contents_node(top: TopList) -> TopContents:
    return TopContents(
        period=period_node(top.period),
        currency=top.currency,
        ranked_by=top.ranked_by,
        items=[
            TopContent(
                rank=entry.rank,
                content_id=global_id("Content", UUID(entry.row.key)),
                title=entry.row.label,
                values=kpi_values(entry.row.values),
            )
            for entry in top.rows
        ],
    )


def top_ambassadors_node(top: TopList) -> TopAmbassadors:
    return TopAmbassadors(
        period=period_node(top.period),
        currency=top.currency,
        ranked_by=top.ranked_by,
        items=[
            TopAmbassador(
                rank=entry.rank,
                ambassador_id=global_id("Ambassador", UUID(entry.row.key)),
                name=entry.row.label,
                values=kpi_values(entry.row.values),
            )
            for entry in top.rows
        ],
    )


def _count(kpi: Kpi, impact: DomainImpact) -> ImpactCount:
    current, previous = impact.current.values.get(kpi), impact.previous.values.get(kpi)
    return ImpactCount(current=int(current or 0), previous=int(previous or 0))


def _credit(kpi: Kpi, impact: DomainImpact) -> ImpactCredit:
    current, previous = impact.current.values.get(kpi), impact.previous.values.get(kpi)
    return ImpactCredit(current=float(current or 0), previous=float(previous or 0))


def impact_node(impact: DomainImpact) -> Impact:
    current, previous = impact.current, impact.previous
    return Impact(
        period=impact.kind,
        current_period=period_node(current.period),
        previous_period=period_node(previous.period),
        potential_reach=_count(Kpi.POTENTIAL_REACH, impact),
        impressions=_count(Kpi.IMPRESSIONS, impact),
        engagement=_count(Kpi.ENGAGEMENT, impact),
        clicks=_count(Kpi.CLICKS, impact),
        unique_visitors=_count(Kpi.UNIQUE_VISITORS, impact),
        leads=_credit(Kpi.LEADS, impact),
        job_applications=_credit(Kpi.JOB_APPLICATIONS, impact),
        hires=_credit(Kpi.HIRES, impact),
        points_awarded=_count(Kpi.POINTS_AWARDED, impact),
        rank=ImpactRank(current=current.rank, previous=previous.rank),
        badges_earned=ImpactCount(current=current.badges_earned, previous=previous.badges_earned),
        audience_growth=ImpactCount(current=current.audience_growth, previous=previous.audience_growth),
    )
