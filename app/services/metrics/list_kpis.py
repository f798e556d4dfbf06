"""List the KPI catalogue: what each KPI means, its unit, and the groupings that break it down."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.metrics.kpis import DEFINITIONS, Kpi, Unit
from app.domain.metrics.queries import Grouping
from app.domain.metrics.sources import breakdowns
from app.domain.roster.identity import Principal
from app.services.metrics.read_top_lists import TOP_LIST_READERS


@dataclass(frozen=True, slots=True, kw_only=True)
class KpiEntry:
    kpi: Kpi
    unit: Unit
    description: str
    groupings: tuple[Grouping, ...]


class ListKpis:
    """Every KPI, in the catalogue's order, for whoever reads metrics or top lists (staff and
    ambassadors): front ends build their pickers from it rather than from a copy that drifts."""

    async def __call__(self, principal: Principal) -> list[KpiEntry]:
        principal.require_any(TOP_LIST_READERS)
        principal.require_tenant()
        return [
            KpiEntry(
                kpi=kpi,
                unit=definition.unit,
                description=definition.description,
                groupings=tuple(grouping for grouping in Grouping if grouping in breakdowns(kpi)),
            )
            for kpi, definition in DEFINITIONS.items()
        ]
