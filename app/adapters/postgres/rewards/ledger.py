"""The points ledger on PostgreSQL: entries inserted once each, balances moved in the same transaction.

An award or a reversal first claims its key in ``points_entry_keys`` (the ledger is partitioned by
month, so its own unique keys must hold the id): a key already there, committed or being written by
another transaction, which the claim then waits for, leaves its entry out. A batch of credits costs
three statements (the keys, the entries, then every balance they move, which also signals each person
whose points moved: see ``live_updates``); a debit that is
no spend first locks its balance, so what it takes never exceeds what the balance holds. A spend is
one conditional update, which PostgreSQL serialises on the balance's row: fifty concurrent spends of
a balance that holds ten of them leave ten succeeded and the balance at zero, never below.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.postgres.keyset import ID_ONLY
from app.adapters.postgres.live_updates.channel import notify_points
from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.ledger_mappers import entry_from_row, entry_values, key_values
from app.adapters.postgres.rewards.tables import points_balances, points_entries, points_entry_keys
from app.domain.rewards.ledger import (
    SPENDING_KINDS,
    EntryKind,
    EntryStatus,
    PointBalance,
    PointEntry,
    balance_change,
)
from app.ports.pagination import Page, PageRequest

_entries = points_entries.c
_balances = points_balances.c
_keys = points_entry_keys.c


class PostgresPointsLedger(_Repository):
    async def append(self, entries: Sequence[PointEntry]) -> list[PointEntry]:
        for entry in entries:
            self._require_own(entry.tenant_id)
            if entry.kind in SPENDING_KINDS:
                raise ValueError("A spend is stored with spend(), which checks the balance.")
        if not entries:
            return []
        stored = await self._claimed(
            [await self._against_balance(entry) if entry.debit else entry for entry in entries]
        )
        new_ids: set[UUID] = set()
        if stored:
            inserted = await self._session.execute(
                insert(points_entries)
                .values([entry_values(entry) for entry in stored])
                .on_conflict_do_nothing()
                .returning(_entries.id)
            )
            new_ids = {row.id for row in inserted}
        new = [entry for entry in stored if entry.id in new_ids]
        await self._move_balances(new)
        for entry in new:
            entry.announce()
            self._tracker.track(entry)
        return new

    async def _claimed(self, entries: Sequence[PointEntry]) -> list[PointEntry]:
        """The entries without a key, and those whose key this transaction now holds."""
        keys = [values for values in map(key_values, entries) if values is not None]
        if not keys:
            return list(entries)
        claimed = await self._session.execute(
            insert(points_entry_keys).values(keys).on_conflict_do_nothing().returning(_keys.entry_id)
        )
        ids = {row.entry_id for row in claimed}
        return [entry for entry in entries if entry.id in ids or key_values(entry) is None]

    async def _against_balance(self, entry: PointEntry) -> PointEntry:
        """The debit as it can be stored: the balance's row is locked until the transaction ends."""
        await self._ensure_balance(entry.ambassador_id)
        held = await self._session.scalar(
            sa.select(_balances.balance)
            .where(_balances.tenant_id == self._tenant_id, _balances.ambassador_id == entry.ambassador_id)
            .with_for_update()
        )
        return entry.taking(int(held or 0))

    async def _ensure_balance(self, ambassador_id: UUID) -> None:
        await self._session.execute(
            insert(points_balances)
            .values(tenant_id=self._tenant_id, ambassador_id=ambassador_id, balance=0, earned=0)
            .on_conflict_do_nothing()
        )

    async def _move_balances(self, entries: Sequence[PointEntry]) -> None:
        changes: dict[UUID, list[int]] = defaultdict(lambda: [0, 0])
        for entry in entries:
            balance, earned = balance_change(entry)
            changes[entry.ambassador_id][0] += balance
            changes[entry.ambassador_id][1] += earned
        raised: list[dict[str, object]] = []
        for ambassador, (balance, earned) in sorted(changes.items()):
            if balance < 0:
                # A debit's balance row exists and is locked (_against_balance); an upsert would check
                # its proposed negative row against the balance's CHECK before finding the conflict.
                lowered = (
                    sa.update(points_balances)
                    .where(_balances.tenant_id == self._tenant_id, _balances.ambassador_id == ambassador)
                    .values(balance=_balances.balance + balance, earned=_balances.earned + earned)
                    .returning(_balances.tenant_id, _balances.ambassador_id)
                    .cte("lowered")
                )
                await self._session.execute(notify_points(lowered))
            elif (balance, earned) != (0, 0):
                raised.append(
                    {"tenant_id": self._tenant_id, "ambassador_id": ambassador, "balance": balance, "earned": earned}
                )
        if not raised:
            return
        statement = insert(points_balances).values(raised)
        moved = (
            statement.on_conflict_do_update(
                index_elements=[_balances.tenant_id, _balances.ambassador_id],
                set_={
                    "balance": _balances.balance + statement.excluded.balance,
                    "earned": _balances.earned + statement.excluded.earned,
                },
            )
            .returning(_balances.tenant_id, _balances.ambassador_id)
            .cte("moved")
        )
        # The same statement signals each person whose balance moved, once, when the transaction commits.
        await self._session.execute(notify_points(moved))

    async def spend(self, ambassador_id: UUID, points: int, entry: PointEntry) -> bool:
        self._require_own(entry.tenant_id)
        if points <= 0 or entry.points != -points or entry.ambassador_id != ambassador_id:
            raise ValueError("A spend takes a positive number of points, which its entry records as negative.")
        spent = (
            sa.update(points_balances)
            .where(
                _balances.tenant_id == self._tenant_id,
                _balances.ambassador_id == ambassador_id,
                _balances.balance >= points,
            )
            .values(balance=_balances.balance - points)
            .returning(_balances.tenant_id, _balances.ambassador_id, _balances.balance)
            .cte("spent")
        )
        taken = await self._session.execute(notify_points(spent, spent.c.balance))
        if taken.first() is None:
            return False
        key = key_values(entry)
        if key is not None:
            # A spend made twice is refused as the ledger's unique keys refused it: with an error.
            await self._session.execute(insert(points_entry_keys).values(key))
        await self._session.execute(insert(points_entries).values(entry_values(entry)))
        self._tracker.track(entry)
        return True

    async def balance(self, ambassador_id: UUID) -> PointBalance:
        row = (
            await self._session.execute(
                sa.select(_balances.balance, _balances.earned).where(
                    _balances.tenant_id == self._tenant_id, _balances.ambassador_id == ambassador_id
                )
            )
        ).first()
        if row is None:
            return PointBalance(ambassador_id=ambassador_id)
        return PointBalance(ambassador_id=ambassador_id, balance=row.balance, earned=row.earned)

    def _select(self) -> sa.Select[tuple[object, ...]]:
        return sa.select(points_entries).where(_entries.tenant_id == self._tenant_id)

    async def get(self, entry_id: UUID) -> PointEntry | None:
        return await self._one(self._select().where(_entries.id == entry_id), entry_from_row)

    async def entries(self, ambassador_id: UUID, page: PageRequest) -> Page[PointEntry]:
        statement = self._select().where(_entries.ambassador_id == ambassador_id)
        return await self._page(statement, _entries.id, page, entry_from_row, ID_ONLY)

    async def awards_of(self, source_event_id: UUID) -> list[PointEntry]:
        statement = self._select().where(_entries.source_event_id == source_event_id, _entries.reverses.is_(None))
        return await self._all(statement.order_by(_entries.id), entry_from_row)

    async def entries_of_conversion(self, conversion_id: UUID) -> list[PointEntry]:
        statement = self._select().where(_entries.conversion_id == conversion_id)
        return await self._all(statement.order_by(_entries.id), entry_from_row)

    async def has_award(self, ambassador_id: UUID, rule: str) -> bool:
        statement = sa.select(
            sa.exists().where(
                _entries.tenant_id == self._tenant_id,
                _entries.ambassador_id == ambassador_id,
                _entries.kind == EntryKind.AWARD.value,
                _entries.rule == rule,
            )
        )
        return bool(await self._session.scalar(statement))

    async def entries_of_share(self, share_id: UUID) -> list[PointEntry]:
        statement = self._select().where(_entries.share_id == share_id)
        return await self._all(statement.order_by(_entries.id), entry_from_row)

    async def withheld(self, page: PageRequest) -> Page[PointEntry]:
        statement = self._select().where(_entries.status == EntryStatus.WITHHELD.value)
        return await self._page(statement, _entries.id, page, entry_from_row, ID_ONLY)

    async def review(self, entry: PointEntry) -> bool:
        self._require_own(entry.tenant_id)
        decided = await self._session.execute(
            sa.update(points_entries)
            .where(
                _entries.tenant_id == self._tenant_id,
                _entries.id == entry.id,
                _entries.status == EntryStatus.WITHHELD.value,
            )
            .values(status=entry.status.value, reviewed_at=entry.reviewed_at, actor=entry.actor)
            .returning(_entries.id)
        )
        if decided.first() is None:
            return False
        await self._move_balances([entry])
        self._tracker.track(entry)
        return True

    async def points_between(
        self, ambassador_id: UUID, rule: str, start: datetime, end: datetime, *, share_id: UUID | None = None
    ) -> int:
        statement = sa.select(sa.func.coalesce(sa.func.sum(_entries.points), 0)).where(
            _entries.tenant_id == self._tenant_id,
            _entries.ambassador_id == ambassador_id,
            _entries.kind == EntryKind.AWARD.value,
            _entries.rule == rule,
            _entries.status != EntryStatus.REVERSED.value,
            _entries.occurred_at >= start,
            _entries.occurred_at < end,
        )
        if share_id is not None:
            statement = statement.where(_entries.share_id == share_id)
        return int(await self._session.scalar(statement) or 0)
