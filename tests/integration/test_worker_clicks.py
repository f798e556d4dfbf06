"""Clicks reach their handlers through the worker, though the redirect writes nothing but the click:
each handler reads each tenant's clicks in order, once, from a position it holds under a lease."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from uuid import UUID

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.domain.deliveries import DeliverySource
from app.services.events.deliver_events import DeliveryLimits, Outcome
from tests.integration.conftest import Mint
from tests.integration.redirect_helpers import BROWSER, Share, clicks, live_share
from tests.integration.worker_helpers import SMALL_BATCHES, MovableClock, Recorder, drain, rows, worker

CLICK = "click.recorded"


@pytest.fixture
async def queues(database_url: str) -> AsyncIterator[tuple[PostgresDeliveryQueue, PostgresDeliveryQueue]]:
    first, second = await create_pool(database_url, size=4), await create_pool(database_url, size=4)
    try:
        yield PostgresDeliveryQueue(first), PostgresDeliveryQueue(second)
    finally:
        await first.close()
        await second.close()


@pytest.fixture
async def share(
    client: httpx.AsyncClient, mint: Mint, engine: AsyncEngine, tenant_a: UUID, admin_a: dict[str, str]
) -> Share:
    return await live_share(client, mint, engine, tenant_a, admin_a)


async def click_ids(client: httpx.AsyncClient, engine: AsyncEngine, share: Share, times: int) -> list[UUID]:
    for _ in range(times):
        assert (await client.get(share.path, headers={"user-agent": BROWSER})).status_code == 302
    return [row["id"] for row in await clicks(engine, share.id)]


async def test_each_click_reaches_each_click_handler_once_in_the_order_recorded(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
) -> None:
    recorded = await click_ids(client, engine, share, 25)
    rewards, rollups = Recorder("rewards", CLICK), Recorder("rollups", CLICK, "share.posted")

    await drain(worker(queues[0], rewards, rollups))

    assert rewards.ids == recorded
    assert rollups.ids == recorded
    first = rewards.calls[0]
    assert (first.type, first.tenant_id) == (CLICK, share.tenant_id)
    assert first.data == {
        "share_id": str(share.id),
        "kind": "counted",
        "is_unique": True,
        "is_self": False,
        "visitor_hash": first.data["visitor_hash"],
    }
    assert [call.data["is_unique"] for call in rewards.calls[1:]] == [False] * 24, "the same visitor again"
    positions = await rows(engine, "click_positions", order="handler")
    assert [(p["handler"], p["last_click_id"]) for p in positions] == [
        ("rewards", recorded[-1]),
        ("rollups", recorded[-1]),
    ]


async def test_two_workers_following_the_clicks_never_hand_one_over_twice(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
) -> None:
    recorded = await click_ids(client, engine, share, 30)
    first, second = Recorder("rewards", CLICK), Recorder("rewards", CLICK)

    await drain(worker(queues[0], first), worker(queues[1], second))

    assert Counter(first.ids + second.ids).most_common(1)[0][1] == 1, "a click was handed over twice"
    assert sorted(first.ids + second.ids) == sorted(recorded)


async def test_clicks_are_read_only_once_settled(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
) -> None:
    recorded = await click_ids(client, engine, share, 3)
    clock = MovableClock()
    rewards = Recorder("rewards", CLICK)
    limits = DeliveryLimits(batch_size=10, lease=timedelta(seconds=60), click_settle=timedelta(minutes=5))
    rounds = worker(queues[0], rewards, clock=clock, limits=limits)

    await drain(rounds)
    assert rewards.calls == []
    status = await rounds.status()
    assert status.oldest_unhandled[DeliverySource.CLICKS] is not None, "unread clicks are lag"

    clock.advance(timedelta(minutes=5))
    await drain(rounds)
    assert rewards.ids == recorded
    assert (await rounds.status()).oldest_unhandled[DeliverySource.CLICKS] is None


async def test_a_failing_click_is_retried_then_parked_while_the_clicks_after_it_go_on(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
) -> None:
    recorded = await click_ids(client, engine, share, 12)
    poison = recorded[4]
    rewards = Recorder("rewards", CLICK, fail_on={poison})

    tries = await drain(worker(queues[0], rewards))

    assert sorted(set(rewards.ids)) == sorted(recorded)
    assert Counter(rewards.ids)[poison] == 3
    assert [t.outcome for t in tries if t.event_id == poison] == [Outcome.FAILED, Outcome.FAILED, Outcome.PARKED]
    [parked] = await rows(engine, "parked_events")
    assert (parked["event_id"], parked["source"], parked["event_type"]) == (poison, "clicks", CLICK)
    assert (parked["attempts"], parked["error"]) == (3, "KeyError: 'network'")
    assert await rows(engine, "event_deliveries") == []
    [position] = await rows(engine, "click_positions", order="handler")
    assert position["last_click_id"] == recorded[-1]


async def test_a_dead_workers_clicks_are_read_again_once_its_lease_runs_out(
    client: httpx.AsyncClient,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
) -> None:
    recorded = await click_ids(client, engine, share, 4)
    clock = MovableClock()
    rewards = Recorder("rewards", CLICK)
    # A worker takes the position and dies while handing the clicks over: the position stays where it was.
    now = clock.now()
    [held] = await queues[1].claim_click_positions(["rewards"], 10, now, now, now + SMALL_BATCHES.lease)
    rounds = worker(queues[0], rewards, clock=clock)

    assert await drain(rounds) == []
    clock.advance(SMALL_BATCHES.lease)
    await drain(rounds)

    assert held.after == UUID(int=0)
    assert rewards.ids == recorded


async def test_each_tenants_clicks_are_followed_apart(
    client: httpx.AsyncClient,
    mint: Mint,
    engine: AsyncEngine,
    queues: tuple[PostgresDeliveryQueue, PostgresDeliveryQueue],
    share: Share,
    tenant_b: UUID,
    admin_b: dict[str, str],
) -> None:
    theirs = await live_share(client, mint, engine, tenant_b, admin_b)
    ours_recorded = await click_ids(client, engine, share, 3)
    theirs_recorded = await click_ids(client, engine, theirs, 2)
    rewards = Recorder("rewards", CLICK)

    await drain(worker(queues[0], rewards))

    assert sorted(rewards.ids) == sorted(ours_recorded + theirs_recorded)
    by_tenant = {call.id: call.tenant_id for call in rewards.calls}
    assert {by_tenant[click] for click in theirs_recorded} == {tenant_b}
    positions = {p["tenant_id"]: p["last_click_id"] for p in await rows(engine, "click_positions", order="tenant_id")}
    assert positions == {share.tenant_id: ours_recorded[-1], tenant_b: theirs_recorded[-1]}
