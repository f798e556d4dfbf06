"""Revisions 0013 and 0014 on a deployment that already has activity: the rollups they file for the
existing posted shares, engagement and conversions (by share, hour and day), with the clicks the
worker then adds, are the ones the worker would have built had it run from the first."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_engine, create_pool, plain_dsn
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.adapters.postgres.migrations import downgrade, upgrade
from app.demo.run import seed_demo
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from tests.conftest import _recreate_database
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.worker_helpers import MovableClock

# potential_reach is left out: the revision adds the snapshot, so shares posted before it have none.
FIGURES = (
    "posted_shares, impressions, reactions, comments, reshares, clicks, unique_visitors, leads, signups, "
    "job_applications, hires, purchases, custom_conversions, conversion_value_minor"
)


@pytest.fixture
async def scratch(database_server: str, worker_name: str) -> AsyncIterator[tuple[str, AsyncEngine]]:
    base = make_url(database_server)
    name = f"{base.database or 'relais'}_backfill_{worker_name}"
    await _recreate_database(database_server, name)
    url = base.set(database=name).render_as_string(hide_password=False)
    await asyncio.to_thread(upgrade, url)
    engine = create_engine(url)
    try:
        yield url, engine
    finally:
        await engine.dispose()
        await _recreate_database(database_server, name, create=False)


Rows = list[tuple[object, ...]]


async def rolled_up(engine: AsyncEngine, url: str) -> tuple[Rows, Rows, Rows]:
    """Run the handlers and the click rollups until nothing is left; the rollups' rows, in key order."""
    async with worker_rounds(engine, url) as run:
        await run()
    pool = await create_pool(plain_dsn(url), size=2)
    try:
        clicks = RollUpClicks(PostgresMetricRollups(pool), MovableClock(), ClickRollupLimits(settle=timedelta(0)))
        while await clicks():
            pass
        by_share = await pool.fetch(f"SELECT share_id, hour, {FIGURES} FROM metric_share_hours ORDER BY 1, 2")  # noqa: S608
        by_hour = await pool.fetch(f"SELECT hour, network, {FIGURES} FROM metric_hours ORDER BY 1, 2")  # noqa: S608
        by_day = await pool.fetch(f"SELECT day, network, {FIGURES} FROM metric_days ORDER BY 1, 2")  # noqa: S608
    finally:
        await pool.close()
    return [tuple(row) for row in by_share], [tuple(row) for row in by_hour], [tuple(row) for row in by_day]


async def test_the_revision_files_past_activity_as_the_worker_would_have(scratch: tuple[str, AsyncEngine]) -> None:
    url, engine = scratch
    await seed_demo(engine, "http://relais.test")
    by_share, by_hour, by_day = await rolled_up(engine, url)
    posted, clicks, leads = (sum(row[index] for row in by_hour) for index in (2, 7, 9))  # type: ignore[misc]
    assert posted > 0  # the demo's activity is all there
    assert clicks > 0
    assert leads > 0

    await engine.dispose()
    await asyncio.to_thread(downgrade, url, "0012")
    await asyncio.to_thread(upgrade, url)

    assert await rolled_up(engine, url) == (by_share, by_hour, by_day)
