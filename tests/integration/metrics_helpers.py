"""Shared steps of the metrics tests: contents shared and clicked through the API, then filed in the
rollups by the worker (its event rounds and its click rollups), as in production."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.services.metrics.rollups import ClickRollupLimits, RollUpClicks
from tests.integration.recognition_helpers import worker_rounds
from tests.integration.share_helpers import Sharing, create_share, published
from tests.integration.test_conversion_journey import click
from tests.integration.worker_helpers import MovableClock


async def titled_content(client: httpx.AsyncClient, sharing: Sharing, title: str, **fields: Any) -> str:
    """A live content titled ``title`` (in French, its language); returns its id."""
    return await published(client, sharing, title=title, **fields)


async def shared_and_clicked(
    client: httpx.AsyncClient, member: dict[str, str], content_id: str, visitors: int, network: str = "linkedin"
) -> dict[str, Any]:
    """``member`` shares the content and confirms it; ``visitors`` people follow the link once each."""
    response = await create_share(client, member, content_id, network)
    assert response.status_code == 201, response.text
    share: dict[str, Any] = response.json()
    confirmed = await client.post(f"/v1/shares/{share['id']}/confirm", json={}, headers=member)
    assert confirmed.status_code == 200, confirmed.text
    for visitor in range(visitors):
        await click(client, share["tracked_url"], f"198.51.{100 + visitor}.20")  # one network each: unique
    return share


async def roll_up(engine: AsyncEngine, database_url: str) -> None:
    """What the worker would do by now: deliver every event to its handlers, then file the clicks."""
    async with worker_rounds(engine, database_url) as run:
        await run()
    pool = await create_pool(database_url, size=1)
    try:
        clicks = RollUpClicks(PostgresMetricRollups(pool), MovableClock(), ClickRollupLimits(settle=timedelta(0)))
        while await clicks():
            pass
    finally:
        await pool.close()


def around_today() -> dict[str, str]:
    """Yesterday to tomorrow (UTC days): today's facts, whatever the hour the test runs at."""
    today = datetime.now(UTC).date()
    return {"from": (today - timedelta(days=1)).isoformat(), "to": (today + timedelta(days=1)).isoformat()}


async def read(client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
