"""Read the programme's KPIs over a period, in total and by group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from zoneinfo import ZoneInfo

from app.domain.errors import FieldError, Forbidden, ValidationFailed
from app.domain.messages import Message
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import MAX_PERIOD_DAYS, Grouping, MetricsQuery, Period
from app.domain.metrics.report import MetricsReport, build_report
from app.domain.metrics.scopes import ManagerMetricsScope
from app.domain.programme.settings import ProgrammeSettings
from app.domain.rewards.periods import known_zones
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import MetricsReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory
from app.services.base import UseCase

METRIC_READERS = frozenset({Role.ADMIN, Role.MANAGER, Role.ANALYST})
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
    record names it). Rows come from the rollups, in as few statements as the KPIs need."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, reader: MetricsReader) -> None:
        super().__init__(uow, clock, ids)
        self._reader = reader

    async def __call__(self, principal: Principal, request: MetricsRequest) -> MetricsReport:
        principal.require_any(METRIC_READERS)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await self.department_of(principal, settings, uow)
        query, sort = self.query(request, settings, department)
        bases = await self._reader.bases(tenant_id, query)
        rows = [(group.key, group.label, basis) for group, basis in bases.rows]
        return build_report(query, bases.totals, rows, settings.valuation(), sort=sort, limit=request.limit)

    def query(
        self, request: MetricsRequest, settings: ProgrammeSettings, department: str | None = None
    ) -> tuple[MetricsQuery, Kpi | None]:
        """The checked query, or ``ValidationFailed`` listing every bad parameter."""
        errors: list[FieldError] = []
        kpis = tuple(dict.fromkeys(_choice(Kpi, name, "kpi", errors) for name in request.kpis)) or DEFAULT_KPIS
        group_by = _choice(Grouping, request.group_by, "group_by", errors) if request.group_by else None
        sort = _choice(Kpi, request.sort, "sort", errors) if request.sort else None
        time_zone = request.time_zone or settings.time_zone
        if time_zone not in known_zones():
            errors.append(FieldError(("query", "tz"), "Name an IANA time zone, such as Europe/Paris or UTC."))
            time_zone = "UTC"
        today = self._clock.now().astimezone(_zone(time_zone)).date()
        last_day = request.last_day or today
        first_day = request.first_day or min(last_day, today).replace(day=1)
        if first_day > last_day:
            errors.append(FieldError(("query", "from"), "The period must start on or before its last day (to)."))
        elif (last_day - first_day).days + 1 > MAX_PERIOD_DAYS:
            errors.append(
                FieldError(
                    ("query", "to"),
                    Message("A period covers at most {days} days; read a longer one in parts.", days=MAX_PERIOD_DAYS),
                )
            )
        if request.limit is not None and not 1 <= request.limit <= MAX_ROWS:
            errors.append(FieldError(("query", "limit"), Message("Give 1 to {most} rows.", most=MAX_ROWS)))
        if errors:
            raise ValidationFailed("The metrics query is not valid.", errors)
        if sort is not None and sort not in kpis:
            kpis = (*kpis, sort)
        period = Period(first_day=first_day, last_day=last_day, time_zone=time_zone)
        return MetricsQuery(period=period, kpis=kpis, group_by=group_by, department=department), sort

    @staticmethod
    async def department_of(principal: Principal, settings: ProgrammeSettings, uow: UnitOfWork) -> str | None:
        if settings.manager_metrics_scope is ManagerMetricsScope.PROGRAMME:
            return None
        if principal.roles & {Role.ADMIN, Role.ANALYST}:
            return None
        employee = await uow.employees.find_by_subject(principal.subject)
        if employee is None or not employee.profile.department:
            raise Forbidden(
                "Managers read the metrics of their own department, and no department is on your employee record."
            )
        return employee.profile.department


Choice = TypeVar("Choice", Kpi, Grouping)


def _choice(kind: type[Choice], name: str, parameter: str, errors: list[FieldError]) -> Choice:
    """``name`` as a member of ``kind``; else an error naming every valid one (and the first member)."""
    try:
        return kind(name)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        errors.append(
            FieldError(
                ("query", parameter), Message("Not known: {name}. Use one of: {choices}.", name=name, choices=choices)
            )
        )
        return next(iter(kind))


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)
