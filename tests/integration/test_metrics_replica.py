"""Metric figures read on a read replica when RELAIS_METRICS_DATABASE_URL names one: the analysts' reads
leave the primary to the redirect and the worker.

The "replica" here is a second database migrated like the primary, holding other rollups for the same
tenant, so the figures an analyst reads say which database answered."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from uuid import UUID

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager
from sqlalchemy.engine import make_url

from app.adapters.postgres.database import plain_dsn
from app.bootstrap.api import build_app
from app.settings import Settings
from tests.conftest import migrated_database
from tests.integration.conftest import Mint, bearer
from tests.integration.metrics_helpers import around_today, read

REPLICA_CLICKS = 42


@pytest.fixture
def replica_url(database_server: str, database_url: str) -> Iterator[str]:
    """A second migrated database on the same server, standing for a streaming replica."""
    with migrated_database(database_server, f"{make_url(database_url).database}_replica") as url:
        yield url


@pytest.fixture
async def replica_client(settings: Settings, replica_url: str) -> AsyncIterator[httpx.AsyncClient]:
    application = build_app(settings.model_copy(update={"metrics_database_url": replica_url}))
    async with LifespanManager(application) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://relais.test") as client:
            yield client


async def test_metric_figures_come_from_the_replica_when_one_is_set(
    client: httpx.AsyncClient,
    replica_client: httpx.AsyncClient,
    replica_url: str,
    mint: Mint,
    tenant_a: UUID,
) -> None:
    connection = await asyncpg.connect(plain_dsn(replica_url))
    try:
        await connection.execute(
            "INSERT INTO metric_days (tenant_id, day, network, clicks, unique_visitors)"
            " VALUES ($1, $2, 'linkedin', $3, 1)",
            tenant_a,
            datetime.now(UTC).date(),
            REPLICA_CLICKS,
        )
    finally:
        await connection.close()
    analyst = bearer(mint(tenant_a, "analyst"))
    query = {**around_today(), "tz": "UTC", "kpi": "clicks"}

    from_replica = await read(replica_client, "/v1/metrics", analyst, **query)
    from_primary = await read(client, "/v1/metrics", analyst, **query)

    assert from_replica["totals"]["clicks"] == REPLICA_CLICKS
    assert from_primary["totals"]["clicks"] == 0
    # What the replica does not hold (the programme's settings, the tenant itself) is still read on the primary.
    assert from_replica["period"] == from_primary["period"]
