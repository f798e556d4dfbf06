"""The handlers' work queue on asyncpg: outbox events taken once, deliveries claimed with
``FOR UPDATE SKIP LOCKED`` under a lease, and each handler's position in each tenant's clicks.

Every statement is short and commits at once: no transaction stays open while a handler runs, so a
worker that dies holds nothing but leases, which run out by themselves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from app.domain.deliveries import Delivery, DeliverySource, ParkedEvent
from app.domain.events import EventType, RecordedEvent
from app.ports.events import ClaimedDelivery, ClickPosition, QueueStatus

NO_CLICK = UUID(int=0)

# $1 how many, $2 now, $3 and $4 the subscriptions as (event type, handler) pairs.
TAKE_OUTBOX = """
WITH taken AS (
    SELECT tenant_id, id FROM outbox
    WHERE delivered_at IS NULL
    ORDER BY tenant_id, id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
), marked AS (
    UPDATE outbox AS o SET delivered_at = $2::timestamptz
    FROM taken
    WHERE o.tenant_id = taken.tenant_id AND o.id = taken.id
    RETURNING o.tenant_id, o.id, o.type, o.occurred_at
), handed AS (
    INSERT INTO event_deliveries
        (tenant_id, event_id, handler, source, event_type, occurred_at, attempts, next_attempt_at, recorded_at)
    SELECT m.tenant_id, m.id, s.handler, 'outbox', m.type, m.occurred_at, 0, $2::timestamptz, $2::timestamptz
    FROM marked AS m
    JOIN unnest($3::text[], $4::text[]) AS s (event_type, handler) ON s.event_type = m.type
    ON CONFLICT DO NOTHING
)
SELECT type, count(*) AS taken FROM marked GROUP BY type
"""

# $1 handlers, $2 now, $3 how many, $4 the end of the lease.
CLAIM = """
WITH due AS (
    SELECT tenant_id, event_id, handler FROM event_deliveries
    WHERE next_attempt_at <= $2::timestamptz AND handler = ANY($1::text[])
    ORDER BY next_attempt_at
    LIMIT $3
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE event_deliveries AS d SET attempts = d.attempts + 1, next_attempt_at = $4::timestamptz
    FROM due
    WHERE d.tenant_id = due.tenant_id AND d.event_id = due.event_id AND d.handler = due.handler
    RETURNING d.tenant_id, d.event_id, d.handler, d.source, d.event_type, d.occurred_at, d.attempts,
              d.next_attempt_at, d.last_error
)
SELECT c.*, o.id AS outbox_id, o.data,
       k.id AS click_id, k.clicked_at, k.share_id, k.kind, k.is_unique, k.is_self, k.visitor_hash
FROM claimed AS c
LEFT JOIN outbox AS o ON c.source = 'outbox' AND o.tenant_id = c.tenant_id AND o.id = c.event_id
LEFT JOIN clicks AS k ON c.source = 'clicks' AND k.tenant_id = c.tenant_id AND k.id = c.event_id
ORDER BY c.event_id, c.handler
"""

# $1-$3 keys, $4 the lease they were claimed under.
REMOVE = """
DELETE FROM event_deliveries AS d
USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS k (tenant_id, event_id, handler)
WHERE d.tenant_id = k.tenant_id AND d.event_id = k.event_id AND d.handler = k.handler
  AND d.next_attempt_at = $4::timestamptz
RETURNING d.tenant_id, d.event_id, d.handler
"""

# $1-$3 keys, $4 tries, $5 due times, $6 errors, $7 the lease they were claimed under.
KEEP_PENDING = """
UPDATE event_deliveries AS d
SET attempts = k.attempts, next_attempt_at = k.next_attempt_at, last_error = k.last_error
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::text[])
    AS k (tenant_id, event_id, handler, attempts, next_attempt_at, last_error)
WHERE d.tenant_id = k.tenant_id AND d.event_id = k.event_id AND d.handler = k.handler
  AND d.next_attempt_at = $7::timestamptz
"""

# A click whose first try failed, or a replayed event; one already pending for the same event and
# handler (a click read again) keeps its own course.
ADD_PENDING = """
INSERT INTO event_deliveries
    (tenant_id, event_id, handler, source, event_type, occurred_at, attempts, next_attempt_at, last_error, recorded_at)
SELECT *, $10::timestamptz
FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[],
            $8::timestamptz[], $9::text[])
ON CONFLICT DO NOTHING
"""

ADD_PARKED = """
INSERT INTO parked_events
    (id, tenant_id, event_id, handler, source, event_type, occurred_at, attempts, error, parked_at)
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::timestamptz[],
                     $8::int[], $9::text[], $10::timestamptz[])
ON CONFLICT (tenant_id, event_id, handler)
    DO UPDATE SET attempts = excluded.attempts, error = excluded.error, parked_at = excluded.parked_at
"""

# $1 handlers: a position for every tenant that has none yet, from its first click.
ADD_POSITIONS = """
INSERT INTO click_positions (tenant_id, handler, last_click_id)
SELECT t.id, h.handler, '00000000-0000-0000-0000-000000000000'::uuid
FROM tenants AS t CROSS JOIN unnest($1::text[]) AS h (handler)
WHERE NOT EXISTS (SELECT FROM click_positions AS p WHERE p.tenant_id = t.id AND p.handler = h.handler)
ON CONFLICT DO NOTHING
"""

# $1 handlers, $2 the first id not settled, $3 now, $4 the end of the lease, $5 how many.
# Least recently served first, so that busy tenants do not keep the others waiting.
CLAIM_POSITIONS = """
WITH due AS (
    SELECT p.tenant_id, p.handler FROM click_positions AS p
    WHERE p.handler = ANY($1::text[])
      AND (p.leased_until IS NULL OR p.leased_until <= $3::timestamptz)
      AND EXISTS (
          SELECT FROM clicks AS c
          WHERE c.tenant_id = p.tenant_id AND c.id > p.last_click_id AND c.id < $2::uuid
      )
    ORDER BY p.leased_until NULLS FIRST
    LIMIT $5
    FOR UPDATE OF p SKIP LOCKED
)
UPDATE click_positions AS p SET leased_until = $4::timestamptz
FROM due
WHERE p.tenant_id = due.tenant_id AND p.handler = due.handler
RETURNING p.tenant_id, p.handler, p.last_click_id, p.leased_until
"""

CLICKS_AFTER = """
SELECT k.tenant_id, k.id AS click_id, k.clicked_at, k.share_id, k.kind, k.is_unique, k.is_self, k.visitor_hash
FROM clicks AS k
WHERE k.tenant_id = $1 AND k.id > $2 AND k.id < $3
ORDER BY k.id
LIMIT $4
"""

# $1 tenant, $2 handler, $3 the last click handed over (or null), $4 the lease it was claimed under, $5 now.
ADVANCE = """
UPDATE click_positions
SET last_click_id = coalesce($3::uuid, last_click_id), leased_until = $5::timestamptz
WHERE tenant_id = $1 AND handler = $2 AND leased_until = $4::timestamptz
"""

# $1 click handlers. Parked events are counted apart: they are not waiting for a worker.
STATUS = """
SELECT
    (SELECT count(*) FROM parked_events) AS parked,
    (SELECT min(recorded_at) FROM outbox WHERE delivered_at IS NULL) AS outbox_untaken,
    (SELECT min(occurred_at) FROM event_deliveries WHERE source = 'outbox') AS outbox_pending,
    (SELECT min(occurred_at) FROM event_deliveries WHERE source = 'clicks') AS clicks_pending,
    (
        SELECT min(first.clicked_at)
        FROM click_positions AS p
        CROSS JOIN LATERAL (
            SELECT c.clicked_at FROM clicks AS c
            WHERE c.tenant_id = p.tenant_id AND c.id > p.last_click_id
            ORDER BY c.id
            LIMIT 1
        ) AS first
        WHERE p.handler = ANY($1::text[])
    ) AS clicks_unread
"""


def first_id_at(instant: datetime) -> UUID:
    """The smallest UUIDv7 of ``instant``'s millisecond: every id made earlier sorts before it. No id
    is made before 1970, whose first is the smallest of all (a UUID holds no negative time)."""
    return UUID(int=max(int(instant.timestamp() * 1000), 0) << 80)


def click_event(row: Mapping[str, Any]) -> RecordedEvent:
    return RecordedEvent(
        id=row["click_id"],
        type=EventType.CLICK_RECORDED.value,
        tenant_id=row["tenant_id"],
        occurred_at=row["clicked_at"],
        data={
            "share_id": str(row["share_id"]),
            "kind": row["kind"],
            "is_unique": row["is_unique"],
            "is_self": row["is_self"],
            "visitor_hash": row["visitor_hash"],
        },
    )


def _delivery(row: Mapping[str, Any]) -> Delivery:
    return Delivery(
        tenant_id=row["tenant_id"],
        event_id=row["event_id"],
        handler=row["handler"],
        source=DeliverySource(row["source"]),
        event_type=row["event_type"],
        occurred_at=row["occurred_at"],
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
    )


def _claimed(row: Mapping[str, Any]) -> ClaimedDelivery:
    delivery = _delivery(row)
    event: RecordedEvent | None = None
    if row["outbox_id"] is not None:
        event = RecordedEvent(
            id=row["outbox_id"],
            type=row["event_type"],
            tenant_id=row["tenant_id"],
            occurred_at=row["occurred_at"],
            data=json.loads(row["data"]),
        )
    elif row["click_id"] is not None:
        event = click_event(row)
    return ClaimedDelivery(delivery=delivery, event=event)


def _keys(deliveries: Sequence[Delivery]) -> tuple[list[UUID], list[UUID], list[str]]:
    return [d.tenant_id for d in deliveries], [d.event_id for d in deliveries], [d.handler for d in deliveries]


def delivery_columns(deliveries: Sequence[Delivery]) -> tuple[list[Any], ...]:
    return (
        *_keys(deliveries),
        [d.source.value for d in deliveries],
        [d.event_type for d in deliveries],
        [d.occurred_at for d in deliveries],
        [d.attempts for d in deliveries],
        [d.next_attempt_at for d in deliveries],
        [d.last_error for d in deliveries],
    )


def parked_columns(parked: Sequence[ParkedEvent]) -> tuple[list[Any], ...]:
    return (
        [p.id for p in parked],
        [p.tenant_id for p in parked],
        [p.event_id for p in parked],
        [p.handler for p in parked],
        [p.source.value for p in parked],
        [p.event_type for p in parked],
        [p.occurred_at for p in parked],
        [p.attempts for p in parked],
        [p.error for p in parked],
        [p.parked_at for p in parked],
    )


class PostgresDeliveryQueue:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def take_outbox(
        self, subscriptions: Mapping[str, Sequence[str]], limit: int, now: datetime
    ) -> Mapping[str, int]:
        pairs = [(event_type, handler) for event_type, handlers in subscriptions.items() for handler in handlers]
        rows = await self._pool.fetch(
            TAKE_OUTBOX, limit, now, [event_type for event_type, _ in pairs], [handler for _, handler in pairs]
        )
        return {row["type"]: row["taken"] for row in rows}

    async def claim(
        self, handlers: Sequence[str], limit: int, now: datetime, leased_until: datetime
    ) -> Sequence[ClaimedDelivery]:
        if not handlers:
            return []
        rows = await self._pool.fetch(CLAIM, list(handlers), now, limit, leased_until)
        return [_claimed(row) for row in rows]

    async def settle(
        self,
        leased_until: datetime,
        *,
        done: Sequence[Delivery] = (),
        pending: Sequence[Delivery] = (),
        parked: Sequence[ParkedEvent] = (),
    ) -> None:
        async with self._pool.acquire() as connection, connection.transaction():
            if done:
                await connection.execute(REMOVE, *_keys(done), leased_until)
            if pending:
                columns = delivery_columns(pending)
                await connection.execute(KEEP_PENDING, *columns[:3], *columns[6:], leased_until)
            if parked:
                keys = ([p.tenant_id for p in parked], [p.event_id for p in parked], [p.handler for p in parked])
                removed = await connection.fetch(REMOVE, *keys, leased_until)
                still_ours = {(row["tenant_id"], row["event_id"], row["handler"]) for row in removed}
                kept = [p for p in parked if (p.tenant_id, p.event_id, p.handler) in still_ours]
                if kept:
                    await connection.execute(ADD_PARKED, *parked_columns(kept))

    async def claim_click_positions(
        self, handlers: Sequence[str], limit: int, settled_before: datetime, now: datetime, leased_until: datetime
    ) -> Sequence[ClickPosition]:
        if not handlers:
            return []
        await self._pool.execute(ADD_POSITIONS, list(handlers))
        rows = await self._pool.fetch(
            CLAIM_POSITIONS, list(handlers), first_id_at(settled_before), now, leased_until, limit
        )
        return [
            ClickPosition(
                tenant_id=row["tenant_id"],
                handler=row["handler"],
                after=row["last_click_id"],
                leased_until=row["leased_until"],
            )
            for row in rows
        ]

    async def clicks_after(
        self, position: ClickPosition, settled_before: datetime, limit: int
    ) -> Sequence[RecordedEvent]:
        rows = await self._pool.fetch(
            CLICKS_AFTER, position.tenant_id, position.after, first_id_at(settled_before), limit
        )
        return [click_event(row) for row in rows]

    async def advance(
        self,
        position: ClickPosition,
        last: UUID | None,
        now: datetime,
        *,
        pending: Sequence[Delivery] = (),
        parked: Sequence[ParkedEvent] = (),
    ) -> None:
        async with self._pool.acquire() as connection, connection.transaction():
            moved = await connection.execute(
                ADVANCE, position.tenant_id, position.handler, last, position.leased_until, now
            )
            if moved == "UPDATE 0":
                return  # the lease ran out and another worker reads these clicks again
            if pending:
                await connection.execute(ADD_PENDING, *delivery_columns(pending), now)
            if parked:
                await connection.execute(ADD_PARKED, *parked_columns(parked))

    async def status(self, click_handlers: Sequence[str]) -> QueueStatus:
        row = await self._pool.fetchrow(STATUS, list(click_handlers))
        if row is None:
            raise RuntimeError("A select of scalar subqueries returned no row.")
        outbox = [instant for instant in (row["outbox_untaken"], row["outbox_pending"]) if instant is not None]
        clicks = [instant for instant in (row["clicks_pending"], row["clicks_unread"]) if instant is not None]
        return QueueStatus(
            parked=row["parked"],
            oldest_unhandled={
                DeliverySource.OUTBOX: min(outbox, default=None),
                DeliverySource.CLICKS: min(clicks, default=None),
            },
        )
