"""The weekly digests on asyncpg: the tenants' schedules, and a batch of a tenant's digests prepared in
one statement."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import asyncpg

from app.adapters.postgres.notifications.digest_sql import PREPARE, SCHEDULES
from app.ports.notifications import DigestBatch, DigestBatchDone, DigestSchedule


class PostgresDigestStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def schedules(self) -> list[DigestSchedule]:
        return [
            DigestSchedule(tenant_id=row["tenant_id"], time_zone=row["time_zone"], weekday=row["weekday"], at=row["at"])
            for row in await self._pool.fetch(SCHEDULES)
        ]

    async def prepare(
        self, tenant_id: UUID, week: date, since: datetime, now: datetime, time_zone: str, batch: DigestBatch
    ) -> DigestBatchDone:
        row = await self._pool.fetchrow(
            PREPARE, tenant_id, week, since, now, batch.limit, time_zone, batch.after or UUID(int=0)
        )
        return DigestBatchDone(prepared=row["prepared"], read=row["read"], last=row["last"])
