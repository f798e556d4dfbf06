"""The handlers a worker runs, registered by their capabilities, and the base of handlers whose
effect must happen once per event however often it is delivered."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping

from app.domain.events import EventType, RecordedEvent
from app.ports.events import EventHandler
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWork, UnitOfWorkFactory


class EventHandlers:
    """The registry: each capability adds its handlers (``register``), the composition root hands
    the whole to the worker. Names are unique: pending work and parked events are kept under them."""

    def __init__(self, handlers: Iterable[EventHandler] = ()) -> None:
        self._handlers: dict[str, EventHandler] = {}
        for handler in handlers:
            self.register(handler)

    def register(self, handler: EventHandler) -> None:
        if not handler.name or handler.name in self._handlers:
            raise ValueError(f"A handler needs a name of its own; {handler.name!r} is empty or taken.")
        if not handler.event_types:
            raise ValueError(f"The handler {handler.name!r} handles no event type.")
        self._handlers[handler.name] = handler

    def __iter__(self) -> Iterator[EventHandler]:
        return iter(self._handlers.values())

    def __len__(self) -> int:
        return len(self._handlers)

    def named(self, name: str) -> EventHandler | None:
        return self._handlers.get(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._handlers)

    def outbox_subscriptions(self) -> Mapping[str, tuple[str, ...]]:
        """The handlers of each outbox event type, by name."""
        subscriptions: dict[str, tuple[str, ...]] = {}
        for handler in self:
            for event_type in sorted(handler.event_types - {EventType.CLICK_RECORDED}):
                subscriptions[event_type] = (*subscriptions.get(event_type, ()), handler.name)
        return subscriptions

    def click_handlers(self) -> tuple[EventHandler, ...]:
        return tuple(handler for handler in self if EventType.CLICK_RECORDED in handler.event_types)


class OncePerEvent(ABC):
    """Base of handlers that change the database: the change and a once-only marker of (tenant,
    event, handler) commit together, so a second delivery of the event finds the marker and changes
    nothing, and a try that failed half-way left nothing behind. Subclasses name themselves, list
    their event types and write their change in ``apply`` through the unit of work they are given."""

    name: str
    event_types: frozenset[str]

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator) -> None:
        self._uow = uow
        self._clock = clock
        self._ids = ids

    async def __call__(self, event: RecordedEvent) -> None:
        async with self._uow(event.tenant_id) as uow:
            if not await uow.handled_events.first_time(event.id, self.name, self._clock.now()):
                return
            await self.apply(uow, event)
            await uow.commit()

    @abstractmethod
    async def apply(self, uow: UnitOfWork, event: RecordedEvent) -> None:
        """The handler's change, in the unit of work of the event's tenant (committed afterwards)."""
