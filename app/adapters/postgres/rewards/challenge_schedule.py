"""Challenges due for settlement, across tenants, on asyncpg: the worker's periodic round asks."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from app.ports.recognition import DueChallenge

DUE = """
SELECT c.tenant_id, c.id, c.ends_at
FROM campaigns AS c
WHERE c.is_challenge AND c.status = 'launched' AND c.ends_at <= $1
  AND NOT EXISTS (SELECT 1 FROM challenge_results AS r WHERE r.tenant_id = c.tenant_id AND r.campaign_id = c.id)
ORDER BY c.ends_at
LIMIT $2
"""


class PostgresChallengeSchedule:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def due(self, now: datetime, limit: int) -> list[DueChallenge]:
        rows = await self._pool.fetch(DUE, now, limit)
        return [DueChallenge(tenant_id=r["tenant_id"], campaign_id=r["id"], ends_at=r["ends_at"]) for r in rows]
