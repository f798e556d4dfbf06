"""Shared steps of the event worker's tests: events written as the outbox keeps them, handlers that
record what they are handed, workers on a raw pool, and the queue's rows read directly."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.adapters.system import Uuid7Generator
from app.domain.deliveries import RetryPolicy
from app.domain.events import RecordedEvent
from app.ports.events import EventHandler
from app.services.events.deliver_events import DeliverEvents, DeliveryLimits, Try
from app.services.events.handlers import EventHandlers

# Tries come again at once, so that a test sees a whole life without waiting.
QUICK_RETRIES = RetryPolicy(max_attempts=3, first_delay=timedelta(0), max_delay=timedelta(0))
SMALL_BATCHES = DeliveryLimits(
    batch_size=10, lease=timedelta(seconds=60), handler_timeout=timedelta(seconds=5), click_settle=timedelta(0)
)


class MovableClock:
    """The real time, moved on by ``advance`` (to let leases run out without waiting for them)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta


class Recorder:
    """A handler that notes every event it is handed, and fails on those it is told to."""

    def __init__(self, name: str, *event_types: str, fail_on: Iterable[UUID] = ()) -> None:
        self.name = name
        self.event_types = frozenset(event_types)
        self.calls: list[RecordedEvent] = []
        self.fail_on = set(fail_on)

    async def __call__(self, event: RecordedEvent) -> None:
        self.calls.append(event)
        await asyncio.sleep(0)  # let another worker run in between, as real handlers' I/O would
        if event.id in self.fail_on:
            raise KeyError("network")

    @property
    def ids(self) -> list[UUID]:
        return [event.id for event in self.calls]


def worker(
    queue: PostgresDeliveryQueue,
    *handlers: EventHandler,
    clock: MovableClock | None = None,
    policy: RetryPolicy = QUICK_RETRIES,
    limits: DeliveryLimits = SMALL_BATCHES,
) -> DeliverEvents:
    return DeliverEvents(queue, EventHandlers(handlers), clock or MovableClock(), Uuid7Generator(), policy, limits)


async def one_round(rounds: DeliverEvents) -> list[Try]:
    await rounds.take_outbox()
    return [*await rounds.deliver_due(), *await rounds.follow_clicks()]


async def drain(*workers: DeliverEvents, most_rounds: int = 200) -> list[Try]:
    """Rounds of every worker at once until a round finds nothing to do; what they tried, in order."""
    tries: list[Try] = []
    for _ in range(most_rounds):
        taken = await asyncio.gather(*(rounds.take_outbox() for rounds in workers))
        delivered = await asyncio.gather(*(rounds.deliver_due() for rounds in workers))
        followed = await asyncio.gather(*(rounds.follow_clicks() for rounds in workers))
        found = [attempt for batch in (*delivered, *followed) for attempt in batch]
        tries += found
        if not found and not any(taken):
            return tries
    raise AssertionError(f"The workers were still busy after {most_rounds} rounds.")


async def record_events(engine: AsyncEngine, tenant_id: UUID, *types: str) -> list[UUID]:
    """Events in the outbox, as units of work write them; their ids in the order written."""
    ids = Uuid7Generator()
    now = datetime.now(UTC)
    recorded = [ids.new_id() for _ in types]
    rows = [
        {"tenant_id": tenant_id, "id": event_id, "type": event_type, "at": now, "data": json.dumps({"n": n})}
        for n, (event_id, event_type) in enumerate(zip(recorded, types, strict=True))
    ]
    statement = sa.text(
        "INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)"
        " VALUES (:tenant_id, :id, :type, :at, CAST(:data AS jsonb), :at)"
    )
    async with engine.begin() as connection:
        await connection.execute(statement, rows)
    return recorded


async def rows(engine: AsyncEngine, table: str, order: str = "event_id") -> list[dict[str, Any]]:
    statement = sa.text(f"SELECT * FROM {table} ORDER BY {order}")  # noqa: S608 - names come from the tests
    async with engine.connect() as connection:
        return [dict(row) for row in (await connection.execute(statement)).mappings()]


async def untaken(engine: AsyncEngine, event_ids: Sequence[UUID]) -> int:
    statement = sa.text("SELECT count(*) FROM outbox WHERE delivered_at IS NULL AND id = ANY(:ids)")
    async with engine.connect() as connection:
        return int((await connection.execute(statement, {"ids": list(event_ids)})).scalar_one())
