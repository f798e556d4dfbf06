"""In-memory live updates: signals published by a test reach the subscribers of their person."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from uuid import UUID

from app.ports.live_updates import LiveSignal


class FakeLiveListener:
    def __init__(self) -> None:
        self._queues: dict[tuple[UUID, UUID], list[asyncio.Queue[LiveSignal]]] = {}
        self.subscribed = asyncio.Event()

    @contextlib.asynccontextmanager
    async def subscribe(self, tenant_id: UUID, employee_id: UUID) -> AsyncIterator[AsyncIterator[LiveSignal]]:
        queue: asyncio.Queue[LiveSignal] = asyncio.Queue()
        held = self._queues.setdefault((tenant_id, employee_id), [])
        held.append(queue)
        self.subscribed.set()
        try:
            yield _Signals(queue)
        finally:
            held.remove(queue)

    def publish(self, signal: LiveSignal) -> None:
        for queue in self._queues.get((signal.tenant_id, signal.employee_id), []):
            queue.put_nowait(signal)

    @property
    def subscriptions(self) -> int:
        return sum(len(held) for held in self._queues.values())


class _Signals:
    def __init__(self, queue: asyncio.Queue[LiveSignal]) -> None:
        self._queue = queue

    def __aiter__(self) -> _Signals:
        return self

    async def __anext__(self) -> LiveSignal:
        return await self._queue.get()
