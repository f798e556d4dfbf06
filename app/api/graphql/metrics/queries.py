"""GraphQL entry points of the metrics: the same use cases and numbers as REST. A role that may not
read gives a top-level error coded ``forbidden``; a bad argument one coded ``validation-failed``
whose ``fieldErrors`` name the valid choices."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from app.api.graphql import fields as described
from app.api.graphql.arguments import After, First
from app.api.graphql.connections import Connection, connection, page_request
from app.api.graphql.context import GraphQLContext
from app.api.graphql.metrics.cohort_types import MetricCohort, cohort_node
from app.api.graphql.metrics.enums import Grouping, Kpi
from app.api.graphql.metrics.types import (
    KpiDefinition,
    MetricsReport,
    TopAmbassadors,
    TopContents,
    kpi_definition_node,
    report_node,
    top_ambassadors_node,
    top_contents_node,
)
from app.domain.metrics.top_lists import DEFAULT_TOP_LIST
from app.ports.pagination import DEFAULT_LIMIT
from app.services.metrics.read_metrics import MetricsRequest
from app.services.metrics.read_top_lists import TopListRequest

Info = strawberry.Info[GraphQLContext, None]
FirstDay = Annotated[
    date | None,
    strawberry.argument(name="from", description="The first local day, included; the first of the month by default."),
]
LastDay = Annotated[date | None, strawberry.argument(name="to", description="The last local day; today by default.")]
RankedBy = Annotated[Kpi | None, strawberry.argument(description="The KPI to rank by (CLICKS by default).")]
TopLimit = Annotated[int, strawberry.argument(description="At most this many entries (1 to 50).")]


@strawberry.type
class MetricQuery:
    @described.field(
        "The programme's KPIs over local days (at most three years), in total and per group (admin, manager, "
        "analyst; a manager may be limited to their department). The same numbers as REST's `GET /v1/metrics`."
    )
    async def metrics(
        self,
        info: Info,
        first_day: FirstDay = None,
        last_day: LastDay = None,
        kpis: Annotated[
            list[Kpi] | None, strawberry.argument(description="The KPIs to answer; eight headline KPIs by default.")
        ] = None,
        group_by: Annotated[
            Grouping | None, strawberry.argument(description="What the rows are grouped by; totals only without.")
        ] = None,
        tz: Annotated[
            str | None, strawberry.argument(description="The IANA time zone of the days; the programme's by default.")
        ] = None,
        sort: Annotated[
            Kpi | None, strawberry.argument(description="Rows by this KPI, highest first; by key otherwise.")
        ] = None,
        limit: Annotated[int | None, strawberry.argument(description="At most this many rows (1 to 1000).")] = None,
    ) -> MetricsReport:
        request = MetricsRequest(
            first_day=first_day,
            last_day=last_day,
            kpis=tuple(kpi.value for kpi in kpis or ()),
            group_by=group_by.value if group_by else None,
            time_zone=tz,
            sort=sort.value if sort else None,
            limit=limit,
        )
        context = info.context
        return report_node(await context.services.metrics.read_metrics(context.principal, request))

    @described.field("Every KPI with its unit, how it is computed and the groupings that break it down.")
    async def metric_kpis(self, info: Info) -> list[KpiDefinition]:
        context = info.context
        return [kpi_definition_node(entry) for entry in await context.services.metrics.list_kpis(context.principal)]

    @described.field(
        "The contents whose shares did best over local days in the programme's time zone, ranked by one KPI (staff "
        "and ambassadors; an ambassador counts only the shares of members shown on boards)."
    )
    async def top_contents(
        self,
        info: Info,
        first_day: FirstDay = None,
        last_day: LastDay = None,
        kpi: RankedBy = None,
        limit: TopLimit = DEFAULT_TOP_LIST,
    ) -> TopContents:
        request = TopListRequest(first_day=first_day, last_day=last_day, kpi=kpi.value if kpi else None, limit=limit)
        context = info.context
        return top_contents_node(await context.services.metrics.read_top_contents(context.principal, request))

    @described.field(
        "The ambassadors who did best over local days in the programme's time zone, ranked by one KPI (staff see "
        "every member; an ambassador only members shown on boards)."
    )
    async def top_ambassadors(
        self,
        info: Info,
        first_day: FirstDay = None,
        last_day: LastDay = None,
        kpi: RankedBy = None,
        limit: TopLimit = DEFAULT_TOP_LIST,
    ) -> TopAmbassadors:
        request = TopListRequest(first_day=first_day, last_day=last_day, kpi=kpi.value if kpi else None, limit=limit)
        context = info.context
        return top_ambassadors_node(await context.services.metrics.read_top_ambassadors(context.principal, request))

    @described.field(
        "The invitation waves as cohorts, newest first, each with its funnel as of now and the conversion from "
        "each stage to the next (admin, manager, analyst). The same numbers as REST's `GET /v1/metrics/cohorts`."
    )
    async def metric_cohorts(
        self, info: Info, first: First = DEFAULT_LIMIT, after: After = None
    ) -> Connection[MetricCohort]:
        page = page_request(first, after)
        context = info.context
        return connection(await context.services.metrics.read_cohorts(context.principal, page), cohort_node, page)
