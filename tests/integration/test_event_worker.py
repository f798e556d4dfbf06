"""The event worker on PostgreSQL: outbox events reach each handler of their type once, whatever the
number of workers; a failing handler is retried, then the event is parked without holding up the
others; a dead worker's batch comes back when its lease runs out; a stopping worker releases its batch."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from uuid import UUID

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.adapters.postgres.database import create_pool
from app.adapters.postgres.events.delivery_queue import PostgresDeliveryQueue
from app.domain.deliveries import DeliverySource, RetryPolicy
from app.domain.events import RecordedEvent
from app.services.events.deliver_events import DeliveryLimits, Outcome
from tests.integration.worker_helpers import (
    SMALL_BATCHES,
    MovableClock,
    Recorder,
    drain,
    one_round,
    record_events,
    rows,
    untaken,
    worker,
)

POSTED, CREATED = "share.posted", "employee.created"


@pytest.fixture
async def queue(database_url: str) -> AsyncIterator[PostgresDeliveryQueue]:
    pool = await create_pool(database_url, size=4)
    try:
        yield PostgresDeliveryQueue(pool)
    finally:
        await pool.close()


@pytest.fixture
async def other_queue(database_url: str) -> AsyncIterator[PostgresDeliveryQueue]:
    """A second worker's queue: its own pool, its own connections."""
    pool = await create_pool(database_url, size=4)
    try:
        yield PostgresDeliveryQueue(pool)
    finally:
        await pool.close()


async def test_each_event_reaches_every_handler_of_its_type_once(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    posted = await record_events(engine, tenant_a, *[POSTED] * 15)
    created = await record_events(engine, tenant_a, *[CREATED] * 5)
    rewards, webhooks = Recorder("rewards", POSTED), Recorder("webhooks", POSTED, CREATED)

    await drain(worker(queue, rewards, webhooks))

    assert sorted(rewards.ids) == sorted(posted)
    assert sorted(webhooks.ids) == sorted(posted + created)
    handed = webhooks.calls[webhooks.ids.index(created[2])]
    assert (handed.type, handed.tenant_id, handed.data) == (CREATED, tenant_a, {"n": 2})
    assert await rows(engine, "event_deliveries") == []
    assert await untaken(engine, posted + created) == 0


async def test_two_workers_at_once_never_hand_an_event_over_twice(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, other_queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    recorded = await record_events(engine, tenant_a, *[POSTED, CREATED] * 100)
    first, second = Recorder("rewards", POSTED, CREATED), Recorder("rewards", POSTED, CREATED)

    await drain(worker(queue, first), worker(other_queue, second))

    handed = first.ids + second.ids
    assert Counter(handed).most_common(1)[0][1] == 1, "an event was handed over twice"
    assert sorted(handed) == sorted(recorded)
    assert first.ids, "both workers took a share of the work"
    assert second.ids, "both workers took a share of the work"


async def test_a_worker_with_no_handler_takes_events_and_keeps_no_work(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    recorded = await record_events(engine, tenant_a, POSTED, CREATED)
    empty = worker(queue)

    assert await empty.take_outbox() == {POSTED: 1, CREATED: 1, "tenant.created": 1}
    assert await empty.take_outbox() == {}
    assert await untaken(engine, recorded) == 0
    assert await rows(engine, "event_deliveries") == []


async def test_a_poison_event_is_retried_then_parked_and_never_holds_up_the_others(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    recorded = await record_events(engine, tenant_a, *[POSTED] * 30)
    poison = recorded[3]
    rewards = Recorder("rewards", POSTED, fail_on={poison})
    rounds = worker(queue, rewards)

    first = {attempt.event_id: attempt.outcome for attempt in await one_round(rounds)}
    await drain(rounds)

    assert first.pop(poison) is Outcome.FAILED
    assert len(first) > 5
    assert set(first.values()) == {Outcome.HANDLED}, "the rest of the poison's batch was handled at once"
    assert sorted(set(rewards.ids)) == sorted(recorded)
    assert Counter(rewards.ids)[poison] == 3, "three tries, as the policy gives"
    assert all(count == 1 for event, count in Counter(rewards.ids).items() if event != poison)
    [parked] = await rows(engine, "parked_events")
    assert (parked["event_id"], parked["handler"], parked["event_type"]) == (poison, "rewards", POSTED)
    assert (parked["attempts"], parked["error"], parked["source"]) == (3, "KeyError: 'network'", "outbox")
    assert await rows(engine, "event_deliveries") == []
    status = await rounds.status()
    assert status.parked == 1
    assert status.oldest_unhandled == {DeliverySource.OUTBOX: None, DeliverySource.CLICKS: None}


async def test_a_failed_try_waits_its_delay_before_the_next(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    [event] = await record_events(engine, tenant_a, POSTED)
    clock = MovableClock()
    rewards = Recorder("rewards", POSTED, fail_on={event})
    policy = RetryPolicy(max_attempts=5, first_delay=timedelta(minutes=5), max_delay=timedelta(hours=1))
    rounds = worker(queue, rewards, clock=clock, policy=policy)

    await drain(rounds)
    assert len(rewards.calls) == 1
    [pending] = await rows(engine, "event_deliveries")
    assert (pending["attempts"], pending["last_error"]) == (1, "KeyError: 'network'")
    assert timedelta(minutes=4) < pending["next_attempt_at"] - clock.now() <= timedelta(minutes=5)

    clock.advance(timedelta(minutes=5))
    await drain(rounds)
    assert len(rewards.calls) == 2
    [pending] = await rows(engine, "event_deliveries")
    assert pending["attempts"] == 2
    assert timedelta(minutes=9) < pending["next_attempt_at"] - clock.now() <= timedelta(minutes=10)

    rewards.fail_on.clear()
    clock.advance(timedelta(minutes=10))
    await drain(rounds)
    assert len(rewards.calls) == 3
    assert await rows(engine, "event_deliveries") == []
    assert await rows(engine, "parked_events") == []


async def test_a_dead_workers_batch_comes_back_when_its_lease_runs_out(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    recorded = await record_events(engine, tenant_a, *[POSTED] * 5)
    clock = MovableClock()
    rewards = Recorder("rewards", POSTED)
    alive = worker(queue, rewards, clock=clock)
    await alive.take_outbox()
    # The dead worker claims the batch, then is gone without a word: nothing is settled.
    await queue.claim(["rewards"], 10, clock.now(), clock.now() + SMALL_BATCHES.lease)

    assert await drain(alive) == []
    clock.advance(SMALL_BATCHES.lease)
    tries = await drain(alive)

    assert sorted(rewards.ids) == sorted(recorded)
    assert {attempt.outcome for attempt in tries} == {Outcome.HANDLED}
    assert await rows(engine, "event_deliveries") == []


async def test_an_event_whose_tries_all_ended_with_their_worker_is_parked_without_running_again(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    [event] = await record_events(engine, tenant_a, POSTED)
    clock = MovableClock()
    rewards = Recorder("rewards", POSTED)
    rounds = worker(queue, rewards, clock=clock)
    await rounds.take_outbox()
    for _ in range(3):
        # A worker claims it and dies with it (it kills the worker: memory, a crash in a library).
        await queue.claim(["rewards"], 10, clock.now(), clock.now() + SMALL_BATCHES.lease)
        clock.advance(SMALL_BATCHES.lease)

    tries = await drain(rounds)

    assert rewards.calls == []
    assert [attempt.outcome for attempt in tries] == [Outcome.PARKED]
    [parked] = await rows(engine, "parked_events")
    assert (parked["event_id"], parked["attempts"]) == (event, 3)
    assert parked["error"].startswith("All 3 tries ended with the worker that ran them before the handler finished")


async def test_a_stopping_worker_finishes_the_event_in_hand_and_releases_the_rest(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    await record_events(engine, tenant_a, *[POSTED] * 10)
    rewards = Recorder("rewards", POSTED)
    rounds = worker(queue, rewards)
    while await rounds.take_outbox():
        pass
    asked: list[int] = []

    def stop_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    tries = await rounds.deliver_due(stop_after_two)

    assert [attempt.outcome for attempt in tries] == [Outcome.HANDLED, Outcome.HANDLED]
    released = await rows(engine, "event_deliveries")
    assert len(released) == 8
    assert {row["attempts"] for row in released} == {0}, "a try not begun is not counted"
    await drain(rounds)
    assert len(rewards.calls) == 10


async def test_a_handler_that_takes_too_long_fails_its_try(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    [event] = await record_events(engine, tenant_a, POSTED)

    class Stuck:
        name = "stuck"
        event_types = frozenset({POSTED})

        async def __call__(self, event: RecordedEvent) -> None:
            await asyncio.Event().wait()  # never set

    limits = DeliveryLimits(batch_size=10, lease=timedelta(seconds=10), handler_timeout=timedelta(milliseconds=50))
    tries = await drain(worker(queue, Stuck(), limits=limits))

    assert [attempt.outcome for attempt in tries] == [Outcome.FAILED, Outcome.FAILED, Outcome.PARKED]
    [parked] = await rows(engine, "parked_events")
    assert (parked["event_id"], parked["error"]) == (event, "The handler did not finish within 0.05 seconds.")


async def test_events_of_other_handlers_are_left_to_the_workers_that_run_them(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, other_queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    recorded = await record_events(engine, tenant_a, POSTED, POSTED)
    rewards, webhooks = Recorder("rewards", POSTED), Recorder("webhooks", POSTED)
    # A release adds the webhooks handler: the newer worker takes the events for both handlers.
    newer, older = worker(queue, rewards, webhooks), worker(other_queue, rewards)

    await newer.take_outbox()
    await drain(older)
    assert sorted(rewards.ids) == sorted(recorded)
    assert webhooks.calls == []
    await drain(newer)
    assert sorted(webhooks.ids) == sorted(recorded)
    assert len(rewards.calls) == 2


async def test_lag_is_the_age_of_the_oldest_event_still_to_handle(
    engine: AsyncEngine, queue: PostgresDeliveryQueue, tenant_a: UUID
) -> None:
    clock = MovableClock()
    rounds = worker(queue, Recorder("rewards", POSTED), clock=clock)
    await drain(rounds)
    await record_events(engine, tenant_a, POSTED)
    clock.advance(timedelta(minutes=3))

    untaken_yet = await rounds.status()
    await rounds.take_outbox()
    pending = await rounds.status()
    await drain(rounds)
    done = await rounds.status()

    oldest = untaken_yet.oldest_unhandled[DeliverySource.OUTBOX]
    assert oldest is not None
    assert timedelta(minutes=3) <= clock.now() - oldest < timedelta(minutes=4)
    assert pending.oldest_unhandled[DeliverySource.OUTBOX] == oldest
    assert done.oldest_unhandled[DeliverySource.OUTBOX] is None
