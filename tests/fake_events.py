"""In-memory parked events, as the PostgreSQL adapter keeps them (``app/adapters/postgres/events/parked_events.py``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from app.domain.deliveries import Delivery, ParkedEvent
from app.ports.events import ParkedFilter
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page


class FakeParkedEvents:
    def __init__(self) -> None:
        self.parked: dict[UUID, ParkedEvent] = {}
        self.pending: list[Delivery] = []

    def _matching(self, criteria: ParkedFilter) -> list[ParkedEvent]:
        return [
            event
            for event in self.parked.values()
            if criteria.tenant_id in (None, event.tenant_id)
            and criteria.handler in (None, event.handler)
            and criteria.event_type in (None, event.event_type)
        ]

    async def list(self, criteria: ParkedFilter, page: PageRequest) -> Page[ParkedEvent]:
        return keyset_page(self._matching(criteria), page)

    async def replay(self, parked_id: UUID, now: datetime) -> ParkedEvent | None:
        event = self.parked.pop(parked_id, None)
        if event is not None:
            self.pending.append(event.replay(now))
        return event

    async def replay_all(self, criteria: ParkedFilter, now: datetime) -> int:
        matching = self._matching(criteria)
        for event in matching:
            await self.replay(event.id, now)
        return len(matching)
