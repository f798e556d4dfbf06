"""Read the top contents and the top ambassadors of a period, ranked by one KPI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from app.domain.errors import FieldError, ValidationFailed
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery
from app.domain.metrics.report import build_report
from app.domain.metrics.sources import broken_down_by
from app.domain.metrics.top_lists import DEFAULT_TOP_LIST, MAX_TOP_LIST, TOP_LIST_KPIS, TopList, top_list
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import MetricsReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.metrics.read_checks import METRIC_READERS, check_limit, checked_period, choice, department_of

TOP_LIST_READERS = METRIC_READERS | frozenset({Role.AMBASSADOR})
DEFAULT_RANKING = Kpi.CLICKS


@dataclass(frozen=True, slots=True, kw_only=True)
class TopListRequest:
    """Local days in the programme's time zone (the current month up to today without them), the KPI
    to rank by (as the caller spelt it) and how many entries."""

    first_day: date | None = None
    last_day: date | None = None
    kpi: str | None = None
    limit: int = DEFAULT_TOP_LIST


class _ReadTopList(UseCase):
    grouping: ClassVar[Grouping]

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, reader: MetricsReader) -> None:
        super().__init__(uow, clock, ids)
        self._reader = reader

    async def __call__(self, principal: Principal, request: TopListRequest) -> TopList:
        principal.require_any(TOP_LIST_READERS)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await department_of(principal, settings, uow)
        errors: list[FieldError] = []
        valid = broken_down_by(self.grouping)
        ranked_by = choice(Kpi, request.kpi, "kpi", errors, valid) if request.kpi else DEFAULT_RANKING
        period = checked_period(request.first_day, request.last_day, None, settings, self._clock.now(), errors)
        check_limit(request.limit, MAX_TOP_LIST, errors)
        if errors:
            raise ValidationFailed("The top list query is not valid.", errors)
        query = MetricsQuery(
            period=period,
            kpis=tuple(dict.fromkeys((ranked_by, *TOP_LIST_KPIS))),
            group_by=self.grouping,
            department=department,
            # Staff see everyone; whoever else reads a top list sees only the members shown on boards.
            visible_ambassadors_only=not principal.roles & METRIC_READERS,
        )
        bases = await self._reader.bases(tenant_id, query)
        rows = [(group.key, group.label, basis) for group, basis in bases.rows]
        report = build_report(query, bases.totals, rows, settings.valuation(), sort=ranked_by, limit=request.limit)
        return top_list(report, self.grouping, ranked_by)


class ReadTopContents(_ReadTopList):
    """The contents whose shares did best over the period, by one KPI (clicks unless named), the highest
    first, at most 50. Staff (admin, manager, analyst) count every share, a manager limited to their
    department that department's; an ambassador counts only the shares of members shown on boards
    (active, `leaderboard_visible`), so a list never reveals what a member chose to keep to themselves."""

    grouping = Grouping.CONTENT


class ReadTopAmbassadors(_ReadTopList):
    """The ambassadors who did best over the period, by one KPI (clicks unless named), the highest
    first, at most 50. Staff (admin, manager, analyst) see every member, a manager limited to their
    department that department's; an ambassador sees only members shown on boards (active,
    `leaderboard_visible`)."""

    grouping = Grouping.AMBASSADOR
