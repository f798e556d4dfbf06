"""The points ledger in memory, behaving as the PostgreSQL one does (``tests/contract`` holds both to it).

Its spends are checked against the transaction's view of the balance: the fake runs one transaction
at a time, so the concurrency the database serialises is proved on PostgreSQL only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from uuid import UUID

from app.domain.rewards.ledger import (
    SPENDING_KINDS,
    EntryKind,
    EntryStatus,
    PointBalance,
    PointEntry,
    balance_change,
)
from app.domain.rewards.rules import RuleSet
from app.domain.sharing.visitors import ClickKind
from app.ports.pagination import Page, PageRequest
from app.ports.rewards import ClickBurst, ConversionInvalidation
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(entry: PointEntry) -> PointEntry:
    return replace(entry, pending_events=[])


class FakePointsLedger(_Repository):
    def _rows(self) -> list[PointEntry]:
        return [entry for entry in self._tx.points_entries.rows() if entry.tenant_id == self._tenant_id]

    def _check(self, entry: PointEntry) -> None:
        self._require_own(entry.tenant_id)
        self._require_tenant_row(entry.tenant_id)
        if self._tx.ambassadors.get((entry.tenant_id, entry.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {entry.ambassador_id} to hold points.")
        if (entry.kind is EntryKind.REVERSAL) != (entry.reverses is not None):
            raise IntegrityViolationError("A reversal, and only a reversal, names the entry it reverses.")
        if entry.reverses is not None and self._tx.points_entries.get((entry.tenant_id, entry.reverses)) is None:
            raise IntegrityViolationError(f"No entry {entry.reverses} to reverse.")
        if entry.multiplier <= 0:
            raise IntegrityViolationError("A multiplier is positive.")
        if self._tx.points_entries.get((entry.tenant_id, entry.id)) is not None:
            raise IntegrityViolationError(f"Entry {entry.id} already exists.")

    def _already_stored(self, entry: PointEntry, batch: Sequence[PointEntry]) -> bool:
        others = [*self._rows(), *batch]
        if entry.reverses is not None:
            return any(other.reverses == entry.reverses for other in others)
        return entry.source_event_id is not None and any(
            other.reverses is None
            and (other.source_event_id, other.rule, other.share_id)
            == (entry.source_event_id, entry.rule, entry.share_id)
            for other in others
        )

    def _held(self, ambassador_id: UUID) -> tuple[int, int]:
        return self._tx.points_balances.get((self._tenant_id, ambassador_id)) or (0, 0)

    def _move(self, entry: PointEntry) -> None:
        balance, earned = self._held(entry.ambassador_id)
        moved, gained = balance_change(entry)
        if balance + moved < 0:
            raise IntegrityViolationError("A balance never goes below zero.")
        self._tx.points_balances.put((self._tenant_id, entry.ambassador_id), (balance + moved, earned + gained))

    async def append(self, entries: Sequence[PointEntry]) -> list[PointEntry]:
        new: list[PointEntry] = []
        for entry in entries:
            if entry.kind in SPENDING_KINDS:
                raise ValueError("A spend is stored with spend(), which checks the balance.")
            self._check(entry)
            if self._already_stored(entry, new):
                continue
            stored = entry.taking(self._held(entry.ambassador_id)[0]) if entry.debit else entry
            self._tx.points_entries.put((stored.tenant_id, stored.id), _copy(stored))
            self._move(stored)
            new.append(stored)
        for stored in new:
            stored.announce()
            self._tracker.track(stored)
        return new

    async def spend(self, ambassador_id: UUID, points: int, entry: PointEntry) -> bool:
        if points <= 0 or entry.points != -points or entry.ambassador_id != ambassador_id:
            raise ValueError("A spend takes a positive number of points, which its entry records as negative.")
        self._check(entry)
        if self._held(ambassador_id)[0] < points:
            return False
        self._tx.points_entries.put((entry.tenant_id, entry.id), _copy(entry))
        self._move(entry)
        self._tracker.track(entry)
        return True

    async def balance(self, ambassador_id: UUID) -> PointBalance:
        balance, earned = self._held(ambassador_id)
        return PointBalance(ambassador_id=ambassador_id, balance=balance, earned=earned)

    async def get(self, entry_id: UUID) -> PointEntry | None:
        found = self._tx.points_entries.get((self._tenant_id, entry_id))
        return _copy(found) if found is not None else None

    async def entries(self, ambassador_id: UUID, page: PageRequest) -> Page[PointEntry]:
        rows = [_copy(entry) for entry in self._rows() if entry.ambassador_id == ambassador_id]
        return keyset_page(rows, page)

    async def awards_of(self, source_event_id: UUID) -> list[PointEntry]:
        found = [e for e in self._rows() if e.source_event_id == source_event_id and e.reverses is None]
        return [_copy(entry) for entry in sorted(found, key=lambda entry: entry.id)]

    async def entries_of_conversion(self, conversion_id: UUID) -> list[PointEntry]:
        found = [entry for entry in self._rows() if entry.conversion_id == conversion_id]
        return [_copy(entry) for entry in sorted(found, key=lambda entry: entry.id)]

    async def has_award(self, ambassador_id: UUID, rule: str) -> bool:
        return any(
            e.ambassador_id == ambassador_id and e.kind is EntryKind.AWARD and e.rule == rule for e in self._rows()
        )

    async def entries_of_share(self, share_id: UUID) -> list[PointEntry]:
        return [
            _copy(entry) for entry in sorted(self._rows(), key=lambda entry: entry.id) if entry.share_id == share_id
        ]

    async def withheld(self, page: PageRequest) -> Page[PointEntry]:
        return keyset_page([_copy(e) for e in self._rows() if e.status is EntryStatus.WITHHELD], page)

    async def review(self, entry: PointEntry) -> bool:
        self._require_own(entry.tenant_id)
        current = self._tx.points_entries.get((entry.tenant_id, entry.id))
        if current is None or current.status is not EntryStatus.WITHHELD:
            return False
        self._tx.points_entries.put((entry.tenant_id, entry.id), _copy(entry))
        self._move(entry)
        self._tracker.track(entry)
        return True

    async def points_between(
        self, ambassador_id: UUID, rule: str, start: datetime, end: datetime, *, share_id: UUID | None = None
    ) -> int:
        return sum(
            entry.points
            for entry in self._rows()
            if entry.ambassador_id == ambassador_id
            and entry.kind is EntryKind.AWARD
            and entry.rule == rule
            and entry.status is not EntryStatus.REVERSED
            and start <= entry.occurred_at < end
            and (share_id is None or entry.share_id == share_id)
        )


class FakeRewardRuleSets(_Repository):
    async def versions(self) -> list[RuleSet]:
        return sorted(
            (rule_set for rule_set in self._tx.reward_rule_sets.rows() if rule_set.tenant_id == self._tenant_id),
            key=lambda rule_set: rule_set.version,
        )

    async def add(self, rule_set: RuleSet) -> bool:
        self._require_own(rule_set.tenant_id)
        self._require_tenant_row(rule_set.tenant_id)
        if rule_set.version < 1:
            raise IntegrityViolationError("Stored versions start at 1.")
        key = (rule_set.tenant_id, rule_set.version)
        if self._tx.reward_rule_sets.get(key) is not None:
            return False
        self._tx.reward_rule_sets.put(key, rule_set)
        return True


class FakeRewardFacts(_Repository):
    async def click_burst(self, share_id: UUID, start: datetime, end: datetime) -> ClickBurst:
        found = [
            click
            for click in self._tx.database.clicks.values()
            if click.tenant_id == self._tenant_id
            and click.share_id == share_id
            and click.kind is ClickKind.COUNTED
            and not click.is_self
            and start <= click.clicked_at < end
        ]
        return ClickBurst(clicks=len(found), visitors=len({click.visitor_hash for click in found}))

    async def invalidation(self, conversion_id: UUID) -> ConversionInvalidation | None:
        return self._tx.conversion_invalidations.get((self._tenant_id, conversion_id))

    async def invalidate(self, invalidation: ConversionInvalidation) -> bool:
        key = (self._tenant_id, invalidation.conversion_id)
        if self._tx.conversions.get(key) is None:
            raise IntegrityViolationError(f"No conversion {invalidation.conversion_id} to invalidate.")
        if self._tx.conversion_invalidations.get(key) is not None:
            return False
        self._tx.conversion_invalidations.put(key, invalidation)
        return True
