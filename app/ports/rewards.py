"""Ports of rewards: the points ledger, with the balances it keeps beside it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from app.domain.rewards.ledger import PointBalance, PointEntry
from app.domain.rewards.rules import RuleSet
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
        """The entries an event earned (of any status), reversals aside."""
        ...

    async def entries_of_conversion(self, conversion_id: UUID) -> list[PointEntry]:
        """Every entry a conversion's credits earned, reversals included, to undo them when it is invalidated."""
        ...

    async def has_award(self, ambassador_id: UUID, rule: str) -> bool:
        """Whether the ambassador ever had an award by ``rule`` (a first share is rewarded once)."""
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


class RewardRuleSets(Protocol):
    """The unit of work's tenant's rule set versions (the default, version 0, is never stored)."""

    async def versions(self) -> list[RuleSet]:
        """Every stored version, oldest first (a tenant has a handful)."""
        ...

    async def add(self, rule_set: RuleSet) -> bool:
        """Store a new version; False, with nothing written, when that version number is taken (a
        concurrent change was stored first)."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class ClickBurst:
    """A share's counted clicks (the ambassador's own aside) in a period, and their distinct visitor digests."""

    clicks: int
    visitors: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ConversionInvalidation:
    conversion_id: UUID
    reason: str
    invalidated_at: datetime
    invalidated_by: str


class RewardFacts(Protocol):
    """What the rules read beside the ledger: click bursts on a share, and conversions reported invalid."""

    async def click_burst(self, share_id: UUID, start: datetime, end: datetime) -> ClickBurst:
        """Counted clicks on the share with ``start <= clicked_at < end``, in one read."""
        ...

    async def invalidation(self, conversion_id: UUID) -> ConversionInvalidation | None: ...

    async def invalidate(self, invalidation: ConversionInvalidation) -> bool:
        """Record that a conversion of this tenant is invalid; False, with nothing written, when it already was."""
        ...
