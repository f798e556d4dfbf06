"""Ports of rewards: the points ledger, with the balances it keeps beside it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.rewards.ledger import PointBalance, PointEntry
from app.ports.pagination import Page, PageRequest

# The orders of an ambassador's entries: ``id`` (oldest first) and ``-id`` (newest first).
ENTRY_ORDERS = ("id", "-id")


class PointsLedger(Protocol):
    """The unit of work's tenant's entries and balances. Entries are never edited nor removed (a
    withheld entry's review decision aside); each balance changes in the transaction that stores the
    entries that move it, and never goes below zero."""

    async def append(self, entries: Sequence[PointEntry]) -> list[PointEntry]:
        """Store the entries not stored yet and move their ambassadors' balances, in the unit of work's
        transaction. An entry is already stored when one with its (source event, rule) is, or, for a
        reversal, when the entry it reverses was reversed already. Answers the new entries as stored:
        a debit that is no spend (a reversal, a downward adjustment) takes at most what the balance
        holds, and is stored with the points it took. Each new entry's event goes to the outbox."""
        ...

    async def spend(self, ambassador_id: UUID, points: int, entry: PointEntry) -> bool:
        """Take ``points`` (> 0) from the balance and store ``entry`` (its points ``-points``), only if the
        balance holds them, in one conditional update: False, with nothing written, when it does not.
        Concurrent spends never take a balance below zero."""
        ...

    async def balance(self, ambassador_id: UUID) -> PointBalance:
        """One indexed read; zero for an ambassador with no entry yet."""
        ...

    async def get(self, entry_id: UUID) -> PointEntry | None: ...

    async def entries(self, ambassador_id: UUID, page: PageRequest) -> Page[PointEntry]:
        """An ambassador's entries in id order (``page.sort`` ``id``, or ``-id`` newest first)."""
        ...

    async def awards_of(self, source_event_id: UUID) -> list[PointEntry]:
        """The entries an event earned (of any status), to reverse them when the event is undone."""
        ...

    async def entries_of_share(self, share_id: UUID) -> list[PointEntry]:
        """Every entry made for a share (its posting, its clicks, its milestones), reversals included."""
        ...

    async def withheld(self, page: PageRequest) -> Page[PointEntry]:
        """Entries awaiting review, oldest first."""
        ...

    async def review(self, entry: PointEntry) -> bool:
        """Store the decision on a withheld entry (``entry`` as ``PointEntry.reviewed`` made it) and, when
        it is released, add its points to the balance. False, with nothing written, when the entry is no
        longer withheld (another reviewer decided first)."""
        ...

    async def points_between(
        self, ambassador_id: UUID, rule: str, start: datetime, end: datetime, *, share_id: UUID | None = None
    ) -> int:
        """The points the ambassador's awards by ``rule`` counted or withheld for events that occurred in
        ``[start, end)`` (on one share when ``share_id`` is given), what caps are measured against."""
        ...
