"""Export the programme's rows as tables a spreadsheet opens: the metrics as read, and the shares,
conversions, points ledger and leaderboards row by row, streamed from the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.errors import FieldError, NotFound, ValidationFailed
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Period
from app.domain.metrics.report import MetricsReport
from app.domain.rewards.periods import PeriodKind, period_start
from app.domain.roster.identity import Principal, Role
from app.ports.metrics import (
    Cell,
    ConversionExportQuery,
    ExportTable,
    LeaderboardExportQuery,
    MetricExports,
    PointsExportQuery,
    Rows,
    ShareExportQuery,
    ShareTime,
)
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase
from app.services.metrics.read_checks import department_of
from app.services.metrics.read_metrics import METRIC_READERS, MetricsRequest, ReadMetrics

EXPORTERS = METRIC_READERS
# The ledger names every entry of every ambassador, with the admins' reasons: not a manager's read.
LEDGER_READERS = frozenset({Role.ADMIN, Role.ANALYST})
TOTALS_KEY = "total"


@dataclass(frozen=True, slots=True, kw_only=True)
class Export:
    """An export's file name (without extension) and its table."""

    name: str
    table: ExportTable


@dataclass(frozen=True, slots=True, kw_only=True)
class PeriodRequest:
    """Local days in ``time_zone`` (the programme's by default), checked as a metrics read checks them;
    without days, the current month up to today."""

    first_day: date | None = None
    last_day: date | None = None
    time_zone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ShareExportRequest(PeriodRequest):
    on: ShareTime = ShareTime.CREATED
    figures: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class LeaderboardExportRequest:
    period: PeriodKind = PeriodKind.MONTH
    campaign_id: UUID | None = None


class _PeriodExport(UseCase):
    """Checks the caller and the period as a metrics read does, with the manager's department scope."""

    roles: frozenset[Role] = EXPORTERS

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, read_metrics: ReadMetrics, exports: MetricExports
    ) -> None:
        super().__init__(uow, clock, ids)
        self._read_metrics = read_metrics
        self._exports = exports

    async def _scope(self, principal: Principal, request: PeriodRequest) -> tuple[UUID, Period, str | None]:
        principal.require_any(self.roles)
        tenant_id = principal.require_tenant()
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await department_of(principal, settings, uow)
        metrics_request = MetricsRequest(
            first_day=request.first_day, last_day=request.last_day, time_zone=request.time_zone
        )
        query, _ = self._read_metrics.query(metrics_request, settings, department)
        return tenant_id, query.period, department


def _named(kind: str, period: Period) -> str:
    return f"{kind}-{period.first_day.isoformat()}-{period.last_day.isoformat()}"


class ExportShares(_PeriodExport):
    """Admins, managers and analysts export the shares created (or posted) in a period, oldest first:
    who shared which content of which campaign, on which network, its status, link and potential
    reach, and on request its engagement and clicks to date. A manager limited to their department
    exports their department's shares."""

    async def __call__(self, principal: Principal, request: ShareExportRequest) -> Export:
        tenant_id, period, department = await self._scope(principal, request)
        query = ShareExportQuery(period=period, on=request.on, figures=request.figures, department=department)
        return Export(name=_named("shares", period), table=self._exports.shares(tenant_id, query))


class ExportConversions(_PeriodExport):
    """Admins, managers and analysts export the conversions that occurred in a period, one row per share
    credited (a conversion attributed to no share has one row without). A manager limited to their
    department exports the credits of their department's ambassadors only."""

    async def __call__(self, principal: Principal, request: PeriodRequest) -> Export:
        tenant_id, period, department = await self._scope(principal, request)
        query = ConversionExportQuery(period=period, department=department)
        return Export(name=_named("conversions", period), table=self._exports.conversions(tenant_id, query))


class ExportPoints(_PeriodExport):
    """Admins and analysts export the points ledger: every entry recorded in the period, in the order
    it was recorded, with the rule, multiplier, cap and reason that explain it."""

    roles = LEDGER_READERS

    async def __call__(self, principal: Principal, request: PeriodRequest) -> Export:
        tenant_id, period, _ = await self._scope(principal, request)
        return Export(
            name=_named("points", period), table=self._exports.points(tenant_id, PointsExportQuery(period=period))
        )


class ExportLeaderboard(_PeriodExport):
    """Admins, managers and analysts export a whole board (the current week, month or quarter in the
    programme's time zone, all time, or a campaign's own period), ranked as the board ranks: members
    who chose to appear only. A manager limited to their department exports their department's
    members, ranked among themselves."""

    async def __call__(self, principal: Principal, request: LeaderboardExportRequest) -> Export:
        principal.require_any(self.roles)
        tenant_id = principal.require_tenant()
        campaign_board = request.period is PeriodKind.CAMPAIGN
        if campaign_board and request.campaign_id is None:
            raise ValidationFailed(
                "A campaign's board needs the campaign.",
                [FieldError(("query", "campaign_id"), "Name the campaign whose board to read.")],
            )
        if not campaign_board and request.campaign_id is not None:
            raise ValidationFailed(
                "A campaign was named for a board that is not a campaign's.",
                [FieldError(("query", "campaign_id"), "Use period=campaign, or leave campaign_id out.")],
            )
        async with self._uow(tenant_id) as uow:
            settings = await uow.settings.get()
            department = await department_of(principal, settings, uow)
            if request.campaign_id is not None and await uow.campaigns.get(request.campaign_id) is None:
                raise NotFound("campaign", request.campaign_id)
        now = self._clock.now()
        query = LeaderboardExportQuery(
            kind=request.period, at=now, campaign_id=request.campaign_id, department=department
        )
        if request.campaign_id is not None:
            name = f"leaderboard-campaign-{request.campaign_id}"
        elif request.period is PeriodKind.ALL_TIME:
            name = "leaderboard-all-time"
        else:
            name = f"leaderboard-{request.period.value}-{period_start(request.period, now, settings.time_zone)}"
        return Export(name=name, table=self._exports.leaderboard(tenant_id, query))


class ExportMetrics:
    """The metrics read as ``ReadMetrics`` reads them (the same parameters, roles and department scope),
    as a table: one line per row, in the read's order, then the totals."""

    def __init__(self, read_metrics: ReadMetrics) -> None:
        self._read_metrics = read_metrics

    async def __call__(self, principal: Principal, request: MetricsRequest) -> Export:
        report = await self._read_metrics(principal, request)
        name = _named("metrics", report.period)
        if report.group_by is not None:
            name += f"-by-{report.group_by.value}"
        columns = ("key", "label", *(kpi.value for kpi in report.kpis))
        return Export(name=name, table=ExportTable(columns=columns, rows=_report_rows(report)))


async def _report_rows(report: MetricsReport) -> Rows:
    kpis: Sequence[Kpi] = report.kpis
    for row in report.rows:
        yield (row.key, row.label, *(row.values.get(kpi) for kpi in kpis))
    totals: tuple[Cell, ...] = (TOTALS_KEY, None, *(report.totals.get(kpi) for kpi in kpis))
    yield totals
