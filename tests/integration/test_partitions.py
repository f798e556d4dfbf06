"""The event tables' monthly partitions on PostgreSQL: made by the migration and ahead by the worker,
read by the redirect one month at a time, and dropped only past the retention an operator set."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg
import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.sharing.redirect import FOLLOW_LINK, follow_link_arguments
from app.adapters.postgres.storage.partitions import PostgresPartitions
from app.adapters.postgres.webhooks.deliveries import PostgresWebhookDeliveries
from app.adapters.system import Uuid7Generator
from app.domain.events import RecordedEvent
from app.domain.sharing.tracked_links import ShareCode
from app.domain.sharing.visitors import ClickKind
from app.domain.storage.months import Month, PartitionedTable, months_ahead
from app.domain.storage.retention import Retention
from app.ports.sharing import ClickToRecord
from app.services.storage.maintain_partitions import MaintainPartitions
from tests.fakes import FixedClock
from tests.integration.conftest import Mint
from tests.integration.metrics_helpers import around_today, read, roll_up, shared_and_clicked, titled_content
from tests.integration.redirect_helpers import Share, live_share
from tests.integration.share_helpers import sharing_programme
from tests.integration.webhook_helpers import register

LONG_AGO = Month(2025, 1)


@pytest.fixture
async def pool(database_url: str) -> AsyncIterator[asyncpg.Pool]:
    opened = await create_pool(database_url, size=2)
    try:
        yield opened
    finally:
        # Whatever a test made or dropped, the next finds this month and the next three again, and no other.
        partitions = PostgresPartitions(opened)
        await partitions.create(months_ahead(datetime.now(UTC), 3))
        current = Month.of(datetime.now(UTC))
        for table in PartitionedTable:
            if table is PartitionedTable.WEBHOOK_DELIVERY_ATTEMPTS:
                continue  # dropped with their deliveries
            for month in await partitions.months(table):
                if not current <= month <= current.plus(3):
                    await partitions.drop(table, month)
        await opened.close()


async def test_each_event_table_has_this_months_partition_the_next_three_and_a_default(pool: asyncpg.Pool) -> None:
    current = Month.of(datetime.now(UTC))
    partitions = PostgresPartitions(pool)

    for table in PartitionedTable:
        assert await partitions.months(table) == [current.plus(offset) for offset in range(4)], table
        assert await pool.fetchval("SELECT to_regclass($1) IS NOT NULL", f"{table.value}_default")


async def test_a_click_lands_in_the_partition_of_its_month(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    pool: asyncpg.Pool,
) -> None:
    share = await live_share(client, mint, engine, tenant_a, admin_a)
    assert (await client.get(share.path, headers={"user-agent": "Mozilla/5.0"})).status_code == 302

    [where] = await pool.fetch("SELECT tableoid::regclass::text AS partition FROM clicks WHERE share_id = $1", share.id)
    assert where["partition"] == Month.of(datetime.now(UTC)).partition_of(PartitionedTable.CLICKS)


async def test_two_workers_making_the_months_ahead_at_once_make_each_partition_once(pool: asyncpg.Pool) -> None:
    later = datetime.now(UTC) + timedelta(days=366 * 2)
    months = months_ahead(later, 3)
    partitions = PostgresPartitions(pool)

    made = await asyncio.gather(partitions.create(months), partitions.create(months))
    again = await MaintainPartitions(partitions, FixedClock(later), Retention())()

    assert sum(made) == len(PartitionedTable) * 4
    assert again == 0
    assert await partitions.months(PartitionedTable.OUTBOX) == sorted({*months_ahead(datetime.now(UTC), 3), *months})


async def test_retention_drops_the_expired_months_of_the_tables_it_names_only(pool: asyncpg.Pool) -> None:
    partitions = PostgresPartitions(pool)
    await partitions.create([LONG_AGO])
    current = Month.of(datetime.now(UTC))

    await MaintainPartitions(partitions, FixedClock(datetime.now(UTC)), Retention({PartitionedTable.CLICKS: 3}))()

    assert await partitions.months(PartitionedTable.CLICKS) == [current.plus(offset) for offset in range(4)]
    assert LONG_AGO in await partitions.months(PartitionedTable.OUTBOX)
    assert LONG_AGO in await partitions.months(PartitionedTable.WEBHOOK_DELIVERIES)
    assert LONG_AGO in await partitions.months(PartitionedTable.POINTS_ENTRIES)


async def test_the_points_ledger_keeps_every_month_whatever_the_other_tables_keep(pool: asyncpg.Pool) -> None:
    partitions = PostgresPartitions(pool)
    await partitions.create([LONG_AGO])
    shortest = Retention(
        {PartitionedTable.CLICKS: 1, PartitionedTable.OUTBOX: 1, PartitionedTable.WEBHOOK_DELIVERIES: 1}
    )

    await MaintainPartitions(partitions, FixedClock(datetime.now(UTC)), shortest)()

    assert LONG_AGO not in await partitions.months(PartitionedTable.CLICKS)
    assert LONG_AGO in await partitions.months(PartitionedTable.POINTS_ENTRIES)
    with pytest.raises(ValueError, match="kept whole"):
        Retention({PartitionedTable.POINTS_ENTRIES: 120})


async def test_a_month_whose_events_are_not_all_taken_is_kept_past_its_retention(pool: asyncpg.Pool) -> None:
    partitions = PostgresPartitions(pool)
    await partitions.create([LONG_AGO])
    tenant = await pool.fetchval(
        "INSERT INTO tenants (id, slug, name, created_at) VALUES ($1, 'old', 'Old', now()) RETURNING id",
        UUID(int=LONG_AGO.lowest_id.int | 2),
    )
    await pool.execute(
        "INSERT INTO outbox (tenant_id, id, type, occurred_at, data, recorded_at)"
        " VALUES ($1, $2, 'x.y', now(), '{}', now())",
        tenant,
        LONG_AGO.lowest_id,
    )

    dropped = await partitions.drop(PartitionedTable.OUTBOX, LONG_AGO)

    assert not dropped
    assert LONG_AGO in await partitions.months(PartitionedTable.OUTBOX)
    await pool.execute("UPDATE outbox SET delivered_at = now() WHERE tenant_id = $1", tenant)
    assert await partitions.drop(PartitionedTable.OUTBOX, LONG_AGO)


async def test_the_metrics_keep_the_clicks_of_a_month_whose_clicks_were_dropped(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
    pool: asyncpg.Pool,
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await titled_content(client, sharing, "Lyon")
    await shared_and_clicked(client, sharing.member, content_id, visitors=3)
    await roll_up(engine, database_url)
    params = around_today() | {"kpi": "clicks,unique_visitors"}
    before = await read(client, "/v1/metrics", admin_a, **params)
    # Half a year on, with three months of clicks kept: this month's clicks go, their figures stay.
    later = datetime.now(UTC) + timedelta(days=183)
    await MaintainPartitions(PostgresPartitions(pool), FixedClock(later), Retention({PartitionedTable.CLICKS: 3}))()

    after = await read(client, "/v1/metrics", admin_a, **params)

    assert await pool.fetchval("SELECT count(*) FROM clicks") == 0
    assert Month.of(datetime.now(UTC)) not in await PostgresPartitions(pool).months(PartitionedTable.CLICKS)
    assert after == before
    assert before["totals"] == {"clicks": 3, "unique_visitors": 3}


async def test_the_redirect_reads_the_clicks_of_recent_months_only(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    tenant_a: UUID,
    admin_a: dict[str, str],
    pool: asyncpg.Pool,
) -> None:
    share: Share = await live_share(client, mint, engine, tenant_a, admin_a)
    await PostgresPartitions(pool).create([LONG_AGO])
    now = datetime.now(UTC)
    click = ClickToRecord(
        code=ShareCode(share.code),
        id=UUID(int=Month.of(now).lowest_id.int | 1),
        clicked_at=now,
        day=now.date(),
        kind=ClickKind.COUNTED,
        visitor_hash="v",
        network_hashes=("n", "m"),
        daily_cap=5,
    )

    async with pool.acquire() as connection:
        transaction = connection.transaction()
        await transaction.start()
        try:
            plan = "\n".join(
                row[0]
                for row in await connection.fetch(
                    f"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) {FOLLOW_LINK}", *follow_link_arguments(click, tenant_a)
                )
            )
        finally:
            await transaction.rollback()

    current = Month.of(now).partition_of(PartitionedTable.CLICKS)
    assert LONG_AGO.partition_of(PartitionedTable.CLICKS) not in plan
    assert Month.of(now).plus(1).partition_of(PartitionedTable.CLICKS) not in plan
    assert "clicks_default" not in plan
    assert current in plan


async def test_an_event_fanned_out_again_adds_no_delivery_whether_its_first_was_made_before_or_after_0021(
    client: httpx.AsyncClient, admin_a: dict[str, str], tenant_a: UUID, pool: asyncpg.Pool
) -> None:
    """Webhook deliveries lost their unique (endpoint, event) to partitioning: the delivery's id, derived
    from both, refuses the repeat, and a delivery made earlier with a random id is found by the two."""
    endpoint = UUID((await register(client, admin_a, "http://localhost:9/hooks", ["share.*"]))["id"])
    ids = Uuid7Generator()
    deliveries = PostgresWebhookDeliveries(pool, ids)
    now = datetime.now(UTC)
    posted = RecordedEvent(id=ids.new_id(), type="share.posted", tenant_id=tenant_a, occurred_at=now)
    earlier = RecordedEvent(id=ids.new_id(), type="share.posted", tenant_id=tenant_a, occurred_at=now)
    await pool.execute(
        "INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, event_id, event_type, body, state, attempts,"
        " total_attempts, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, 'share.posted', '{}', 'pending', 0, 0,"
        " $5, $5)",
        tenant_a,
        ids.new_id(),
        endpoint,
        earlier.id,
        now,
    )

    added = [await deliveries.fan_out(event, now) for event in (posted, posted, earlier)]
    both = await asyncio.gather(*(deliveries.fan_out(event, now) for event in [replace(posted, id=ids.new_id())] * 2))

    assert added == [1, 0, 0]
    assert sorted(both) == [0, 1]
    assert await pool.fetchval("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1", endpoint) == 3
