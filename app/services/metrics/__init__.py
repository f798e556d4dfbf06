"""The metric resource's use cases and the worker's rollups, built for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.metrics import MetricRollups, MetricsReader
from app.ports.recognition import LeaderboardReader
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.handlers import EventHandlers
from app.services.metrics.list_kpis import ListKpis
from app.services.metrics.manage_costs import DeleteCost, GetCost, ListCosts, RecordCost, UpdateCost
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


def build_metrics(
    uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, reader: MetricsReader, boards: LeaderboardReader
) -> MetricsUseCases:
    args = (uow, clock, ids)
    return MetricsUseCases(
        read_metrics=ReadMetrics(*args, reader),
        list_kpis=ListKpis(),
        read_top_contents=ReadTopContents(*args, reader),
        read_top_ambassadors=ReadTopAmbassadors(*args, reader),
        read_impact=ReadImpact(*args, reader, boards),
        record_cost=RecordCost(*args),
        update_cost=UpdateCost(*args),
        delete_cost=DeleteCost(*args),
        get_cost=GetCost(*args),
        list_costs=ListCosts(*args),
    )


def register_metrics_handlers(handlers: EventHandlers, rollups: MetricRollups) -> None:
    handlers.register(RollUpMetrics(rollups))
