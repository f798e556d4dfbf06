"""Monthly partitions in memory: the months each table has, and those whose rows still have work."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.storage.months import Month, PartitionedTable
from app.domain.storage.retention import FOLLOWS


class FakePartitions:
    def __init__(self) -> None:
        self.tables: dict[PartitionedTable, set[Month]] = {table: set() for table in PartitionedTable}
        self.busy: set[tuple[PartitionedTable, Month]] = set()

    async def create(self, months: Sequence[Month]) -> int:
        made = 0
        for table in PartitionedTable:
            for month in months:
                if month not in self.tables[table]:
                    self.tables[table].add(month)
                    made += 1
        return made

    async def months(self, table: PartitionedTable) -> list[Month]:
        return sorted(self.tables[table])

    async def drop(self, table: PartitionedTable, month: Month) -> bool:
        if month not in self.tables[table] or (table, month) in self.busy:
            return False
        for follower, leader in FOLLOWS.items():
            if leader is table:
                self.tables[follower].discard(month)
        self.tables[table].discard(month)
        return True
