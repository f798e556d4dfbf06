"""The delivery log's pruning, across tenants, on the raw pool: one statement along the received_at index."""

from __future__ import annotations

from datetime import datetime

import asyncpg

# In batches, so a first prune after a long pause never holds a long lock nor a huge transaction.
PRUNE = """
DELETE FROM integration_deliveries
WHERE (tenant_id, id) IN (
    SELECT tenant_id, id FROM integration_deliveries WHERE received_at < $1::timestamptz LIMIT $2::int
)
"""
BATCH = 5000


class PostgresDeliveryRetention:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def prune(self, before: datetime) -> int:
        status: str = await self._pool.execute(PRUNE, before, BATCH)
        return int(status.split()[-1])
