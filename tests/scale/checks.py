"""What the database says after the load: whether the workers have drained, and the figures each
check compares with what the clients saw. Plain SQL on the deployment's database, read-only."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from app.domain.webhooks.event_patterns import deliverable_types
from tests.conftest import _plain_dsn

# Work still to do: events not yet taken, handler work pending, deliveries not yet succeeded, click
# handlers not yet at the last click (a badge earned by a click is an event of its own; every click
# handler has a position per organisation once a worker ran a round), counted clicks without their
# points, weekly digests not yet prepared (one per member).
BACKLOG = """
SELECT (SELECT count(*) FROM outbox WHERE delivered_at IS NULL) AS "events untaken",
       (SELECT count(*) FROM event_deliveries) AS "handler work pending",
       (SELECT count(*) FROM webhook_deliveries WHERE state <> 'succeeded') AS "webhook deliveries pending",
       (SELECT count(*) FROM click_positions p
          WHERE EXISTS (SELECT FROM clicks c WHERE c.tenant_id = p.tenant_id AND c.id > p.last_click_id))
       + (SELECT count(*) FROM clicks WHERE NOT EXISTS (SELECT FROM click_positions)) AS "click handlers behind",
       (SELECT count(*) FROM clicks c WHERE c.kind = 'counted' AND c.is_unique AND NOT c.is_self
          AND NOT EXISTS (SELECT FROM points_entries e WHERE e.tenant_id = c.tenant_id
                          AND e.source_event_id = c.id AND e.rule = 'counted_click')) AS "clicks without points",
       greatest($1 - (SELECT count(*) FROM weekly_digests), 0) AS "digests to prepare"
"""
# Why work is still pending, when the wait gives up.
STUCK = """
SELECT 'handler ' || handler || ' on ' || event_type, attempts, last_error FROM event_deliveries
UNION ALL
SELECT 'webhook ' || event_type || ' ' || state, attempts, last_error FROM webhook_deliveries WHERE state <> 'succeeded'
LIMIT 5
"""
# What the deployment's sessions are doing, when the wait gives up: a session waiting for a lock, or a
# transaction left open, is what stops every worker at once.
SESSIONS = """
SELECT application_name, state, wait_event_type, wait_event, round(extract(epoch FROM now() - xact_start)) AS seconds,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'
ORDER BY xact_start
LIMIT 20
"""


async def query(url: str, statement: str, *arguments: Any) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(_plain_dsn(url))
    try:
        return list(await connection.fetch(statement, *arguments))
    finally:
        await connection.close()


async def drained(url: str, members: int, seconds: float, logs: Path) -> float:
    """Wait for the workers to have done everything the load asked; how long that took. When they have
    not, the failure says what was left, what the database's sessions were doing and what the workers
    logged (warnings and errors only)."""
    started = time.monotonic()
    while True:
        [row] = await query(url, BACKLOG, members)
        if not any(row.values()):
            return time.monotonic() - started
        if time.monotonic() - started > seconds:
            stuck = [tuple(stuck) for stuck in await query(url, STUCK)]
            sessions = "\n".join(f"  {dict(session)}" for session in await query(url, SESSIONS))
            pytest.fail(
                f"the workers still had, after {seconds} s: {dict(row)}; for instance {stuck}\n"
                f"sessions of the database:\n{sessions}\n{worker_logs(logs)}"
            )
        await asyncio.sleep(0.2)


def worker_logs(logs: Path, lines: int = 40) -> str:
    """The last ``lines`` of each worker's log."""
    tails = []
    for log in sorted(logs.glob("worker-*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        tails.append(f"{log.name}, its last {len(tail)} lines:\n" + "\n".join(f"  {line}" for line in tail))
    return "\n".join(tails)


async def clicks_per_share(url: str) -> dict[str, tuple[int, int, int]]:
    """share id -> (clicks stored, distinct visitor networks among them, counted ones)."""
    rows = await query(
        url,
        "SELECT share_id::text, count(*), count(DISTINCT network_hash), count(*) FILTER (WHERE kind = 'counted')"
        " FROM clicks GROUP BY share_id",
    )
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


LEDGER_DUPLICATES = """
SELECT source_event_id, rule, share_id, count(*) FROM points_entries
WHERE source_event_id IS NOT NULL AND reverses IS NULL GROUP BY 1, 2, 3 HAVING count(*) > 1
"""
CLICKS_NOT_AWARDED_ONCE = """
SELECT c.id FROM clicks c WHERE c.kind = 'counted' AND c.is_unique AND NOT c.is_self
AND (SELECT count(*) FROM points_entries e WHERE e.tenant_id = c.tenant_id AND e.source_event_id = c.id
     AND e.rule = 'counted_click') <> 1
"""
SHARES_NOT_AWARDED_ONCE = """
SELECT s.id FROM shares s WHERE s.status = 'posted'
AND (SELECT count(*) FROM points_entries e WHERE e.tenant_id = s.tenant_id AND e.share_id = s.id
     AND e.rule = 'share_posted') <> 1
"""
CREDITS_NOT_AWARDED_ONCE = """
SELECT cc.conversion_id FROM conversion_credits cc
WHERE (SELECT count(*) FROM points_entries e WHERE e.tenant_id = cc.tenant_id AND e.conversion_id = cc.conversion_id
       AND e.share_id = cc.share_id AND e.kind = 'award') <> 1
"""
BALANCES_OFF_THE_LEDGER = """
SELECT b.ambassador_id, b.balance, coalesce(sum(e.points) FILTER (WHERE e.status IN ('credited', 'released')), 0)
FROM points_balances b LEFT JOIN points_entries e ON e.tenant_id = b.tenant_id AND e.ambassador_id = b.ambassador_id
GROUP BY b.ambassador_id, b.balance
HAVING b.balance <> coalesce(sum(e.points) FILTER (WHERE e.status IN ('credited', 'released')), 0) OR b.balance < 0
"""


async def ledger(url: str) -> dict[str, Any]:
    """Every way a point could have been given twice, or a balance drifted from its ledger."""
    return {
        "duplicate awards": await query(url, LEDGER_DUPLICATES),
        "counted clicks not awarded exactly once": await query(url, CLICKS_NOT_AWARDED_ONCE),
        "posted shares not awarded exactly once": await query(url, SHARES_NOT_AWARDED_ONCE),
        "conversion credits not awarded exactly once": await query(url, CREDITS_NOT_AWARDED_ONCE),
        "balances not the sum of their ledger, or negative": await query(url, BALANCES_OFF_THE_LEDGER),
    }


async def ledger_figures(url: str) -> dict[str, int]:
    [row] = await query(
        url,
        "SELECT count(*), count(*) FILTER (WHERE rule = 'counted_click'), count(DISTINCT ambassador_id),"
        " (SELECT min(balance) FROM points_balances), (SELECT count(*) FROM conversions) FROM points_entries",
    )
    return {
        "entries": row[0],
        "click awards": row[1],
        "ambassadors": row[2],
        "lowest balance": row[3],
        "conversions": row[4],
    }


async def stock(url: str) -> dict[str, tuple[int, int, int]]:
    """reward id -> (units left, redemptions holding a unit, redemptions whose spend is not their cost)."""
    rows = await query(
        url,
        "SELECT r.id::text, r.stock,"
        " (SELECT count(*) FROM redemptions d WHERE d.tenant_id = r.tenant_id AND d.reward_id = r.id"
        "  AND d.status NOT IN ('rejected', 'cancelled')),"
        " (SELECT count(*) FROM redemptions d JOIN points_entries e ON e.tenant_id = d.tenant_id"
        "  AND e.id = d.spend_entry_id WHERE d.tenant_id = r.tenant_id AND d.reward_id = r.id"
        "  AND e.points <> -d.points)"
        " FROM rewards r",
    )
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


async def stored_ids(url: str, table: str) -> set[str]:
    return {row[0] for row in await query(url, f"SELECT id::text FROM {table}")}  # noqa: S608 - a fixed name


async def undelivered_events(url: str) -> list[asyncpg.Record]:
    """Events of a type endpoints subscribe to that have no delivery to the endpoint."""
    return await query(
        url,
        "SELECT o.id, o.type, o.recorded_at, o.delivered_at, now() FROM outbox o"
        " WHERE o.type = ANY($1::text[]) AND NOT EXISTS"
        " (SELECT FROM webhook_deliveries d WHERE d.tenant_id = o.tenant_id AND d.event_id = o.id)",
        list(deliverable_types()),
    )


async def deliveries(url: str) -> dict[str, tuple[int, int, int, int]]:
    """event id -> (its deliveries, total_attempts recorded on them, attempt rows, successful attempt rows)."""
    rows = await query(
        url,
        "SELECT d.event_id::text, count(DISTINCT d.id), max(d.total_attempts), count(a.attempt),"
        " count(a.attempt) FILTER (WHERE a.status_code BETWEEN 200 AND 299)"
        " FROM webhook_deliveries d LEFT JOIN webhook_delivery_attempts a"
        " ON a.tenant_id = d.tenant_id AND a.delivery_id = d.id GROUP BY d.event_id",
    )
    return {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}


async def digests(url: str) -> tuple[int, Counter[tuple[str, str]]]:
    """(weekly digest rows, digest.prepared events per member and week)."""
    [row] = await query(url, "SELECT count(*) FROM weekly_digests")
    events = await query(
        url, "SELECT data ->> 'ambassador_id', data ->> 'week' FROM outbox WHERE type = 'digest.prepared'"
    )
    return row[0], Counter((event[0], event[1]) for event in events)


async def parked(url: str) -> list[asyncpg.Record]:
    return await query(url, "SELECT event_type, handler, error FROM parked_events")
