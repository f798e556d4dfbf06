"""The process's one LISTEN connection, dispatching live signals to the subscribers of each person.

Every API replica holds its own connection and receives every signal, so whichever replica a client
is connected to sees what another replica or the worker committed. The connection is a plain session
connection of its own (LISTEN outlives a transaction, which a pooler in transaction mode would not
keep), checked every few seconds; when it is lost, it is opened again with a growing, jittered delay,
and every subscriber is then told to read its state again, since signals sent meanwhile were missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg
import structlog

from app.adapters.postgres.live_updates.channel import CHANNEL, decode
from app.ports.live_updates import LiveSignal, SignalKind

log = structlog.stdlib.get_logger("relais.live_updates")
Key = tuple[UUID, UUID]


@dataclass(eq=False, slots=True)
class _Subscriber:
    """One subscription's queue. When it overflows (a client that stopped reading), what it held is
    replaced by one resync: the subscriber reads its state again rather than every signal."""

    key: Key
    queue: asyncio.Queue[LiveSignal] = field(default_factory=lambda: asyncio.Queue(maxsize=64))

    def offer(self, signal: LiveSignal) -> None:
        try:
            self.queue.put_nowait(signal)
        except asyncio.QueueFull:
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait(LiveSignal(tenant_id=self.key[0], employee_id=self.key[1], kind=SignalKind.RESYNC))

    def __aiter__(self) -> _Subscriber:
        return self

    async def __anext__(self) -> LiveSignal:
        """The next signal. Waiting for it may be cancelled (a timeout) without ending the subscription,
        which an async generator would not survive."""
        return await self.queue.get()


class PostgresLiveListener:
    """Use as an async context manager: it listens while open, and closes its connection on exit."""

    def __init__(
        self,
        dsn: str,
        *,
        check_seconds: float = 5.0,
        first_retry_seconds: float = 0.2,
        max_retry_seconds: float = 30.0,
    ) -> None:
        self._dsn = dsn
        self._check_seconds = check_seconds
        self._first_retry = first_retry_seconds
        self._max_retry = max_retry_seconds
        self._subscribers: dict[Key, set[_Subscriber]] = {}
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()
        self.connections_opened = 0

    async def __aenter__(self) -> PostgresLiveListener:
        self._task = asyncio.create_task(self._run(), name="relais-live-listener")
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    @contextlib.asynccontextmanager
    async def subscribe(self, tenant_id: UUID, employee_id: UUID) -> AsyncIterator[AsyncIterator[LiveSignal]]:
        subscriber = _Subscriber((tenant_id, employee_id))
        self._subscribers.setdefault(subscriber.key, set()).add(subscriber)
        try:
            yield subscriber
        finally:
            held = self._subscribers.get(subscriber.key)
            if held is not None:
                held.discard(subscriber)
                if not held:
                    del self._subscribers[subscriber.key]

    @property
    def subscriptions(self) -> int:
        return sum(len(held) for held in self._subscribers.values())

    def _received(self, _connection: Any, _pid: int, _channel: str, payload: str) -> None:
        signal = decode(payload)
        if signal is None:
            log.warning("live signal not understood", payload=payload[:200])
            return
        for subscriber in self._subscribers.get((signal.tenant_id, signal.employee_id), ()):
            subscriber.offer(signal)

    def _resync_everyone(self) -> None:
        for (tenant_id, employee_id), held in self._subscribers.items():
            for subscriber in held:
                subscriber.offer(LiveSignal(tenant_id=tenant_id, employee_id=employee_id, kind=SignalKind.RESYNC))

    async def _run(self) -> None:
        delay = self._first_retry
        while True:
            try:
                connection = await asyncpg.connect(
                    self._dsn, timeout=10, server_settings={"application_name": "relais-live-listener"}
                )
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as error:
                log.warning("live updates cannot listen; retrying", error=str(error), retry_in=round(delay, 2))
                await asyncio.sleep(delay * random.uniform(0.8, 1.2))  # noqa: S311 - jitter, not secrecy
                delay = min(delay * 2, self._max_retry)
                continue
            try:
                await self._listen(connection)
                delay = self._first_retry
            finally:
                self.listening.clear()
                connection.terminate()

    async def _listen(self, connection: asyncpg.Connection) -> None:
        """Listen until the connection is lost; signals sent before LISTEN took effect were missed."""
        lost = asyncio.Event()
        connection.add_termination_listener(lambda _connection: lost.set())
        try:
            await connection.add_listener(CHANNEL, self._received)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("live updates cannot listen; retrying", error=str(error))
            return
        self.connections_opened += 1
        self._resync_everyone()
        self.listening.set()
        log.info("live updates listening", channel=CHANNEL)
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), self._check_seconds)
                break
            try:
                await connection.execute("SELECT 1", timeout=self._check_seconds)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as error:
                log.warning("live updates lost the database; listening again", error=str(error))
                return
        log.warning("live updates lost the database; listening again")
