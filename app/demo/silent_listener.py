"""A live listener that never signals: the demo's container tells its story through use cases and
follows no stream, while the space's builder asks for a listener."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from uuid import UUID

from app.ports.live_updates import LiveSignal


class SilentListener:
    @asynccontextmanager
    async def subscribe(self, tenant_id: UUID, employee_id: UUID) -> AsyncIterator[AsyncIterator[LiveSignal]]:
        yield _never()


async def _never() -> AsyncIterator[LiveSignal]:
    await asyncio.Event().wait()
    yield  # type: ignore[misc]  # never reached: makes this an async generator


SILENT = SilentListener()
