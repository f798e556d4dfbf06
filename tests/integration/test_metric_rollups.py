"""The worker's hourly rollups on PostgreSQL: what a posted share, its engagement, its clicks and a
lead add to them, read back through the metric reads, and nothing twice when the worker repeats."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
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
