"""Shared steps of the recognition tests: points written through the real ledger (their events go
to the outbox), and worker rounds with the application's own handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool, create_sessions
from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.adapters.postgres.metrics.rollups import PostgresMetricRollups
from app.adapters.postgres.notifications.inbox import PostgresNotificationStore
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.bootstrap import build_event_handlers
from app.domain.rewards.ledger import EntryKind, PointEntry
from tests.integration.worker_helpers import MovableClock, drain, worker


async def award(
    engine: AsyncEngine,
    tenant_id: UUID,
    ambassador_id: UUID,
    points: int,
    *,
    at: datetime | None = None,
    campaign_id: UUID | None = None,
) -> None:
    """An award stored by the ledger as a reward rule would store it; ``points.awarded`` goes to the outbox."""
    ids = Uuid7Generator()
    now = datetime.now(UTC)
    entry = PointEntry(
        id=ids.new_id(),
        tenant_id=tenant_id,
        ambassador_id=ambassador_id,
        points=points,
        kind=EntryKind.AWARD,
        rule="test",
        source_event_id=ids.new_id(),
        campaign_id=campaign_id,
        multiplier=Decimal(1),
        reason="Awarded by the test.",
        occurred_at=at or now,
        recorded_at=now,
    )
    async with PostgresUnitOfWorkFactory(create_sessions(engine), ids)(tenant_id) as uow:
        assert await uow.points.append([entry])
        await uow.commit()


@asynccontextmanager
async def worker_rounds(engine: AsyncEngine, database_url: str) -> AsyncIterator[Any]:
    """``run()`` drains the outbox and the clicks through every registered handler, as ``relais worker`` would."""
    pool = await create_pool(database_url, size=2)
    ids, clock = Uuid7Generator(), MovableClock()
    uow = PostgresUnitOfWorkFactory(create_sessions(engine), ids)
    handlers = build_event_handlers(uow, clock, ids, PostgresMetricRollups(pool), PostgresNotificationStore(pool))

    async def run() -> None:
        await drain(worker(PostgresDeliveryQueue(pool), *handlers))

    try:
        yield run
    finally:
        await pool.close()


async def member_id(client: httpx.AsyncClient, headers: dict[str, str]) -> UUID:
    response = await client.get("/v1/me", headers=headers)
    assert response.status_code == 200, response.text
    return UUID(response.json()["ambassador"]["id"])


async def show_on_boards(client: httpx.AsyncClient, headers: dict[str, str], visible: bool = True) -> None:
    body = {"languages": [], "topics": [], "leaderboard_visible": visible}
    assert (await client.put("/v1/me/preferences", json=body, headers=headers)).status_code == 200
