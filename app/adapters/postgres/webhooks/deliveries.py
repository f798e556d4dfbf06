"""Webhook deliveries on asyncpg: fanned out from events, claimed with ``FOR UPDATE SKIP LOCKED``
under a lease and a per-endpoint cap, settled one attempt at a time, listed with their attempts, and
replayed. Every statement commits at once: nothing stays open while a request is in flight."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg

from app.adapters.postgres.webhooks.instants import instant
from app.domain.events import EventType, RecordedEvent
from app.domain.storage.months import derived_id, lowest_id_at
from app.domain.webhooks.deliveries import (
    DeliveryAttempt,
    DeliveryState,
    DueDelivery,
    WebhookDelivery,
    envelope,
)
from app.ports.pagination import Page, PageRequest
from app.ports.system import IdGenerator
from app.ports.webhooks import Claim, Settled

# $1 tenant, $2 event, $3 type, $4 its resource's pattern (share.*): the endpoints that want it, and the
# version of the resource the outbox recorded.
WANTED_BY = """
SELECT e.id, (SELECT o.resource_version FROM outbox AS o WHERE o.tenant_id = $1 AND o.id = $2) AS resource_version
FROM webhook_endpoints AS e
WHERE e.tenant_id = $1 AND e.enabled
  AND ($3::text = ANY(e.event_types) OR $4::text = ANY(e.event_types) OR '*' = ANY(e.event_types))
"""
# $6 the ids, derived from each endpoint and the event: a second fan-out of the event finds its ids taken.
# Deliveries made before their ids were derived are found by endpoint and event, among those made since the
# day before the event ($8): its month and the next, never older partitions.
ADD = """
INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body, state, attempts,
                                total_attempts, next_attempt_at, created_at)
SELECT $1, d.id, d.endpoint_id, $2, $3, $4, 'pending', 0, 0, $5, $5
FROM unnest($6::uuid[], $7::uuid[]) AS d (id, endpoint_id)
WHERE NOT EXISTS (SELECT FROM webhook_deliveries AS w
                  WHERE w.tenant_id = $1 AND w.endpoint_id = d.endpoint_id AND w.id >= $8::uuid AND w.event_id = $2)
ON CONFLICT (tenant_id, id) DO NOTHING
"""
PING = """
INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body, state, attempts,
                                total_attempts, next_attempt_at, created_at)
SELECT e.tenant_id, $3, e.id, $4, $5, $6, 'pending', 0, 0, $7, $7
FROM webhook_endpoints AS e WHERE e.tenant_id = $1 AND e.id = $2
RETURNING id
"""

# $1 now, $2 the lease's end, $3 how many, $4 most in flight per endpoint. Endpoints already at their
# cap are left out before the window is read, so one with a long backlog cannot fill it.
CLAIM = """
WITH in_flight AS (
    SELECT tenant_id, endpoint_id, count(*) AS n FROM webhook_deliveries
    WHERE leased_until > $1::timestamptz
    GROUP BY tenant_id, endpoint_id
), candidates AS (
    SELECT d.tenant_id, d.id, d.endpoint_id, d.next_attempt_at FROM webhook_deliveries AS d
    WHERE d.state = 'pending' AND d.next_attempt_at <= $1::timestamptz
      AND EXISTS (SELECT FROM webhook_endpoints AS e
                  WHERE e.tenant_id = d.tenant_id AND e.id = d.endpoint_id AND e.enabled)
      AND NOT EXISTS (SELECT FROM in_flight AS f
                      WHERE f.tenant_id = d.tenant_id AND f.endpoint_id = d.endpoint_id AND f.n >= $4)
    ORDER BY d.next_attempt_at
    LIMIT $3 * 4
    FOR UPDATE OF d SKIP LOCKED
), chosen AS (
    SELECT r.tenant_id, r.id FROM (
        SELECT c.*,
               row_number() OVER (PARTITION BY c.tenant_id, c.endpoint_id ORDER BY c.next_attempt_at, c.id) AS rank
        FROM candidates AS c
    ) AS r
    LEFT JOIN in_flight AS f ON f.tenant_id = r.tenant_id AND f.endpoint_id = r.endpoint_id
    WHERE r.rank + coalesce(f.n, 0) <= $4
    ORDER BY r.next_attempt_at
    LIMIT $3
), claimed AS (
    UPDATE webhook_deliveries AS d
    SET attempts = d.attempts + 1, total_attempts = d.total_attempts + 1,
        leased_until = $2::timestamptz, next_attempt_at = $2::timestamptz
    FROM chosen
    WHERE d.tenant_id = chosen.tenant_id AND d.id = chosen.id
    RETURNING d.tenant_id, d.id, d.endpoint_id, d.event_id, d.body, d.attempts
)
SELECT c.*, e.url,
       ARRAY(SELECT s.sealed FROM webhook_endpoint_secrets AS s
             WHERE s.tenant_id = c.tenant_id AND s.endpoint_id = c.endpoint_id
               AND (s.expires_at IS NULL OR s.expires_at > $1::timestamptz)
             ORDER BY s.issued_at DESC) AS secrets
FROM claimed AS c
JOIN webhook_endpoints AS e ON e.tenant_id = c.tenant_id AND e.id = c.endpoint_id
"""

# $1 tenant, $2 delivery, $3 its lease, $4 state, $5 next attempt, $6 attempted at, $7 status, $8 latency,
# $9 error, $10 succeeded. Only the worker that holds the lease settles it; the endpoint's failing_since
# is written only when it changes.
SETTLE = """
WITH settled AS (
    UPDATE webhook_deliveries
    SET state = $4, next_attempt_at = $5, leased_until = NULL, last_status_code = $7, last_error = $9
    WHERE tenant_id = $1 AND id = $2 AND leased_until = $3
    RETURNING tenant_id, id, endpoint_id, total_attempts
), logged AS (
    INSERT INTO webhook_delivery_attempts
        (tenant_id, delivery_id, attempt, attempted_at, status_code, latency_ms, error)
    SELECT tenant_id, id, total_attempts, $6, $7, $8, $9 FROM settled
    ON CONFLICT DO NOTHING
), marked AS (
    UPDATE webhook_endpoints AS e
    SET failing_since = CASE WHEN $10::bool THEN NULL ELSE $6::timestamptz END
    FROM settled AS s
    WHERE e.tenant_id = s.tenant_id AND e.id = s.endpoint_id
      AND (CASE WHEN $10::bool THEN e.failing_since IS NOT NULL ELSE e.failing_since IS NULL END)
    RETURNING e.failing_since
)
SELECT CASE WHEN $10::bool THEN NULL
            ELSE coalesce((SELECT failing_since FROM marked),
                          (SELECT e.failing_since FROM webhook_endpoints AS e JOIN settled AS s
                           ON e.tenant_id = s.tenant_id AND e.id = s.endpoint_id))
       END
"""

# $1 tenant, $2 endpoint, $3 failing before, $4 now, $5 the event's id.
DISABLE = """
WITH disabled AS (
    UPDATE webhook_endpoints
    SET enabled = false, disabled_reason = 'failing', version = version + 1, updated_at = $4
    WHERE tenant_id = $1 AND id = $2 AND enabled AND failing_since <= $3
    RETURNING tenant_id, id, url, failing_since, version
), given_up AS (
    UPDATE webhook_deliveries AS d SET state = 'failed', next_attempt_at = NULL
    FROM disabled
    WHERE d.tenant_id = disabled.tenant_id AND d.endpoint_id = disabled.id AND d.state = 'pending'
      AND d.leased_until IS NULL
), announced AS (
    INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at, resource_version)
    SELECT tenant_id, $5, $6, $4, jsonb_build_object('id', id, 'url', url, 'failing_since', failing_since,
                                                      'reason', 'failing'),
           $4, version
    FROM disabled
)
SELECT count(*) FROM disabled
"""

DELIVERY_COLUMNS = """d.tenant_id, d.id, d.endpoint_id, d.event_id, d.event_type, d.state, d.attempts,
d.next_attempt_at, d.created_at, d.last_status_code, d.last_error,
(SELECT coalesce(json_agg(json_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at,
                                            'status_code', a.status_code, 'latency_ms', a.latency_ms,
                                            'error', a.error) ORDER BY a.attempt DESC), '[]'::json)
 FROM webhook_delivery_attempts AS a WHERE a.tenant_id = d.tenant_id AND a.delivery_id = d.id) AS log"""
# The columns are constants of this module.
GET = f"""SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries AS d
WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND d.id = $3"""  # noqa: S608
# Newest first. $1 tenant, $2 endpoint, $3 before, $4 how many.
LIST = f"""SELECT {DELIVERY_COLUMNS} FROM webhook_deliveries AS d
WHERE d.tenant_id = $1 AND d.endpoint_id = $2 AND ($3::uuid IS NULL OR d.id < $3::uuid)
ORDER BY d.id DESC LIMIT $4"""  # noqa: S608

# $1 tenant, $2 endpoint, $3 now, $4 one delivery (or null), $5 since (or null).
REPLAY = """
UPDATE webhook_deliveries
SET state = 'pending', attempts = 0, next_attempt_at = $3, leased_until = NULL
WHERE tenant_id = $1 AND endpoint_id = $2
  AND ($4::uuid IS NULL OR id = $4::uuid) AND ($5::timestamptz IS NULL OR created_at >= $5::timestamptz)
  AND (leased_until IS NULL OR leased_until <= $3)
"""


# A delivery is made after its event; a day covers any difference between the clocks that stamped them.
EARLIER = timedelta(days=1)


def delivery_from_row(row: Mapping[str, Any]) -> WebhookDelivery:
    log = json.loads(row["log"]) if isinstance(row["log"], str) else row["log"]
    return WebhookDelivery(
        id=row["id"],
        tenant_id=row["tenant_id"],
        endpoint_id=row["endpoint_id"],
        event_id=row["event_id"],
        event_type=row["event_type"],
        state=DeliveryState(row["state"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"] if row["state"] == DeliveryState.PENDING else None,
        created_at=row["created_at"],
        last_status_code=row["last_status_code"],
        last_error=row["last_error"],
        log=[
            DeliveryAttempt(
                attempt=item["attempt"],
                attempted_at=instant(item["attempted_at"]),
                status_code=item["status_code"],
                latency_ms=item["latency_ms"],
                error=item["error"],
            )
            for item in log
        ],
    )


class PostgresWebhookDeliveries:
    def __init__(self, pool: asyncpg.Pool, ids: IdGenerator) -> None:
        self._pool = pool
        self._ids = ids

    async def fan_out(self, event: RecordedEvent, now: datetime) -> int:
        pattern = event.type.split(".", 1)[0] + ".*"
        rows = await self._pool.fetch(WANTED_BY, event.tenant_id, event.id, event.type, pattern)
        if not rows:
            return 0
        body = json.dumps(
            envelope(
                event_id=event.id,
                event_type=event.type,
                occurred_at=event.occurred_at,
                tenant_id=event.tenant_id,
                data=event.data,
                resource_version=rows[0]["resource_version"],
            ),
            separators=(",", ":"),
        )
        endpoints = [row["id"] for row in rows]
        ids = [derived_id(event.id, endpoint, event.id) for endpoint in endpoints]
        status = await self._pool.execute(
            ADD,
            event.tenant_id,
            event.id,
            event.type,
            body,
            now,
            ids,
            endpoints,
            lowest_id_at(event.occurred_at - EARLIER),
        )
        return int(status.rsplit(" ", 1)[-1])

    async def add_ping(
        self, tenant_id: UUID, endpoint_id: UUID, event_id: UUID, body: str, now: datetime
    ) -> UUID | None:
        added: UUID | None = await self._pool.fetchval(
            PING,
            tenant_id,
            endpoint_id,
            self._ids.new_id(),
            event_id,
            EventType.WEBHOOK_ENDPOINT_PINGED.value,
            body,
            now,
        )
        return added

    async def claim(self, claim: Claim) -> Sequence[DueDelivery]:
        rows = await self._pool.fetch(CLAIM, claim.now, claim.leased_until, claim.limit, claim.per_endpoint)
        return [
            DueDelivery(
                id=row["id"],
                tenant_id=row["tenant_id"],
                endpoint_id=row["endpoint_id"],
                url=row["url"],
                message_id=str(row["event_id"]),
                body=row["body"],
                attempts=row["attempts"],
                sealed_secrets=tuple(row["secrets"]),
                leased_until=claim.leased_until,
            )
            for row in rows
        ]

    async def settle(self, settled: Settled) -> datetime | None:
        delivery, result = settled.delivery, settled.result
        if result.succeeded:
            state = DeliveryState.SUCCEEDED
        else:
            state = DeliveryState.PENDING if settled.next_attempt_at is not None else DeliveryState.FAILED
        failing_since: datetime | None = await self._pool.fetchval(
            SETTLE,
            delivery.tenant_id,
            delivery.id,
            delivery.leased_until,
            state.value,
            settled.next_attempt_at if state is DeliveryState.PENDING else None,
            settled.attempted_at,
            result.status_code,
            result.latency_ms,
            result.error,
            result.succeeded,
        )
        return failing_since

    async def disable_failing(
        self, tenant_id: UUID, endpoint_id: UUID, failing_before: datetime, now: datetime
    ) -> bool:
        disabled: int = await self._pool.fetchval(
            DISABLE,
            tenant_id,
            endpoint_id,
            failing_before,
            now,
            self._ids.new_id(),
            EventType.WEBHOOK_ENDPOINT_DISABLED.value,
        )
        return bool(disabled)

    async def get(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID) -> WebhookDelivery | None:
        row = await self._pool.fetchrow(GET, tenant_id, endpoint_id, delivery_id)
        return delivery_from_row(row) if row else None

    async def list(self, tenant_id: UUID, endpoint_id: UUID, page: PageRequest) -> Page[WebhookDelivery]:
        rows = await self._pool.fetch(LIST, tenant_id, endpoint_id, page.after, page.limit + 1)
        items = [delivery_from_row(row) for row in rows[: page.limit]]
        return Page(items=items, next_after=items[-1].id if len(rows) > page.limit else None)

    async def replay(self, tenant_id: UUID, endpoint_id: UUID, delivery_id: UUID, now: datetime) -> bool:
        status = await self._pool.execute(REPLAY, tenant_id, endpoint_id, now, delivery_id, None)
        return bool(status == "UPDATE 1")

    async def replay_since(self, tenant_id: UUID, endpoint_id: UUID, since: datetime, now: datetime) -> int:
        status = await self._pool.execute(REPLAY, tenant_id, endpoint_id, now, None, since)
        return int(status.rsplit(" ", 1)[-1])
