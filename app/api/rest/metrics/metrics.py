"""/v1/metrics: the programme's KPIs over a period, the KPI catalogue, and the top lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import StringConstraints

from app.api import problem_types as problem
from app.api.rest.deps import PrincipalDep, ServicesDep
from app.api.rest.instants import Day
from app.api.rest.metrics.mappers import kpis_out, metrics_out, top_ambassadors_out, top_contents_out
from app.api.rest.metrics.schemas import KpisOut, MetricsOut, TopAmbassadorsOut, TopContentsOut
from app.api.rest.openapi import problems
from app.api.rest.operations import OperationRoute, allowed
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping
from app.domain.metrics.top_lists import DEFAULT_TOP_LIST, MAX_TOP_LIST
from app.services.metrics.read_checks import METRIC_READERS
from app.services.metrics.read_metrics import MAX_ROWS, MetricsRequest
from app.services.metrics.read_top_lists import TopListRequest

router = APIRouter(prefix="/v1/metrics", tags=["metrics"], route_class=OperationRoute)

FromQuery = Annotated[
    Day | None,
    Query(
        alias="from",
        description="The first local day (`2025-03-01`), included; the first of the month of `to` by default.",
    ),
]
ToQuery = Annotated[Day | None, Query(alias="to", description="The last local day, included; today by default.")]
KPI_NAMES = ", ".join(f"`{kpi.value}`" for kpi in Kpi)
# At most one of each KPI, comma-separated: no list is ever longer.
MAX_KPI_TEXT = sum(len(kpi.value) + 1 for kpi in Kpi)


def _names(texts: list[str] | None) -> tuple[str, ...]:
    """``kpi=a&kpi=b`` and ``kpi=a,b`` alike; empty names are dropped."""
    return tuple(name.strip() for text in texts or () for name in text.split(",") if name.strip())


@router.get(
    "",
    dependencies=[allowed(METRIC_READERS)],
    summary="Read the programme's metrics",
    responses=problems(problem.FORBIDDEN),
    response_model_exclude_unset=True,
)
async def read_metrics(
    principal: PrincipalDep,
    services: ServicesDep,
    first_day: FromQuery = None,
    last_day: ToQuery = None,
    kpi: Annotated[
        list[Annotated[str, StringConstraints(max_length=MAX_KPI_TEXT)]] | None,
        Query(
            max_length=len(Kpi),
            description=f"The KPIs to answer, repeated (`kpi=clicks&kpi=leads`) or comma-separated "
            f"(`kpi=clicks,leads`); eight headline KPIs by default. One of: {KPI_NAMES}.",
        ),
    ] = None,
    group_by: Annotated[
        Grouping | None,
        Query(
            description="Rows per content, format, topic, ambassador, campaign, network, department, location, "
            "language, or per local day, week (from Monday) or month; totals only by default."
        ),
    ] = None,
    tz: Annotated[
        str | None,
        Query(max_length=64, description="The IANA time zone the days are cut in; the programme's by default."),
    ] = None,
    sort: Annotated[
        Kpi | None, Query(description="Rows by this KPI, highest first (rows without a value last); by key otherwise.")
    ] = None,
    limit: Annotated[
        int | None, Query(ge=1, le=MAX_ROWS, description="At most this many rows; all by default.")
    ] = None,
) -> MetricsOut:
    """The programme's KPIs over local days (at most three years) in a time zone, in total and, with
    `group_by`, per group (admin, manager, analyst; a manager whose programme sets
    `manager_metrics_scope` to `department` reads their own department's ambassadors only). Every
    figure comes from the hourly rollups the event worker keeps, so a read costs the same statements
    however many clicks or rows there are; a figure recorded a moment ago appears once the worker has
    filed it. A KPI a grouping cannot break down (a cost by content) is null in its rows. An unknown
    KPI, grouping or zone is refused naming the valid ones; `GET /v1/metrics/kpis` lists the KPIs."""
    request = MetricsRequest(
        first_day=first_day,
        last_day=last_day,
        kpis=_names(kpi),
        group_by=group_by.value if group_by else None,
        time_zone=tz,
        sort=sort.value if sort else None,
        limit=limit,
    )
    return metrics_out(await services.metrics.read_metrics(principal, request))


@router.get("/kpis", summary="List the KPIs")
async def list_kpis(principal: PrincipalDep, services: ServicesDep) -> KpisOut:
    """Every KPI with its unit, how it is computed and the groupings that break it down (staff and
    ambassadors): build KPI and grouping pickers from it."""
    return kpis_out(await services.metrics.list_kpis(principal))


RankQuery = Annotated[
    Kpi | None,
    Query(
        description="The KPI to rank by (clicks by default); one the grouping breaks down, as "
        "`GET /v1/metrics/kpis` lists them."
    ),
]
TopLimitQuery = Annotated[int, Query(ge=1, le=MAX_TOP_LIST, description="At most this many entries.")]


@router.get("/top-contents", summary="Read the top contents", response_model_exclude_unset=True)
async def read_top_contents(
    principal: PrincipalDep,
    services: ServicesDep,
    first_day: FromQuery = None,
    last_day: ToQuery = None,
    kpi: RankQuery = None,
    limit: TopLimitQuery = DEFAULT_TOP_LIST,
) -> TopContentsOut:
    """The contents whose shares did best over local days in the programme's time zone, ranked by one KPI,
    highest first (staff and ambassadors). Staff count every share (a manager limited to their
    department, that department's); an ambassador counts only the shares of members shown on boards
    (active, `leaderboard_visible`). Each entry carries the KPI ranked by, and its shares, reach,
    engagement, clicks and conversions; equal values share a rank."""
    request = TopListRequest(first_day=first_day, last_day=last_day, kpi=kpi.value if kpi else None, limit=limit)
    return top_contents_out(await services.metrics.read_top_contents(principal, request))


@router.get("/top-ambassadors", summary="Read the top ambassadors", response_model_exclude_unset=True)
async def read_top_ambassadors(
    principal: PrincipalDep,
    services: ServicesDep,
    first_day: FromQuery = None,
    last_day: ToQuery = None,
    kpi: RankQuery = None,
    limit: TopLimitQuery = DEFAULT_TOP_LIST,
) -> TopAmbassadorsOut:
    """The ambassadors who did best over local days in the programme's time zone, ranked by one KPI,
    highest first (staff and ambassadors). Staff see every member (a manager limited to their
    department, that department's); an ambassador sees only members shown on boards (active,
    `leaderboard_visible`). Each entry carries the KPI ranked by, and the member's shares, reach,
    engagement, clicks and conversions; equal values share a rank."""
    request = TopListRequest(first_day=first_day, last_day=last_day, kpi=kpi.value if kpi else None, limit=limit)
    return top_ambassadors_out(await services.metrics.read_top_ambassadors(principal, request))
