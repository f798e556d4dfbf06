"""Use cases of attribution: conversions reported and read back.

``build_attribution`` is how the composition root, the demo and the tests get them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.attribution.get_conversion import GetConversion, ListConversions
from app.services.attribution.record_conversion import RecordConversion


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionUseCases:
    record_conversion: RecordConversion
    get_conversion: GetConversion
    list_conversions: ListConversions


def build_attribution(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> AttributionUseCases:
    return AttributionUseCases(
        record_conversion=RecordConversion(uow, clock, ids),
        get_conversion=GetConversion(uow, clock, ids),
        list_conversions=ListConversions(uow, clock, ids),
    )
