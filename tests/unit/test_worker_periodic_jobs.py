"""The worker's periodic jobs (challenges to settle): run every round, and a round in which a job did
something counts as busy, so the next starts at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from prometheus_client import CollectorRegistry

from app.services.events.deliver_events import DeliverEvents
from app.worker import Worker, WorkerMetrics


class IdleRounds:
    """Rounds with no event to take, hand over or follow."""

    async def take_outbox(self) -> dict[str, int]:
        return {}

    async def deliver_due(self, stopping: Any = None) -> list[Any]:
        return []

    async def follow_clicks(self, stopping: Any = None) -> list[Any]:
        return []


class Clock:
    def now(self) -> datetime:
        return datetime(2025, 3, 10, tzinfo=UTC)


async def test_a_round_runs_each_periodic_job_and_is_busy_when_one_did_something() -> None:
    done = [1, 0]
    calls: list[int] = []

    async def settle() -> int:
        calls.append(1)
        return done.pop(0)

    worker = Worker(
        cast(DeliverEvents, IdleRounds()),
        Clock(),
        WorkerMetrics(CollectorRegistry()),
        poll=timedelta(seconds=1),
        stalled_after=timedelta(seconds=30),
        periodic=[settle],
    )

    assert await worker.run_round() is True
    assert await worker.run_round() is False
    assert len(calls) == 2
