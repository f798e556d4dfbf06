"""The metric resource's use cases and the worker's rollups, built for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.metrics import MetricExports, MetricRollups, MetricsReader
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
from app.services.metrics.programme_report import ReadProgrammeReport
from app.services.metrics.read_metrics import ReadMetrics
from app.services.metrics.rollups import RollUpMetrics


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricsUseCases:
    read_metrics: ReadMetrics
    export_metrics: ExportMetrics
    export_shares: ExportShares
    export_conversions: ExportConversions
    export_points: ExportPoints
    export_leaderboard: ExportLeaderboard
    read_programme_report: ReadProgrammeReport


def build_metrics(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, reader: MetricsReader, exports: MetricExports
) -> MetricsUseCases:
    read_metrics = ReadMetrics(uow, clock, ids, reader)
    exporting = (uow, clock, ids, read_metrics, exports)
    return MetricsUseCases(
        read_metrics=read_metrics,
        export_metrics=ExportMetrics(read_metrics),
        export_shares=ExportShares(*exporting),
        export_conversions=ExportConversions(*exporting),
        export_points=ExportPoints(*exporting),
        export_leaderboard=ExportLeaderboard(*exporting),
        read_programme_report=ReadProgrammeReport(uow, clock, ids, read_metrics),
    )


def register_metrics_handlers(handlers: EventHandlers, rollups: MetricRollups) -> None:
    handlers.register(RollUpMetrics(rollups))
