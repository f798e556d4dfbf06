"""The worker's upkeep of the monthly partitions, on partitions in memory: months made ahead, expired
months dropped for the tables given a retention only, and once an hour."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.storage.months import Month, PartitionedTable
from app.domain.storage.retention import Retention
from app.services.storage.maintain_partitions import MaintainPartitions
from tests.fake_partitions import FakePartitions
from tests.fakes import FixedClock

DECEMBER = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)
AHEAD = [Month(2026, 12), Month(2027, 1), Month(2027, 2), Month(2027, 3)]


async def test_the_current_month_and_the_next_three_are_made_for_every_table() -> None:
    partitions = FakePartitions()

    await MaintainPartitions(partitions, FixedClock(DECEMBER), Retention())()

    assert {table: sorted(months) for table, months in partitions.tables.items()} == dict.fromkeys(
        PartitionedTable, AHEAD
    )


async def test_expired_months_go_for_the_tables_given_a_retention_with_their_followers_only() -> None:
    partitions = FakePartitions()
    await partitions.create([Month(2026, 8), Month(2026, 9), Month(2026, 10)])
    retention = Retention({PartitionedTable.WEBHOOK_DELIVERIES: 3})

    await MaintainPartitions(partitions, FixedClock(DECEMBER), retention)()

    kept = [Month(2026, 10), *AHEAD]
    assert sorted(partitions.tables[PartitionedTable.WEBHOOK_DELIVERIES]) == kept
    assert sorted(partitions.tables[PartitionedTable.WEBHOOK_DELIVERY_ATTEMPTS]) == kept
    assert Month(2026, 8) in partitions.tables[PartitionedTable.CLICKS]


async def test_a_month_with_work_left_stays_until_a_later_round_finds_it_done() -> None:
    partitions = FakePartitions()
    await partitions.create([Month(2026, 1)])
    partitions.busy.add((PartitionedTable.OUTBOX, Month(2026, 1)))
    clock = FixedClock(DECEMBER)
    upkeep = MaintainPartitions(partitions, clock, Retention({PartitionedTable.OUTBOX: 1}))

    await upkeep()
    partitions.busy.clear()
    await upkeep()  # within the hour: not looked at again
    held = Month(2026, 1) in partitions.tables[PartitionedTable.OUTBOX]
    clock.current += timedelta(hours=1)
    await upkeep()

    assert held
    assert sorted(partitions.tables[PartitionedTable.OUTBOX]) == AHEAD


async def test_the_points_ledger_is_given_no_retention_and_its_months_stay() -> None:
    partitions = FakePartitions()
    await partitions.create([Month(2025, 1)])
    every_other = Retention(dict.fromkeys((PartitionedTable.CLICKS, PartitionedTable.OUTBOX), 1))

    await MaintainPartitions(partitions, FixedClock(DECEMBER), every_other)()

    assert Month(2025, 1) in partitions.tables[PartitionedTable.POINTS_ENTRIES]
    assert Month(2025, 1) not in partitions.tables[PartitionedTable.OUTBOX]
    assert every_other.months_kept(PartitionedTable.POINTS_ENTRIES) is None
    with pytest.raises(ValueError, match="kept whole"):
        Retention({PartitionedTable.POINTS_ENTRIES: 1})
