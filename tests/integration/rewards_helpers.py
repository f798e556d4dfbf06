"""Shared steps of the points tests: a worker running the real handlers on PostgreSQL, and one's statement."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, create_sessions
from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.bootstrap import build_event_handlers
from app.services.events.deliver_events import DeliverEvents
from tests.integration.worker_helpers import QUICK_RETRIES, SMALL_BATCHES, MovableClock


@asynccontextmanager
async def rewards_workers(engine: AsyncEngine, database_url: str, count: int) -> AsyncIterator[list[DeliverEvents]]:
    """``count`` workers running the real handlers, each on a pool of its own."""
    pools = [await create_pool(database_url, size=2) for _ in range(count)]
    workers = []
    for pool in pools:
        clock, ids = MovableClock(), Uuid7Generator()
        uow = PostgresUnitOfWorkFactory(create_sessions(engine), ids)
        handlers = build_event_handlers(uow, clock, ids, PostgresMetricRollups(pool), PostgresNotificationStore(pool))
        workers.append(DeliverEvents(PostgresDeliveryQueue(pool), handlers, clock, ids, QUICK_RETRIES, SMALL_BATCHES))
    try:
        yield workers
    finally:
        for pool in pools:
            await pool.close()


@pytest.fixture
async def rewards_worker(engine: AsyncEngine, database_url: str) -> AsyncIterator[DeliverEvents]:
    async with rewards_workers(engine, database_url, 1) as (worker,):
        yield worker


async def my_points(client: httpx.AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    response = await client.get("/v1/me/points", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body
