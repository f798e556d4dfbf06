"""Ports of storage: the monthly partitions of the event tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from app.domain.storage.months import Month, PartitionedTable


class Partitions(Protocol):
    async def create(self, months: Sequence[Month]) -> int:
        """Makes every partitioned table's partition of each month that has none; returns how many
        were made. Several workers may run it at once: each partition is made once."""
        ...

    async def months(self, table: PartitionedTable) -> list[Month]:
        """The months ``table`` has a partition of, oldest first."""
        ...

    async def drop(self, table: PartitionedTable, month: Month) -> bool:
        """Detaches then drops ``table``'s partition of ``month`` (and the partitions that follow it);
        False, leaving it, while work is still to be done on its rows."""
        ...
