"""Read the programme's KPIs over a period, in total and by group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.errors import FieldError, ValidationFailed
from app.domain.messages import Message
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery
from app.domain.metrics.report import MetricsReport, build_report
from app.domain.metrics.sources import breakdowns
from app.domain.programme.settings import ProgrammeSettings
from app.domain.roster.identity import Principal
from app.ports.metrics import MetricsReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.metrics.read_checks import METRIC_READERS, check_limit, checked_period, choice, department_of

__all__ = ["METRIC_READERS", "MetricsRequest", "ReadMetrics"]

# Without a KPI named, a read answers these.
DEFAULT_KPIS = (
    Kpi.ACTIVE_AMBASSADORS,
    Kpi.POSTED_SHARES,
    Kpi.POTENTIAL_REACH,
    Kpi.IMPRESSIONS,
    Kpi.ENGAGEMENT,
    Kpi.CLICKS,
    Kpi.CONVERSIONS,
    Kpi.EARNED_MEDIA_VALUE,
)
MAX_ROWS = 1000


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsRequest:
    """Texts as the caller gave them: each is checked here, and refused naming the valid choices.
    Without days, the period is the current month up to today, in ``time_zone`` (the programme's
    by default)."""

    first_day: date | None = None
    last_day: date | None = None
    kpis: tuple[str, ...] = ()
    group_by: str | None = None
    time_zone: str | None = None
    sort: str | None = None
    limit: int | None = None


class ReadMetrics(UseCase):
    """Analysts, managers and admins read the programme's metrics; a manager whose programme limits
    managers to their department reads their department's ambassadors only (their own employee
    record names it). Rows come from the rollups, in as few statements as the KPIs need: the same
    number however many rows there are."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, reader: MetricsReader) -> None:
        super().__init__(uow, clock, ids)
        self._reader = reader

    async def __call__(self, principal: Principal, request: MetricsRequest) -> MetricsReport:
        principal.require_any(METRIC_READERS)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await department_of(principal, settings, uow)
        query, sort = self.query(request, settings, department)
        bases = await self._reader.bases(tenant_id, query)
        rows = [(group.key, group.label, basis) for group, basis in bases.rows]
        return build_report(query, bases.totals, rows, settings.valuation(), sort=sort, limit=request.limit)

    def query(
        self, request: MetricsRequest, settings: ProgrammeSettings, department: str | None = None
    ) -> tuple[MetricsQuery, Kpi | None]:
        """The checked query, or ``ValidationFailed`` listing every bad parameter."""
        errors: list[FieldError] = []
        kpis = tuple(dict.fromkeys(choice(Kpi, name, "kpi", errors) for name in request.kpis)) or DEFAULT_KPIS
        group_by = choice(Grouping, request.group_by, "group_by", errors) if request.group_by else None
        sort = choice(Kpi, request.sort, "sort", errors) if request.sort else None
        if sort is not None and group_by is not None and group_by not in breakdowns(sort):
            errors.append(
                FieldError(
                    ("query", "sort"),
                    Message(
                        "Rows by {grouping} have no {kpi} to sort by: sort by a KPI they break down "
                        "(the KPI catalogue lists them).",
                        grouping=group_by.value,
                        kpi=sort.value,
                    ),
                )
            )
        period = checked_period(
            request.first_day, request.last_day, request.time_zone, settings, self._clock.now(), errors
        )
        check_limit(request.limit, MAX_ROWS, errors)
        if errors:
            raise ValidationFailed("The metrics query is not valid.", errors)
        if sort is not None and sort not in kpis:
            kpis = (*kpis, sort)
        return MetricsQuery(period=period, kpis=kpis, group_by=group_by, department=department), sort
