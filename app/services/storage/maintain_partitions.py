"""The worker's upkeep of the monthly partitions: next months made ahead, expired ones dropped."""

from __future__ import annotations

from datetime import datetime, timedelta

import structlog

from app.domain.storage.months import PartitionedTable, months_ahead
from app.domain.storage.retention import FOLLOWS, Retention
from app.ports.storage import Partitions
from app.ports.system import Clock

log = structlog.stdlib.get_logger("relais.storage")

# Months turn slowly: looking once an hour is plenty, and every worker may look (a partition is made
# once, under a lock, and one dropped is not there to drop again).
EVERY = timedelta(hours=1)
# Made this many months ahead: a month's partition exists long before its first row, even when every
# worker is stopped for weeks.
MONTHS_AHEAD = 3


class MaintainPartitions:
    """Makes the partitions of the current month and the next ones, for every partitioned table; then
    drops, table by table, the months past their retention (none unless configured, and never the points
    ledger's: it is what balances are made of). A month still holding work to do (an
    event not yet taken, a delivery pending, clicks a handler has not read) is kept until it is done."""

    def __init__(self, partitions: Partitions, clock: Clock, retention: Retention, ahead: int = MONTHS_AHEAD) -> None:
        self._partitions = partitions
        self._clock = clock
        self._retention = retention
        self._ahead = ahead
        self._next: datetime | None = None

    async def __call__(self) -> int:
        now = self._clock.now()
        if self._next is not None and now < self._next:
            return 0
        self._next = now + EVERY
        created = await self._partitions.create(months_ahead(now, self._ahead))
        dropped = 0
        for table in PartitionedTable:
            if table in FOLLOWS:
                continue
            for month in self._retention.expired(table, await self._partitions.months(table), now):
                if await self._partitions.drop(table, month):
                    dropped += 1
                    log.info("partition dropped", table=table.value, month=str(month.start.date()))
        if created:
            log.info("partitions created", count=created)
        # Work done is not work waiting: the round's pace does not change.
        return 0
