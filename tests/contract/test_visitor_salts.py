"""The visitor salt store, on the fake and on PostgreSQL: one salt a day, shared, yesterday's kept."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.sharing.visitor_salts import PostgresVisitorSaltStore
from app.ports.sharing import VisitorSaltStore
from tests.fake_sharing import FakeVisitorSaltStore

DAY = date(2026, 3, 2)


@pytest.fixture
async def store(database: AsyncEngine | None) -> AsyncIterator[VisitorSaltStore]:
    if database is None:
        yield FakeVisitorSaltStore()
        return
    pool = await create_pool(database.url.render_as_string(hide_password=False), size=4)
    try:
        yield PostgresVisitorSaltStore(pool)
    finally:
        await pool.close()
        async with database.begin() as connection:
            await connection.execute(sa.text("DELETE FROM visitor_salts"))


async def test_the_first_use_of_a_day_creates_its_salt_and_later_uses_get_the_same(store: VisitorSaltStore) -> None:
    first = await store.salts(DAY)
    again = await store.salts(DAY)

    assert first.current.day == DAY
    assert again.current == first.current
    assert first.previous is None


async def test_concurrent_first_uses_agree_on_one_salt(store: VisitorSaltStore) -> None:
    results = await asyncio.gather(*(store.salts(DAY) for _ in range(8)))

    assert len({salts.current.value for salts in results}) == 1


async def test_yesterdays_salt_is_kept_one_more_day_then_forgotten(store: VisitorSaltStore) -> None:
    monday = await store.salts(DAY)
    tuesday = await store.salts(DAY + timedelta(days=1))
    wednesday = await store.salts(DAY + timedelta(days=2))

    assert tuesday.previous == monday.current
    assert tuesday.current != monday.current
    assert wednesday.previous == tuesday.current
    # Monday's salt is gone: a day that comes back creates a new salt.
    assert (await store.salts(DAY)).current != monday.current
