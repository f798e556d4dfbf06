"""Parked events, for platform operators: list them, and replay them once the cause is fixed."""

from __future__ import annotations

from uuid import UUID

from app.domain.deliveries import ParkedEvent
from app.domain.errors import NotFound
from app.domain.roster.identity import PLATFORM_OPERATORS, Principal
from app.ports.events import ParkedEvents, ParkedFilter
from app.ports.pagination import Page, PageRequest
from app.ports.system import Clock, IdGenerator
from app.ports.unit_of_work import UnitOfWorkFactory
from app.services.base import UseCase, check_filters


class _ParkedEventsUseCase(UseCase):
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, ids: IdGenerator, parked: ParkedEvents) -> None:
        super().__init__(uow, clock, ids)
        self._parked = parked


class ListParkedEvents(_ParkedEventsUseCase):
    """Events a handler failed on every try, in the order they were parked, across every
    organisation (role `operator`), optionally those of one organisation, handler or event type."""

    async def __call__(self, principal: Principal, criteria: ParkedFilter, page: PageRequest) -> Page[ParkedEvent]:
        principal.require_any(PLATFORM_OPERATORS)
        check_filters(handler=criteria.handler, type=criteria.event_type)
        return await self._parked.list(criteria, page)


class ReplayParkedEvent(_ParkedEventsUseCase):
    """Give a parked event back to its handler (role `operator`): it is due at once, with every try
    ahead of it, and leaves the parked events; its last error stays with it until a try succeeds."""

    async def __call__(self, principal: Principal, parked_id: UUID) -> ParkedEvent:
        principal.require_any(PLATFORM_OPERATORS)
        replayed = await self._parked.replay(parked_id, self._clock.now())
        if replayed is None:
            raise NotFound("parked event", parked_id)
        return replayed


class ReplayParkedEvents(_ParkedEventsUseCase):
    """Replay every parked event that matches the filter (role `operator`), as ``ReplayParkedEvent``
    does one; answers how many."""

    async def __call__(self, principal: Principal, criteria: ParkedFilter) -> int:
        principal.require_any(PLATFORM_OPERATORS)
        check_filters(handler=criteria.handler, type=criteria.event_type)
        return await self._parked.replay_all(criteria, self._clock.now())
