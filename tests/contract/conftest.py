"""The repository contract runs once on the in-memory fakes and once on PostgreSQL.

Each backend is the pair a test needs: a unit-of-work factory and a way to read the outbox,
which no port exposes yet (a relay will).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.ports.unit_of_work import UnitOfWorkFactory
from tests.fakes import FakeUnitOfWorkFactory, SequentialIds
from tests.support.empty_tables import empty_every_table


@dataclass(frozen=True, slots=True)
class StoredEvent:
    tenant_id: UUID
    type: str
    data: dict[str, Any]


class OutboxReader(Protocol):
    async def __call__(self) -> list[StoredEvent]: ...


@dataclass(frozen=True, slots=True)
class Backend:
    name: str
    uow: UnitOfWorkFactory
    outbox: OutboxReader
    ids: SequentialIds


async def _truncate(engine: AsyncEngine) -> None:
    await empty_every_table(engine)


@pytest.fixture(params=["fake", "postgres"])
def database(request: pytest.FixtureRequest) -> AsyncEngine | None:
    """None for the fakes; the migrated PostgreSQL otherwise (set up before any event loop runs)."""
    if request.param == "fake":
        return None
    engine: AsyncEngine = request.getfixturevalue("engine")
    return engine


@pytest.fixture
async def backend(database: AsyncEngine | None) -> AsyncIterator[Backend]:
    ids = SequentialIds()
    if database is None:
        fake = FakeUnitOfWorkFactory(ids)

        async def fake_outbox() -> list[StoredEvent]:
            return [StoredEvent(r.tenant_id, r.type.value, r.data) for r in fake.outbox]

        yield Backend("fake", fake, fake_outbox, ids)
        return

    engine = database

    async def postgres_outbox() -> list[StoredEvent]:
        async with engine.connect() as connection:
            rows = await connection.execute(sa.text("SELECT tenant_id, type, data FROM outbox ORDER BY id"))
            return [StoredEvent(row.tenant_id, row.type, row.data) for row in rows]

    try:
        yield Backend("postgres", PostgresUnitOfWorkFactory(create_sessions(engine), ids), postgres_outbox, ids)
    finally:
        await _truncate(engine)
