"""Parked events on asyncpg, across tenants, for operators: listed in the order they were parked,
and replayed by moving them back to the pending deliveries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.events.delivery_queue import ADD_PENDING, delivery_columns
from app.domain.deliveries import DeliverySource, ParkedEvent
from app.ports.events import ParkedFilter
from app.ports.pagination import Page, PageRequest

# $1 tenant, $2 handler, $3 event type (each null for any), $4 after, $5 how many.
LIST = """
SELECT id, tenant_id, event_id, handler, source, event_type, occurred_at, attempts, error, parked_at
FROM parked_events
WHERE ($1::uuid IS NULL OR tenant_id = $1::uuid)
  AND ($2::text IS NULL OR handler = $2::text)
  AND ($3::text IS NULL OR event_type = $3::text)
  AND ($4::uuid IS NULL OR id > $4::uuid)
ORDER BY id
LIMIT $5
"""

TAKE_ONE = """
DELETE FROM parked_events WHERE id = $1
RETURNING id, tenant_id, event_id, handler, source, event_type, occurred_at, attempts, error, parked_at
"""

# $1 tenant, $2 handler, $3 event type (each null for any).
TAKE_ALL = """
DELETE FROM parked_events
WHERE ($1::uuid IS NULL OR tenant_id = $1::uuid)
  AND ($2::text IS NULL OR handler = $2::text)
  AND ($3::text IS NULL OR event_type = $3::text)
RETURNING id, tenant_id, event_id, handler, source, event_type, occurred_at, attempts, error, parked_at
"""


def parked_event(row: Mapping[str, Any]) -> ParkedEvent:
    return ParkedEvent(
        id=row["id"],
        tenant_id=row["tenant_id"],
        event_id=row["event_id"],
        handler=row["handler"],
        source=DeliverySource(row["source"]),
        event_type=row["event_type"],
        occurred_at=row["occurred_at"],
        attempts=row["attempts"],
        error=row["error"],
        parked_at=row["parked_at"],
    )


def _filter(criteria: ParkedFilter) -> tuple[UUID | None, str | None, str | None]:
    return criteria.tenant_id, criteria.handler, criteria.event_type


class PostgresParkedEvents:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def list(self, criteria: ParkedFilter, page: PageRequest) -> Page[ParkedEvent]:
        rows = await self._pool.fetch(LIST, *_filter(criteria), page.after, page.limit + 1)
        items = [parked_event(row) for row in rows[: page.limit]]
        return Page(items=items, next_after=items[-1].id if len(rows) > page.limit else None)

    async def replay(self, parked_id: UUID, now: datetime) -> ParkedEvent | None:
        replayed = await self._replay(now, TAKE_ONE, parked_id)
        return replayed[0] if replayed else None

    async def replay_all(self, criteria: ParkedFilter, now: datetime) -> int:
        return len(await self._replay(now, TAKE_ALL, *_filter(criteria)))

    async def _replay(self, now: datetime, take: str, *args: object) -> Sequence[ParkedEvent]:
        async with self._pool.acquire() as connection, connection.transaction():
            parked = [parked_event(row) for row in await connection.fetch(take, *args)]
            if parked:
                queued = [event.replay(now) for event in parked]
                await connection.execute(ADD_PENDING, *delivery_columns(queued), now)
        return parked
