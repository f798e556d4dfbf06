"""The hourly rollups on asyncpg: what the worker adds for clicks, posted shares, engagement and
conversions. Every addition is safe to repeat: clicks advance a position in the same transaction,
the others keep a row (``metric_shares``, ``metric_conversions``) saying what was added."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import asyncpg

from app.adapters.postgres.events.delivery_queue import ADD_POSITIONS, CLAIM_POSITIONS, first_id_at
from app.adapters.postgres.metrics.rollup_sql import (
    ADD_CLICKS,
    ADD_CONVERSION,
    ADD_ENGAGEMENT,
    ADD_POSTED_SHARE,
    ADDED_ENGAGEMENT,
    CURRENT_ENGAGEMENT,
    LOCK_ENGAGEMENT,
    REMOVE_CONVERSION,
    SET_ADDED_ENGAGEMENT,
)

# The rollups read clicks as the click handlers do, from a position per tenant under this name.
CLICK_POSITION = "metric-clicks"

# $1 tenant, $2 the lease it was claimed under, $3 the position's name: held until the commit.
HOLD_POSITION = """
SELECT last_click_id FROM click_positions
WHERE tenant_id = $1 AND handler = $3 AND leased_until = $2::timestamptz
FOR UPDATE
"""
# $1 tenant, $2 after, $3 the first id not settled, $4 how many: the last click of the next batch.
BATCH_END = """
WITH batch AS (
    SELECT id FROM clicks WHERE tenant_id = $1 AND id > $2::uuid AND id < $3::uuid ORDER BY id LIMIT $4
)
SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1) AS through, (SELECT count(*) FROM batch) AS clicks
"""
# $1 tenant, $2 the last click added (or null), $3 now, $4 the position's name.
RELEASE_POSITION = """
UPDATE click_positions SET last_click_id = coalesce($2::uuid, last_click_id), leased_until = $3::timestamptz
WHERE tenant_id = $1 AND handler = $4
"""

ENGAGEMENT = ("impressions", "reactions", "comments", "reshares")


class PostgresMetricRollups:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def add_clicks(
        self, *, settled_before: datetime, now: datetime, leased_until: datetime, tenants: int, batch: int
    ) -> int:
        """Add the settled clicks of up to ``tenants`` tenants, ``batch`` per tenant; answers how many
        clicks were read. A tenant's batch and its position's advance commit together."""
        await self._pool.execute(ADD_POSITIONS, [CLICK_POSITION])
        settled = first_id_at(settled_before)
        positions = await self._pool.fetch(CLAIM_POSITIONS, [CLICK_POSITION], settled, now, leased_until, tenants)
        read = 0
        for position in positions:
            read += await self._add_tenant_clicks(position["tenant_id"], position["leased_until"], settled, batch, now)
        return read

    async def _add_tenant_clicks(
        self, tenant_id: UUID, leased_until: datetime, settled: UUID, batch: int, now: datetime
    ) -> int:
        async with self._pool.acquire() as connection, connection.transaction():
            after = await connection.fetchval(HOLD_POSITION, tenant_id, leased_until, CLICK_POSITION)
            if after is None:
                return 0  # the lease ran out and another worker holds the position now
            batch_end = await connection.fetchrow(BATCH_END, tenant_id, after, settled, batch)
            through = batch_end["through"] if batch_end else None
            if through is not None:
                await connection.execute(ADD_CLICKS, tenant_id, after, through)
            await connection.execute(RELEASE_POSITION, tenant_id, through, now, CLICK_POSITION)
            return int(batch_end["clicks"]) if batch_end else 0

    async def add_posted_share(self, tenant_id: UUID, share_id: UUID) -> None:
        await self._pool.execute(ADD_POSTED_SHARE, tenant_id, share_id)

    async def refresh_engagement(self, tenant_id: UUID, share_id: UUID) -> None:
        """Add the difference between the share's current engagement and what was added before."""
        async with self._pool.acquire() as connection, connection.transaction():
            await connection.execute(LOCK_ENGAGEMENT, tenant_id, share_id)
            added = await connection.fetchrow(ADDED_ENGAGEMENT, tenant_id, share_id)
            current = await connection.fetchrow(CURRENT_ENGAGEMENT, tenant_id, share_id)
            if added is None or current is None:
                return  # not a posted share, or nothing observed yet
            differences = [current[name] - added[name] for name in ENGAGEMENT]
            if any(differences):
                await connection.execute(ADD_ENGAGEMENT, tenant_id, share_id, *differences)
                await connection.execute(SET_ADDED_ENGAGEMENT, tenant_id, share_id, *(current[n] for n in ENGAGEMENT))

    async def add_conversion(self, tenant_id: UUID, conversion_id: UUID, currency: str) -> None:
        await self._pool.execute(ADD_CONVERSION, tenant_id, conversion_id, currency)

    async def remove_conversion(self, tenant_id: UUID, conversion_id: UUID, currency: str) -> None:
        await self._pool.execute(REMOVE_CONVERSION, tenant_id, conversion_id, currency)
