"""Take-downs in memory, refusing what the PostgreSQL table's keys and checks refuse."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.community.recall import TakeDown, TakeDownProgress, TakeDownStatus
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import Page, PageRequest
from tests.fake_pages import keyset_page
from tests.fake_storage import IntegrityViolationError, _Repository


def _copy(take_down: TakeDown) -> TakeDown:
    return replace(take_down, pending_events=[])


class FakeTakeDownRepository(_Repository):
    def _check(self, take_down: TakeDown) -> None:
        self._require_own(take_down.tenant_id)
        tenant = take_down.tenant_id
        if self._tx.contents.get((tenant, take_down.content_id)) is None:
            raise IntegrityViolationError(f"No content {take_down.content_id}.")
        if self._tx.shares.get((tenant, take_down.share_id)) is None:
            raise IntegrityViolationError(f"No share {take_down.share_id}.")
        if self._tx.ambassadors.get((tenant, take_down.ambassador_id)) is None:
            raise IntegrityViolationError(f"No ambassador {take_down.ambassador_id}.")
        if (take_down.status is TakeDownStatus.CONFIRMED) != (take_down.confirmed_at is not None):
            raise IntegrityViolationError("A confirmed take-down, and only one, has its confirmation time.")

    async def add(self, take_down: TakeDown) -> None:
        self._check(take_down)
        for other in self._rows():
            if other.id == take_down.id or other.share_id == take_down.share_id:
                raise IntegrityViolationError(f"Share {take_down.share_id} already has a take-down.")
        self._tx.takedowns.put((take_down.tenant_id, take_down.id), _copy(take_down))
        self._tracker.track(take_down)

    async def save(self, take_down: TakeDown) -> None:
        self._check(take_down)
        self._tx.takedowns.put((take_down.tenant_id, take_down.id), _copy(take_down))
        self._tracker.track(take_down)

    async def get(self, take_down_id: UUID, *, for_update: bool = False) -> TakeDown | None:
        found = self._tx.takedowns.get((self._tenant_id, take_down_id))
        return _copy(found) if found is not None else None

    def _rows(self) -> list[TakeDown]:
        return [row for row in self._tx.takedowns.rows() if row.tenant_id == self._tenant_id]

    async def list(self, criteria: TakeDownFilter, page: PageRequest) -> Page[TakeDown]:
        rows = [
            _copy(row)
            for row in self._rows()
            if (criteria.ambassador_id is None or row.ambassador_id == criteria.ambassador_id)
            and (criteria.content_id is None or row.content_id == criteria.content_id)
            and (criteria.status is None or row.status is criteria.status)
        ]
        return keyset_page(rows, page)

    async def shares_taken_down(self, content_id: UUID) -> set[UUID]:
        return {row.share_id for row in self._rows() if row.content_id == content_id}

    async def progress(self, content_id: UUID) -> TakeDownProgress:
        statuses = [row.status for row in self._rows() if row.content_id == content_id]
        return TakeDownProgress(
            pending=statuses.count(TakeDownStatus.PENDING), confirmed=statuses.count(TakeDownStatus.CONFIRMED)
        )
