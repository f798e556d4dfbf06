"""GraphQL enums of the metrics: the domain's KPIs, groupings, units and impact periods."""

from __future__ import annotations

from app.api.graphql.enums import domain_enum
from app.domain.metrics.impact import ImpactPeriod
from app.domain.metrics.kpis import DEFINITIONS, Kpi, Unit
from app.domain.metrics.queries import Grouping

__all__ = ["Grouping", "ImpactPeriod", "Kpi", "Unit"]

domain_enum(
    Kpi,
    "A KPI of the programme (`metricKpis` says more of each).",
    {kpi: d.description for kpi, d in DEFINITIONS.items()},
)
domain_enum(
    Grouping,
    "What a report's rows are grouped by.",
    {
        Grouping.CONTENT: "One row per content shared.",
        Grouping.FORMAT: "One row per content format.",
        Grouping.TOPIC: "One row per topic (a content with several topics counts under each).",
        Grouping.AMBASSADOR: "One row per ambassador.",
        Grouping.CAMPAIGN: "One row per campaign (`none`: shares outside any campaign).",
        Grouping.NETWORK: "One row per social network.",
        Grouping.DEPARTMENT: "One row per department of the ambassadors (`none`: without one).",
        Grouping.LOCATION: "One row per location of the ambassadors (`none`: without one).",
        Grouping.LANGUAGE: "One row per language shared in.",
        Grouping.DAY: "One row per local day.",
        Grouping.WEEK: "One row per local week, from Monday.",
        Grouping.MONTH: "One row per local month.",
    },
    name="MetricsGrouping",
)
domain_enum(
    Unit,
    "What a KPI's value counts.",
    {
        Unit.COUNT: "A whole number.",
        Unit.CREDIT: "Conversions: a fraction of one when a linear model splits one among shares.",
        Unit.RATIO: "A ratio.",
        Unit.MONEY: "Whole minor units (cents) of the report's currency.",
        Unit.PER_WEEK: "A number per week.",
    },
    name="KpiUnit",
)
domain_enum(
    ImpactPeriod,
    "The period an ambassador's impact covers, in the programme's time zone.",
    {
        ImpactPeriod.WEEK: "This week, from Monday.",
        ImpactPeriod.MONTH: "This month.",
        ImpactPeriod.QUARTER: "This quarter.",
        ImpactPeriod.YEAR: "This year.",
    },
)
