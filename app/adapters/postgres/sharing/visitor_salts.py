"""Daily visitor salts on asyncpg: get-or-create in one statement, so all replicas agree.

The first request of a UTC day inserts that day's salt (``ON CONFLICT DO NOTHING``: a
concurrent replica's salt wins) and deletes the salts older than yesterday, which are no
longer needed to recognise a visitor within 24 hours.
"""

from __future__ import annotations

from datetime import date, timedelta

import asyncpg

from app.domain.sharing.visitors import DailySalt, VisitorSalts

SALTS = """
WITH created AS (
    INSERT INTO visitor_salts (day, salt, created_at) VALUES ($1, $2, now())
    ON CONFLICT (day) DO NOTHING
    RETURNING day, salt
), expired AS (
    DELETE FROM visitor_salts WHERE day < $3 AND EXISTS (SELECT 1 FROM created)
)
SELECT day, salt FROM created
UNION ALL
SELECT day, salt FROM visitor_salts WHERE day IN ($1, $3)
"""
# A concurrent replica's insert may commit after this statement's snapshot: its salt is then
# neither returned by ``created`` nor visible to the select, and reading once more finds it.
ATTEMPTS = 3


class PostgresVisitorSaltStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def salts(self, today: date) -> VisitorSalts:
        yesterday = today - timedelta(days=1)
        for _ in range(ATTEMPTS):
            fresh = DailySalt.generate(today)
            rows = await self._pool.fetch(SALTS, today, fresh.value, yesterday)
            found = {row["day"]: DailySalt(day=row["day"], value=bytes(row["salt"])) for row in rows}
            if today in found:
                return VisitorSalts(current=found[today], previous=found.get(yesterday))
        raise RuntimeError("Today's visitor salt could not be read.")
