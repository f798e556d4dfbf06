"""The event worker's use cases: the rounds it runs (``DeliverEvents``, built by the composition root
for ``relais worker``), the handler registry, and what operators do with parked events.

``build_events`` is how the composition root and the tests get the operators' use cases.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.ports.events import ParkedEvents
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.events.parked_events import ListParkedEvents, ReplayParkedEvent, ReplayParkedEvents


@dataclass(frozen=True, slots=True, kw_only=True)
class EventsUseCases:
    list_parked_events: ListParkedEvents
    replay_parked_event: ReplayParkedEvent
    replay_parked_events: ReplayParkedEvents


def build_events(uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, *, parked: ParkedEvents) -> EventsUseCases:
    return EventsUseCases(
        list_parked_events=ListParkedEvents(uow, clock, ids, parked),
        replay_parked_event=ReplayParkedEvent(uow, clock, ids, parked),
        replay_parked_events=ReplayParkedEvents(uow, clock, ids, parked),
    )
