"""Ports of the event worker: the handlers it runs, the queue of their work, the parked events and
the once-only markers handlers keep in their own transactions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.deliveries import Delivery, DeliverySource, ParkedEvent
from app.domain.events import RecordedEvent
from app.ports.pagination import Page, PageRequest


class EventHandler(Protocol):
    """Acts on events of some types. Delivery is at least once: an event may come again after a
    failure or a worker's death, so a handler must make a second time change nothing (see
    ``OncePerEvent`` in ``app/services/events/handlers.py``). It fails a try by raising."""

    @property
    def name(self) -> str:
        """Stable across releases: pending work, parked events and once-only markers are kept under it."""
        ...

    @property
    def event_types(self) -> frozenset[str]:
        """The types handed to it (``click.recorded`` for clicks)."""
        ...

    async def __call__(self, event: RecordedEvent) -> None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimedDelivery:
    """A delivery a worker holds until ``leased_until``, with its event (None when the event's row
    is gone: a click removed with its share)."""

    delivery: Delivery
    event: RecordedEvent | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickPosition:
    """How far one handler has read one tenant's clicks (``after`` the last click it was handed)."""

    tenant_id: UUID
    handler: str
    after: UUID
    leased_until: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class QueueStatus:
    """``oldest_unhandled`` is, per source, the instant of the oldest event a handler still has to
    handle (parked events aside), None when there is none."""

    parked: int
    oldest_unhandled: Mapping[DeliverySource, datetime | None]


class DeliveryQueue(Protocol):
    """The work of the handlers, shared by every worker: whatever one takes, no other gets until
    the lease it took it for runs out."""

    async def take_outbox(
        self, subscriptions: Mapping[str, Sequence[str]], limit: int, now: datetime
    ) -> Mapping[str, int]:
        """Take up to ``limit`` outbox events no worker has taken, each once, and make a delivery due
        now for every handler ``subscriptions`` names for its type. Answers how many of each type."""
        ...

    async def claim(
        self, handlers: Sequence[str], limit: int, now: datetime, leased_until: datetime
    ) -> Sequence[ClaimedDelivery]:
        """Up to ``limit`` deliveries due by ``now`` for these handlers, soonest due first, each
        with one more try counted and held until ``leased_until``."""
        ...

    async def settle(
        self,
        leased_until: datetime,
        *,
        done: Sequence[Delivery] = (),
        pending: Sequence[Delivery] = (),
        parked: Sequence[ParkedEvent] = (),
    ) -> None:
        """Record what became of deliveries claimed until ``leased_until``: ``done`` are removed,
        ``pending`` keep their new tries, due time and error, ``parked`` move to the parked events.
        A delivery another worker claimed since (its lease ran out) is left to that worker."""
        ...

    async def claim_click_positions(
        self, handlers: Sequence[str], limit: int, settled_before: datetime, now: datetime, leased_until: datetime
    ) -> Sequence[ClickPosition]:
        """Up to ``limit`` positions of these handlers (one per tenant and handler, made as needed)
        with clicks recorded before ``settled_before`` still to read, held until ``leased_until``."""
        ...

    async def clicks_after(
        self, position: ClickPosition, settled_before: datetime, limit: int
    ) -> Sequence[RecordedEvent]:
        """The tenant's next clicks after the position, in the order they were recorded."""
        ...

    async def advance(
        self,
        position: ClickPosition,
        last: UUID | None,
        now: datetime,
        *,
        pending: Sequence[Delivery] = (),
        parked: Sequence[ParkedEvent] = (),
    ) -> None:
        """Move the position past ``last`` (unless None) and release it at ``now``, keeping the clicks
        whose first try failed as ``pending`` deliveries or ``parked`` events, in one transaction."""
        ...

    async def status(self, click_handlers: Sequence[str]) -> QueueStatus: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ParkedFilter:
    tenant_id: UUID | None = None
    handler: str | None = None
    event_type: str | None = None


class ParkedEvents(Protocol):
    """Parked events across every tenant, for operators."""

    async def list(self, criteria: ParkedFilter, page: PageRequest) -> Page[ParkedEvent]:
        """In the order they were parked."""
        ...

    async def replay(self, parked_id: UUID, now: datetime) -> ParkedEvent | None:
        """Make the parked event's delivery pending again, due ``now``; None when no parked event has that id."""
        ...

    async def replay_all(self, criteria: ParkedFilter, now: datetime) -> int:
        """Replay every parked event that matches; answers how many."""
        ...


class HandledEvents(Protocol):
    """Once-only markers of the unit of work's tenant, written in the handler's own transaction."""

    async def first_time(self, event_id: UUID, handler: str, at: datetime) -> bool:
        """Mark the event handled by ``handler`` at ``at``; False when it already was (a commit
        ago), so the handler leaves it. The mark commits, or rolls back, with the handler's changes."""
        ...
