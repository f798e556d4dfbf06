"""Monthly partitions on asyncpg: made under an advisory lock, detached then dropped when expired.

Every statement takes its locks with a short ``lock_timeout``: a partition is made or dropped with a
brief exclusive lock on its table, and a maintenance that cannot have it at once gives up until the
next round rather than making the redirect queue behind it.
"""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg
import structlog

from app.domain.storage.months import Month, PartitionedTable
from app.domain.storage.retention import FOLLOWS

log = structlog.stdlib.get_logger("relais.storage")

# One maintenance at a time across workers (an arbitrary key of Relais' own).
LOCK = "SELECT pg_advisory_xact_lock(7244512170523316001)"
LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s'"
PARTITIONS = """
SELECT c.relname FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
WHERE i.inhparent = $1::regclass
"""
# $1 the month's lowest id, $2 the next month's. Work still to do on a month's rows keeps it.
STILL_NEEDED = {
    # Clicks a handler or the rollups have not read yet, or whose handling is still to be tried again.
    PartitionedTable.CLICKS: """
SELECT EXISTS (SELECT FROM event_deliveries
               WHERE source = 'clicks' AND event_id >= $1::uuid AND event_id < $2::uuid)
    OR EXISTS (SELECT FROM click_positions AS p
               WHERE p.last_click_id < $2::uuid
                 AND EXISTS (SELECT FROM "{partition}" AS k
                             WHERE k.tenant_id = p.tenant_id AND k.id > p.last_click_id))
""",
    # Events not yet taken, or whose handling is still to be tried again.
    PartitionedTable.OUTBOX: """
SELECT EXISTS (SELECT FROM "{partition}" WHERE delivered_at IS NULL)
    OR EXISTS (SELECT FROM event_deliveries
               WHERE source = 'outbox' AND event_id >= $1::uuid AND event_id < $2::uuid)
""",
    PartitionedTable.WEBHOOK_DELIVERIES: """
SELECT EXISTS (SELECT FROM "{partition}" WHERE state = 'pending' AND id >= $1::uuid AND id < $2::uuid)
""",
}
FOLLOWERS = {leader: [table for table, led in FOLLOWS.items() if led is leader] for leader in PartitionedTable}


class PostgresPartitions:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def create(self, months: Sequence[Month]) -> int:
        created = 0
        try:
            async with self._pool.acquire() as connection, connection.transaction():
                await connection.execute(LOCK_TIMEOUT)
                await connection.execute(LOCK)
                for table in PartitionedTable:
                    existing = set(await self._months(connection, table))
                    for month in months:
                        if month not in existing and await _create(connection, table, month):
                            created += 1
        except asyncpg.LockNotAvailableError:
            log.warning("partitions not made: a table was locked for longer than the upkeep waits")
            return 0
        return created

    async def months(self, table: PartitionedTable) -> list[Month]:
        async with self._pool.acquire() as connection:
            return await self._months(connection, table)

    async def drop(self, table: PartitionedTable, month: Month) -> bool:
        try:
            return await self._drop(table, month)
        except asyncpg.LockNotAvailableError:
            log.warning("partition not dropped: its table was locked for longer than the upkeep waits")
            return False

    async def _drop(self, table: PartitionedTable, month: Month) -> bool:
        async with self._pool.acquire() as connection, connection.transaction():
            await connection.execute(LOCK_TIMEOUT)
            await connection.execute(LOCK)
            if month not in await self._months(connection, table):
                return False
            check = STILL_NEEDED.get(table)
            bounds = (month.lowest_id, month.plus(1).lowest_id)
            if check is not None and await connection.fetchval(
                check.format(partition=month.partition_of(table)), *bounds
            ):
                return False
            # Rows that point at the table's rows go first: a partition still referenced cannot be detached.
            for follower in FOLLOWERS[table]:
                if month in await self._months(connection, follower):
                    await _detach_and_drop(connection, follower, month)
            await _detach_and_drop(connection, table, month)
        return True

    @staticmethod
    async def _months(connection: asyncpg.Connection, table: PartitionedTable) -> list[Month]:
        rows = await connection.fetch(PARTITIONS, table.value)
        named = (Month.named(row["relname"], table) for row in rows)
        return sorted(month for month in named if month is not None)


async def _create(connection: asyncpg.Connection, table: PartitionedTable, month: Month) -> bool:
    """The partition, unless rows of its month already sit in the default partition (they would have to
    be moved first: that month stays in the default partition, which says so in the log)."""
    # Names and bounds come from the month and the table's enumeration, never from input.
    statement = (
        f'CREATE TABLE IF NOT EXISTS "{month.partition_of(table)}" PARTITION OF "{table.value}" '
        f"FOR VALUES FROM ('{month.lowest_id}') TO ('{month.plus(1).lowest_id}')"
    )
    try:
        async with connection.transaction():
            await connection.execute(statement)
    except asyncpg.CheckViolationError:
        log.warning(
            "rows of a month without its partition are in the default partition",
            table=table.value,
            month=str(month.start.date()),
        )
        return False
    return True


async def _detach_and_drop(connection: asyncpg.Connection, table: PartitionedTable, month: Month) -> None:
    partition = month.partition_of(table)
    await connection.execute(f'ALTER TABLE "{table.value}" DETACH PARTITION "{partition}"')
    await connection.execute(f'DROP TABLE "{partition}"')
