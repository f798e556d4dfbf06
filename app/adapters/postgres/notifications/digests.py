"""The weekly digests on asyncpg: the tenants' schedules, and a batch of a tenant's digests prepared in
one statement."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import asyncpg

from app.adapters.postgres.notifications.digest_sql import PREPARE, SCHEDULES
from app.ports.notifications import DigestSchedule


class PostgresDigestStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def schedules(self) -> list[DigestSchedule]:
        return [
            DigestSchedule(tenant_id=row["tenant_id"], time_zone=row["time_zone"], weekday=row["weekday"], at=row["at"])
            for row in await self._pool.fetch(SCHEDULES)
        ]

    async def prepare(
        self, tenant_id: UUID, week: date, since: datetime, now: datetime, time_zone: str, limit: int
    ) -> int:
        prepared: int = await self._pool.fetchval(PREPARE, tenant_id, week, since, now, limit, time_zone)
        return prepared
