"""The points ledger on the fake and on PostgreSQL: entries stored once each, balances moved with them
and never below zero, pages of an ambassador's entries, reviews decided once, and (PostgreSQL only)
fifty concurrent spends that never overdraw a balance."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_engine, create_sessions
from app.adapters.postgres.unit_of_work import PostgresUnitOfWorkFactory
from app.adapters.system import Uuid7Generator
from app.domain.rewards.ledger import EntryKind, EntryStatus, PointEntry
from app.domain.rewards.policy import Award, Occurrence
from app.domain.rewards.rules import Rule, RuleKind
from app.domain.roster.ambassadors import Ambassador
from app.domain.storage.months import Month, PartitionedTable
from app.ports.pagination import PageRequest
from tests.contract.conftest import Backend
from tests.contract.helpers import NOW, add_tenant, enrol, hire


def award(
    backend: Backend,
    ambassador: Ambassador,
    points: int,
    *,
    event: UUID | None = None,
    rule: str = "share_posted",
    status: EntryStatus = EntryStatus.CREDITED,
    share: UUID | None = None,
) -> PointEntry:
    return PointEntry(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        ambassador_id=ambassador.id,
        points=points,
        kind=EntryKind.AWARD,
        status=status,
        rule=rule,
        rule_set_version=1,
        source_event_id=event if event is not None else backend.ids.new_id(),
        source_event_type="share.posted",
        share_id=share,
        multiplier=Decimal("1.5"),
        reason="A share was posted.",
        occurred_at=NOW,
        recorded_at=NOW,
    )


def reversal(backend: Backend, of: PointEntry) -> PointEntry:
    return PointEntry(
        id=backend.ids.new_id(),
        tenant_id=of.tenant_id,
        ambassador_id=of.ambassador_id,
        points=-of.points,
        kind=EntryKind.REVERSAL,
        rule=of.rule,
        source_event_id=backend.ids.new_id(),
        reverses=of.id,
        reason="The share was cancelled.",
        occurred_at=NOW,
        recorded_at=NOW,
    )


def redemption(backend: Backend, ambassador: Ambassador, points: int) -> PointEntry:
    return PointEntry(
        id=backend.ids.new_id(),
        tenant_id=ambassador.tenant_id,
        ambassador_id=ambassador.id,
        points=-points,
        kind=EntryKind.REDEMPTION,
        rule="redemption",
        reason="A lunch with the leadership.",
        occurred_at=NOW,
        recorded_at=NOW,
    )


async def ambassador_of(backend: Backend, slug: str = "acme") -> Ambassador:
    tenant = await add_tenant(backend, slug)
    return await enrol(backend, tenant, await hire(backend, tenant))


async def points_events(backend: Backend) -> list[tuple[str, dict[str, object]]]:
    return [(e.type, e.data) for e in await backend.outbox() if e.type.startswith("points.")]


async def append(backend: Backend, *entries: PointEntry) -> list[PointEntry]:
    async with backend.uow(entries[0].tenant_id) as uow:
        new = await uow.points.append(entries)
        await uow.commit()
    return new


async def test_an_award_raises_the_balance_and_the_points_earned_and_is_announced(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    entry = award(backend, ada, 15)

    new = await append(backend, entry)

    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
        stored = await uow.points.get(entry.id)
    assert [e.id for e in new] == [entry.id]
    assert (balance.balance, balance.earned) == (15, 15)
    assert stored is not None
    assert stored.multiplier == Decimal("1.5")
    assert stored.reason == "A share was posted."
    assert [(type_, data["points"], data["entry_id"]) for type_, data in await points_events(backend)] == [
        ("points.awarded", 15, str(entry.id))
    ]


async def test_the_same_event_under_the_same_rule_is_stored_once(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    event = backend.ids.new_id()

    first = await append(backend, award(backend, ada, 10, event=event))
    again = await append(backend, award(backend, ada, 10, event=event), award(backend, ada, 3, event=event, rule="x"))

    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
    assert len(first) == 1
    assert [e.rule for e in again] == ["x"]
    assert balance.balance == 13


async def test_a_balance_nobody_earned_reads_zero(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
    assert (balance.balance, balance.earned) == (0, 0)


async def test_a_reversal_takes_back_only_what_was_not_spent_and_happens_once(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    earned = award(backend, ada, 30)
    await append(backend, earned)
    async with backend.uow(ada.tenant_id) as uow:
        assert await uow.points.spend(ada.id, 20, redemption(backend, ada, 20))
        await uow.commit()

    taken = await append(backend, reversal(backend, earned))
    twice = await append(backend, reversal(backend, earned))

    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
    assert [e.points for e in taken] == [-10]
    assert twice == []
    assert (balance.balance, balance.earned) == (0, 20)
    assert [type_ for type_, _ in await points_events(backend)] == ["points.awarded", "points.reversed"]


async def test_a_spend_the_balance_cannot_cover_writes_nothing(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    await append(backend, award(backend, ada, 5))

    async with backend.uow(ada.tenant_id) as uow:
        refused = await uow.points.spend(ada.id, 6, redemption(backend, ada, 6))
        await uow.commit()
    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
        page = await uow.points.entries(ada.id, PageRequest())
    assert refused is False
    assert balance.balance == 5
    assert len(page.items) == 1


async def test_a_spend_the_balance_covers_lowers_the_balance_but_not_the_points_earned(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    await append(backend, award(backend, ada, 50))

    async with backend.uow(ada.tenant_id) as uow:
        assert await uow.points.spend(ada.id, 50, redemption(backend, ada, 50))
        await uow.commit()
    async with backend.uow(ada.tenant_id) as uow:
        balance = await uow.points.balance(ada.id)
    assert (balance.balance, balance.earned) == (0, 50)


async def test_entries_come_in_keyset_pages_both_ways(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    entries = [award(backend, ada, points) for points in (1, 2, 3, 4, 5)]
    await append(backend, *entries)

    async with backend.uow(ada.tenant_id) as uow:
        first = await uow.points.entries(ada.id, PageRequest(limit=2, sort="-id"))
        second = await uow.points.entries(ada.id, PageRequest(after=first.next_after, limit=2, sort="-id"))
        oldest = await uow.points.entries(ada.id, PageRequest(limit=10))
    assert [e.points for e in first.items] == [5, 4]
    assert [e.points for e in second.items] == [3, 2]
    assert [e.points for e in oldest.items] == [1, 2, 3, 4, 5]
    assert oldest.next_after is None


async def test_withheld_points_count_only_once_released(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    held, doubtful = (award(backend, ada, 8, status=EntryStatus.WITHHELD) for _ in range(2))
    await append(backend, held, doubtful)

    async with backend.uow(ada.tenant_id) as uow:
        queue = await uow.points.withheld(PageRequest())
        before = await uow.points.balance(ada.id)
        assert await uow.points.review(held.reviewed(EntryStatus.RELEASED, NOW, "staff"))
        assert await uow.points.review(doubtful.reviewed(EntryStatus.REVERSED, NOW, "staff"))
        await uow.commit()
    async with backend.uow(ada.tenant_id) as uow:
        again = await uow.points.review(held.reviewed(EntryStatus.REVERSED, NOW, "staff"))
        after = await uow.points.balance(ada.id)
        left = await uow.points.withheld(PageRequest())
    assert [e.id for e in queue.items] == [held.id, doubtful.id]
    assert before.balance == 0
    assert again is False
    assert after.balance == 8
    assert left.items == []
    assert [type_ for type_, _ in await points_events(backend)] == ["points.awarded"]


async def test_caps_measure_the_awards_of_a_rule_in_a_period(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    share = backend.ids.new_id()
    await append(
        backend,
        award(backend, ada, 2, rule="counted_click", share=share),
        award(backend, ada, 2, rule="counted_click", share=share, status=EntryStatus.WITHHELD),
        award(backend, ada, 2, rule="counted_click"),
        award(backend, ada, 9, rule="share_posted", share=share),
    )

    async with backend.uow(ada.tenant_id) as uow:
        day = await uow.points.points_between(ada.id, "counted_click", NOW, NOW + timedelta(days=1))
        on_share = await uow.points.points_between(
            ada.id, "counted_click", NOW, NOW + timedelta(days=1), share_id=share
        )
        before = await uow.points.points_between(ada.id, "counted_click", NOW - timedelta(days=1), NOW)
    assert (day, on_share, before) == (6, 4, 0)


async def test_another_tenant_sees_none_of_the_points(backend: Backend) -> None:
    ada = await ambassador_of(backend)
    entry = award(backend, ada, 7)
    await append(backend, entry)
    other = await add_tenant(backend, "globex")

    async with backend.uow(other.id) as uow:
        balance = await uow.points.balance(ada.id)
        found = await uow.points.get(entry.id)
        page = await uow.points.entries(ada.id, PageRequest())
    assert (balance.balance, found, page.items) == (0, None, [])


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
async def test_fifty_concurrent_spends_never_take_a_balance_below_zero(backend: Backend, database: AsyncEngine) -> None:
    ada = await ambassador_of(backend)
    await append(backend, award(backend, ada, 100))
    # An engine of its own, so each of the fifty spends holds its own connection at the same time.
    wide = create_engine(database.url.render_as_string(hide_password=False), pool_size=50, max_overflow=0)
    uow = PostgresUnitOfWorkFactory(create_sessions(wide), backend.ids)
    ready = asyncio.Barrier(50)

    async def spend() -> bool:
        async with uow(ada.tenant_id) as unit:
            await unit.points.balance(ada.id)
            await ready.wait()
            spent = await unit.points.spend(ada.id, 10, redemption(backend, ada, 10))
            await unit.commit()
            return spent

    try:
        outcomes = await asyncio.gather(*(spend() for _ in range(50)))
    finally:
        await wide.dispose()

    async with backend.uow(ada.tenant_id) as unit:
        balance = await unit.points.balance(ada.id)
        page = await unit.points.entries(ada.id, PageRequest(limit=100))
    assert outcomes.count(True) == 10
    assert balance.balance == 0
    assert sum(entry.points for entry in page.items) == 0


async def _at_once(database: AsyncEngine, backend: Backend, tenant: UUID, *batches: list[PointEntry]) -> list[int]:
    """Each batch appended in a transaction of its own, all begun before any stores: how many each stored."""
    wide = create_engine(database.url.render_as_string(hide_password=False), pool_size=len(batches), max_overflow=0)
    uow = PostgresUnitOfWorkFactory(create_sessions(wide), backend.ids)
    ready = asyncio.Barrier(len(batches))

    async def store(batch: list[PointEntry]) -> int:
        async with uow(tenant) as unit:
            await unit.points.balance(batch[0].ambassador_id)
            await ready.wait()
            stored = await unit.points.append(batch)
            await unit.commit()
            return len(stored)

    try:
        return list(await asyncio.gather(*(store(batch) for batch in batches)))
    finally:
        await wide.dispose()


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
async def test_two_workers_awarding_the_same_event_at_once_store_it_once(
    backend: Backend, database: AsyncEngine
) -> None:
    ada = await ambassador_of(backend)
    event = backend.ids.new_id()
    occurrence = Occurrence(
        kind=RuleKind.SHARE_POSTED,
        ambassador_id=ada.id,
        source_event_id=event,
        source_event_type="share.posted",
        occurred_at=NOW,
    )
    earned = Award(
        rule=Rule(kind=RuleKind.SHARE_POSTED, points=10),
        rule_set_version=1,
        points=10,
        multiplier=Decimal(1),
        cap_hit=None,
        withheld=False,
        reason="A share was posted.",
    )

    twice = [[earned.entry(occurrence, id=backend.ids.new_id(), tenant_id=ada.tenant_id, now=NOW)] for _ in "ab"]

    stored = await _at_once(database, backend, ada.tenant_id, *twice)

    async with backend.uow(ada.tenant_id) as unit:
        balance = await unit.points.balance(ada.id)
    assert sorted(stored) == [0, 1]
    assert balance.balance == 10


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
async def test_two_reversals_of_one_award_at_once_take_its_points_back_once(
    backend: Backend, database: AsyncEngine
) -> None:
    ada = await ambassador_of(backend)
    earned = award(backend, ada, 30)
    await append(backend, earned)

    stored = await _at_once(database, backend, ada.tenant_id, [reversal(backend, earned)], [reversal(backend, earned)])

    async with backend.uow(ada.tenant_id) as unit:
        balance = await unit.points.balance(ada.id)
    assert sorted(stored) == [0, 1]
    assert (balance.balance, balance.earned) == (0, 0)


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
async def test_entries_land_in_the_partition_of_the_month_they_were_recorded_in_and_page_newest_first_across_them(
    backend: Backend, database: AsyncEngine
) -> None:
    ada = await ambassador_of(backend)
    this_month = Month.of(datetime.now(UTC))
    # Made ahead by the migration and the worker: an id of next month's first millisecond belongs there.
    ahead = replace(award(backend, ada, 7), id=UUID(int=this_month.plus(1).lowest_id.int | 1))
    now = replace(award(backend, ada, 5), id=Uuid7Generator().new_id())
    await append(backend, now, ahead)

    async with database.connect() as connection:
        where: dict[UUID, str] = dict(
            (
                await connection.execute(
                    sa.text("SELECT id, tableoid::regclass::text FROM points_entries WHERE ambassador_id = :a"),
                    {"a": ada.id},
                )
            ).all()
        )
    async with backend.uow(ada.tenant_id) as uow:
        newest = await uow.points.entries(ada.id, PageRequest(limit=1, sort="-id"))
        older = await uow.points.entries(ada.id, PageRequest(after=newest.next_after, limit=1, sort="-id"))
    assert where == {
        now.id: this_month.partition_of(PartitionedTable.POINTS_ENTRIES),
        ahead.id: this_month.plus(1).partition_of(PartitionedTable.POINTS_ENTRIES),
    }
    assert [e.points for e in [*newest.items, *older.items]] == [7, 5]


@pytest.mark.parametrize("database", ["postgres"], indirect=True)
async def test_an_award_or_a_reversal_made_again_under_a_new_id_is_refused_by_its_key(
    backend: Backend, database: AsyncEngine
) -> None:
    ada = await ambassador_of(backend)
    earned = award(backend, ada, 30)
    taken_back = reversal(backend, earned)
    await append(backend, earned)
    await append(backend, taken_back)

    again = await append(
        backend, replace(earned, id=backend.ids.new_id()), replace(taken_back, id=backend.ids.new_id())
    )

    async with database.connect() as connection:
        keys = (
            await connection.execute(
                sa.text("SELECT kind, entry_id FROM points_entry_keys WHERE tenant_id = :t ORDER BY kind"),
                {"t": ada.tenant_id},
            )
        ).all()
    assert again == []
    assert [tuple(key) for key in keys] == [("award", earned.id), ("reversal", taken_back.id)]
