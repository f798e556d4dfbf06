"""The months the event tables are cut into, the ids that bound them, and how long each table keeps them."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import pytest

from app.adapters.system import Uuid7Generator
from app.domain.storage.months import Month, PartitionedTable, derived_id, lowest_id_at, months_ahead
from app.domain.storage.retention import Retention

DECEMBER = datetime(2026, 12, 6, 17, 30, tzinfo=UTC)


def test_a_month_is_bounded_by_the_lowest_ids_of_its_first_millisecond_and_the_next_months() -> None:
    ids = Uuid7Generator()
    made = ids.new_id()
    month = Month.of(datetime.now(UTC))

    assert month.lowest_id <= made < month.plus(1).lowest_id
    assert Month(2026, 12).lowest_id == UUID("01a22ee6-b000-7000-8000-000000000000")  # 2026-12-01T00:00Z
    assert Month(2026, 12).partition_of(PartitionedTable.CLICKS) == "clicks_2026_12"


def test_months_run_across_years_and_partition_names_read_back() -> None:
    assert months_ahead(DECEMBER, 3) == [Month(2026, 12), Month(2027, 1), Month(2027, 2), Month(2027, 3)]
    assert Month.named("webhook_deliveries_2027_01", PartitionedTable.WEBHOOK_DELIVERIES) == Month(2027, 1)
    assert Month.named("webhook_delivery_attempts_2027_01", PartitionedTable.WEBHOOK_DELIVERIES) is None
    assert Month.named("clicks_default", PartitionedTable.CLICKS) is None


def test_a_derived_id_is_the_same_for_the_same_key_and_sorts_at_its_source_events_time() -> None:
    event = Uuid7Generator().new_id()
    endpoint, other = UUID(int=1), UUID(int=2)

    derived = derived_id(event, endpoint, event)

    assert derived == derived_id(event, endpoint, event)
    assert derived != derived_id(event, other, event)
    assert derived.version == 7
    assert derived.int >> 80 == event.int >> 80  # the same millisecond: the same month's partition
    assert lowest_id_at(datetime.fromtimestamp((event.int >> 80) / 1000, UTC)) <= derived


def test_retention_drops_whole_months_older_than_those_kept_and_only_for_the_tables_named() -> None:
    kept = Retention({PartitionedTable.CLICKS: 3})
    months = [Month(2026, 8), Month(2026, 9), Month(2026, 10), Month(2026, 11), Month(2026, 12)]

    assert kept.expired(PartitionedTable.CLICKS, months, DECEMBER) == [Month(2026, 8), Month(2026, 9)]
    assert kept.expired(PartitionedTable.OUTBOX, months, DECEMBER) == []
    assert Retention().expired(PartitionedTable.WEBHOOK_DELIVERIES, months, DECEMBER) == []


def test_a_table_keeps_at_least_its_current_month() -> None:
    with pytest.raises(ValueError, match="current month"):
        Retention({PartitionedTable.OUTBOX: 0})
