"""The worker's hourly rollups on PostgreSQL: what a posted share, its engagement, its clicks and a
lead add to them, read back through the metric reads, and nothing twice when the worker repeats."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID

import asyncpg
import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, plain_dsn
from app.adapters.postgres.metrics.reader import PostgresMetricsReader
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.bootstrap.worker import click_rollup_limits
from app.domain.metrics.kpis import Kpi
from app.domain.metrics.queries import Grouping, MetricsQuery, Period
from app.domain.metrics.report import build_report
from app.domain.metrics.valuation import Valuation
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from app.settings import Settings
from tests.fakes import FixedClock
from tests.integration.conftest import Mint, bearer
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.share_helpers import create_share, published, sharing_programme
from tests.integration.test_conversion_journey import click
from tests.integration.test_engagement_milestone_points import counts, report
from tests.integration.worker_helpers import MovableClock

KPIS = (
    Kpi.POSTED_SHARES,
    Kpi.ACTIVE_AMBASSADORS,
    Kpi.IMPRESSIONS,
    Kpi.ENGAGEMENT,
    Kpi.CLICKS,
    Kpi.UNIQUE_VISITORS,
    Kpi.LEADS,
    Kpi.EARNED_MEDIA_VALUE,
)


async def test_a_share_its_engagement_clicks_and_lead_add_up_once_in_the_rollups(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    content_id = await published(client, sharing)
    share = (await create_share(client, sharing.member, content_id)).json()
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    await report(client, share["id"], sharing.member, counts(1000, 40))
    integrator = bearer(mint(tenant_a, "integrator", subject="linkedin-sync"))
    await report(client, share["id"], integrator, counts(2000, 90))
    first = await click(client, share["tracked_url"], "198.51.100.20")
    await click(client, share["tracked_url"], "198.51.100.20")  # the same visitor again: counted, not unique
    await click(client, share["tracked_url"], "203.0.113.77")  # another network
    lead = {"type": "lead", "external_id": "crm-1", "click_ref": first, "occurred_at": datetime.now(UTC).isoformat()}
    assert (await client.post("/v1/conversions", json=lead, headers=integrator)).status_code == 201

    pool = await create_pool(database_url, size=2)
    try:
        rollups, clock = PostgresMetricRollups(pool), MovableClock()
        clicks = RollUpClicks(rollups, clock, ClickRollupLimits(settle=timedelta(0)))
        async with worker_rounds(engine, database_url) as run:
            await run()
            await run()  # nothing left: a second pass adds nothing
        assert await clicks() == 3
        assert await clicks() == 0
        today = datetime.now(UTC).date()
        query = MetricsQuery(
            period=Period(first_day=today - timedelta(days=1), last_day=today, time_zone="Europe/Paris"),
            kpis=KPIS,
            group_by=Grouping.NETWORK,
        )
        bases = await PostgresMetricsReader(pool).bases(tenant_a, query)
    finally:
        await pool.close()
    rows = [(group.key, group.label, basis) for group, basis in bases.rows]
    answer = build_report(query, bases.totals, rows, Valuation())
    expected = {
        Kpi.POSTED_SHARES: 1,
        Kpi.ACTIVE_AMBASSADORS: 1,
        Kpi.IMPRESSIONS: 2000,  # the integration's figures win over the ambassador's
        Kpi.ENGAGEMENT: 90,
        Kpi.CLICKS: 3,
        Kpi.UNIQUE_VISITORS: 2,
        Kpi.LEADS: 1.0,
        Kpi.EARNED_MEDIA_VALUE: 1318,  # 2,000 LinkedIn impressions at 6.59 a thousand
    }
    assert dict(answer.totals) == expected
    assert [(row.key, dict(row.values)) for row in answer.rows] == [("linkedin", expected)]


async def test_an_invalidated_lead_leaves_the_rollups_once_and_a_late_attribution_adds_nothing(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = (await create_share(client, sharing.member, await published(client, sharing))).json()
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    reference = await click(client, share["tracked_url"], "198.51.100.20")
    integrator = bearer(mint(tenant_a, "integrator", subject="crm-sync"))
    now = datetime.now(UTC).isoformat()
    leads = []
    for external_id in ("crm-1", "crm-2"):
        body = {"type": "lead", "external_id": external_id, "click_ref": reference, "occurred_at": now}
        reported = await client.post("/v1/conversions", json=body, headers=integrator)
        assert reported.status_code == 201, reported.text
        leads.append(reported.json()["id"])
    async with worker_rounds(engine, database_url) as run:
        await run()
        assert await leads_in_rollups(database_url, tenant_a) == 2
        invalid = await client.post(
            f"/v1/conversions/{leads[0]}/invalidate", json={"reason": "Spam."}, headers=integrator
        )
        assert invalid.status_code == 200, invalid.text
        await run()
    assert await leads_in_rollups(database_url, tenant_a) == 1

    # The worker delivers at least once: the same events handed over again change nothing.
    pool = await create_pool(database_url, size=2)
    try:
        rollups = PostgresMetricRollups(pool)
        for lead in leads:
            await rollups.add_conversion(tenant_a, UUID(lead), "EUR")
            await rollups.remove_conversion(tenant_a, UUID(leads[0]), "EUR")
            await rollups.add_conversion(tenant_a, UUID(lead), "EUR")
        await rollups.add_posted_share(tenant_a, UUID(share["id"]))
    finally:
        await pool.close()
    assert await leads_in_rollups(database_url, tenant_a) == 1
    assert await figure_in_rollups(database_url, tenant_a, "posted_shares") == 1


async def test_two_workers_adding_the_same_clicks_and_engagement_at_once_count_each_once(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    database_url: str,
    mint: Mint,
    tenant_a: UUID,
    admin_a: dict[str, str],
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = (await create_share(client, sharing.member, await published(client, sharing))).json()
    assert (await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=sharing.member)).status_code == 200
    for index in range(12):
        await click(client, share["tracked_url"], f"198.51.{100 + index}.20")
    await report(client, share["id"], sharing.member, counts(500, 20))
    pools = [await create_pool(database_url, size=2) for _ in range(2)]
    try:
        rollups = [PostgresMetricRollups(pool) for pool in pools]
        limits = ClickRollupLimits(settle=timedelta(0), batch=5)
        jobs = [RollUpClicks(each, MovableClock(), limits) for each in rollups]
        added = 0
        for _ in range(10):
            added += sum(await asyncio.gather(*(job() for job in jobs)))
        await asyncio.gather(*(each.add_posted_share(tenant_a, UUID(share["id"])) for each in rollups))
        await asyncio.gather(*(each.refresh_engagement(tenant_a, UUID(share["id"])) for each in rollups))
    finally:
        for pool in pools:
            await pool.close()
    assert added == 12
    assert await figure_in_rollups(database_url, tenant_a, "clicks") == 12
    assert await figure_in_rollups(database_url, tenant_a, "impressions") == 500
    assert await figure_in_rollups(database_url, tenant_a, "posted_shares") == 1


async def figure_in_rollups(database_url: str, tenant_id: UUID, figure: str) -> object:
    """The figure summed over the programme's hours, after checking the shares' hours and the days agree."""
    connection = await asyncpg.connect(plain_dsn(database_url))
    try:
        by_hour = await connection.fetchval(
            f"SELECT sum({figure}) FROM metric_hours WHERE tenant_id = $1",  # noqa: S608  (a column of the test's own)
            tenant_id,
        )
        by_share = await connection.fetchval(
            f"SELECT sum({figure}) FROM metric_share_hours WHERE tenant_id = $1",  # noqa: S608  (as above)
            tenant_id,
        )
        by_day = await connection.fetchval(
            f"SELECT sum({figure}) FROM metric_days WHERE tenant_id = $1",  # noqa: S608  (as above)
            tenant_id,
        )
    finally:
        await connection.close()
    assert by_hour == by_share == by_day
    return by_hour


async def leads_in_rollups(database_url: str, tenant_id: UUID) -> object:
    return await figure_in_rollups(database_url, tenant_id, "leads")


async def test_under_the_default_settings_a_click_counts_in_the_metrics_two_seconds_after_it_was_made(
    client: httpx.AsyncClient, database_url: str, mint: Mint, tenant_a: UUID, admin_a: dict[str, str]
) -> None:
    sharing = await sharing_programme(client, mint, tenant_a, admin_a)
    share = (await create_share(client, sharing.member, await published(client, sharing))).json()
    made = datetime.fromtimestamp(
        (UUID(await click(client, share["tracked_url"], "198.51.100.20")).int >> 80) / 1000, UTC
    )

    pool = await create_pool(database_url, size=2)
    try:
        clock = FixedClock(made + timedelta(seconds=1.95))
        clicks = RollUpClicks(PostgresMetricRollups(pool), clock, click_rollup_limits(Settings()))
        assert await clicks() == 0  # a click is read once settled: one made a moment earlier may commit later
        clock.advance(timedelta(seconds=0.1))
        assert await clicks() == 1
        today = made.date()
        query = MetricsQuery(
            period=Period(first_day=today, last_day=today, time_zone="UTC"), kpis=(Kpi.CLICKS,), group_by=None
        )
        bases = await PostgresMetricsReader(pool).bases(tenant_a, query)
    finally:
        await pool.close()
    assert bases.totals.figures.clicks == 1
