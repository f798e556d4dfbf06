"""The metric resource's use cases and the worker's rollups, built for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.metrics import MetricExports, MetricRollups, MetricsReader
from app.ports.recognition import LeaderboardReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.handlers import EventHandlers
from app.services.metrics.exports import (
    ExportConversions,
    ExportLeaderboard,
    ExportMetrics,
    ExportPoints,
    ExportShares,
)
from app.services.metrics.list_kpis import ListKpis
from app.services.metrics.manage_costs import DeleteCost, GetCost, ListCosts, RecordCost, UpdateCost
from app.services.metrics.programme_report import ReadProgrammeReport
from app.services.metrics.read_cohorts import ReadCohorts
from app.services.metrics.read_impact import ReadImpact
from app.services.metrics.read_metrics import ReadMetrics
from app.services.metrics.read_top_lists import ReadTopAmbassadors, ReadTopContents
from app.services.metrics.rollups import RollUpMetrics


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsUseCases:
    read_metrics: ReadMetrics
    list_kpis: ListKpis
    read_top_contents: ReadTopContents
    read_top_ambassadors: ReadTopAmbassadors
    read_impact: ReadImpact
    record_cost: RecordCost
    update_cost: UpdateCost
    delete_cost: DeleteCost
    get_cost: GetCost
    list_costs: ListCosts
    export_metrics: ExportMetrics
    export_shares: ExportShares
    export_conversions: ExportConversions
    export_points: ExportPoints
    export_leaderboard: ExportLeaderboard
    read_programme_report: ReadProgrammeReport
    read_cohorts: ReadCohorts


def build_metrics(
    uow: UnitOfWorkFactory,
    clock: Clock,
    ids: IdGenerator,
    *,
    reader: MetricsReader,
    boards: LeaderboardReader,
    exports: MetricExports,
) -> MetricsUseCases:
    args = (uow, clock, ids)
    read_metrics = ReadMetrics(*args, reader)
    exporting = (*args, read_metrics, exports)
    return MetricsUseCases(
        read_metrics=read_metrics,
        list_kpis=ListKpis(),
        read_top_contents=ReadTopContents(*args, reader),
        read_top_ambassadors=ReadTopAmbassadors(*args, reader),
        read_impact=ReadImpact(*args, reader, boards),
        record_cost=RecordCost(*args),
        update_cost=UpdateCost(*args),
        delete_cost=DeleteCost(*args),
        get_cost=GetCost(*args),
        list_costs=ListCosts(*args),
        export_metrics=ExportMetrics(read_metrics),
        export_shares=ExportShares(*exporting),
        export_conversions=ExportConversions(*exporting),
        export_points=ExportPoints(*exporting),
        export_leaderboard=ExportLeaderboard(*exporting),
        read_programme_report=ReadProgrammeReport(*args, read_metrics),
        read_cohorts=ReadCohorts(*args),
    )


def register_metrics_handlers(handlers: EventHandlers, rollups: MetricRollups) -> None:
    handlers.register(RollUpMetrics(rollups))
