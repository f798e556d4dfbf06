"""Today's visitor salts, read from the store once per UTC day and process."""

from __future__ import annotations

import asyncio
from datetime import date

from app.domain.sharing.visitors import VisitorSalts
from app.ports.sharing import VisitorSaltStore


class DailySaltCache:
    """A :class:`VisitorSaltStore` that keeps the store's answer until the UTC day changes.

    Every replica reads the same salts from the store (which creates the day's salt once, for
    all of them), so this copy needs no coordination. The first request of a day in each
    process pays one extra statement; concurrent first requests wait for that one read.
    """

    def __init__(self, store: VisitorSaltStore) -> None:
        self._store = store
        self._salts: VisitorSalts | None = None
        self._lock = asyncio.Lock()

    async def salts(self, today: date) -> VisitorSalts:
        salts = self._salts
        if salts is not None and salts.current.day == today:
            return salts
        async with self._lock:
            salts = self._salts
            if salts is None or salts.current.day != today:
                salts = self._salts = await self._store.salts(today)
            return salts

    def forget(self) -> None:
        """Drop the copy: the next request reads the store again."""
        self._salts = None
