"""How long each partitioned table keeps its months."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.domain.storage.months import Month, PartitionedTable

# The attempts of a delivery go with it: they are dropped when their deliveries' month is.
FOLLOWS = {PartitionedTable.WEBHOOK_DELIVERY_ATTEMPTS: PartitionedTable.WEBHOOK_DELIVERIES}
# Never given a retention: balances, spends, donations and reversals are made of the ledger's entries.
KEPT_WHOLE = frozenset({PartitionedTable.POINTS_ENTRIES})


@dataclass(frozen=True, slots=True)
class Retention:
    """Months kept per table, counting the current one; a table not named keeps every month."""

    kept_months: Mapping[PartitionedTable, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if any(months < 1 for months in self.kept_months.values()):
            raise ValueError("A table keeps at least its current month.")
        if any(table in FOLLOWS for table in self.kept_months):
            raise ValueError("A delivery's attempts are kept as long as the delivery.")
        if any(table in KEPT_WHOLE for table in self.kept_months):
            raise ValueError("The points ledger is kept whole.")

    def months_kept(self, table: PartitionedTable) -> int | None:
        if table in KEPT_WHOLE:
            return None
        return self.kept_months.get(FOLLOWS.get(table, table))

    def expired(self, table: PartitionedTable, months: Iterable[Month], now: datetime) -> list[Month]:
        """The months of ``table`` past keeping, oldest first: with 3 months kept in December, September
        and before. A month is kept whole until every one of its days is older than the kept span."""
        kept = self.months_kept(table)
        if kept is None:
            return []
        oldest_kept = Month.of(now).plus(1 - kept)
        return sorted(month for month in months if month < oldest_kept)
