"""PostgreSQL repository of take-downs, scoped to the unit of work's tenant."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.community.recall.tables import takedowns
from app.adapters.postgres.repository import _Repository
from app.domain.community.recall import TakeDown, TakeDownProgress, TakeDownStatus
from app.domain.networks import Network
from app.ports.community_recall import TakeDownFilter
from app.ports.pagination import Page, PageRequest

_t = takedowns.c


def take_down_values(take_down: TakeDown) -> dict[str, Any]:
    return {
        "tenant_id": take_down.tenant_id,
        "id": take_down.id,
        "content_id": take_down.content_id,
        "share_id": take_down.share_id,
        "ambassador_id": take_down.ambassador_id,
        "network": take_down.network.value,
        "post_url": take_down.post_url,
        "reason": take_down.reason,
        "status": take_down.status.value,
        "confirmed_at": take_down.confirmed_at,
        "version": take_down.version,
        "created_at": take_down.created_at,
        "updated_at": take_down.updated_at,
    }


def take_down_from_row(row: Any) -> TakeDown:
    return TakeDown(
        id=row.id,
        tenant_id=row.tenant_id,
        content_id=row.content_id,
        share_id=row.share_id,
        ambassador_id=row.ambassador_id,
        network=Network(row.network),
        post_url=row.post_url,
        reason=row.reason,
        status=TakeDownStatus(row.status),
        confirmed_at=row.confirmed_at,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class PostgresTakeDownRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(takedowns).where(_t.tenant_id == self._tenant_id)

    async def add(self, take_down: TakeDown) -> None:
        self._require_own(take_down.tenant_id)
        await self._write(sa.insert(takedowns).values(take_down_values(take_down)), take_down)

    async def save(self, take_down: TakeDown) -> None:
        self._require_own(take_down.tenant_id)
        changed = {
            name: take_down_values(take_down)[name] for name in ("status", "confirmed_at", "version", "updated_at")
        }
        statement = sa.update(takedowns).where(_t.tenant_id == self._tenant_id, _t.id == take_down.id).values(changed)
        await self._write(statement, take_down)

    async def get(self, take_down_id: UUID, *, for_update: bool = False) -> TakeDown | None:
        statement = self._select().where(_t.id == take_down_id)
        return await self._one(statement.with_for_update() if for_update else statement, take_down_from_row)

    async def list(self, criteria: TakeDownFilter, page: PageRequest) -> Page[TakeDown]:
        statement = self._select()
        if criteria.ambassador_id is not None:
            statement = statement.where(_t.ambassador_id == criteria.ambassador_id)
        if criteria.content_id is not None:
            statement = statement.where(_t.content_id == criteria.content_id)
        if criteria.status is not None:
            statement = statement.where(_t.status == criteria.status.value)
        return await self._page(statement, _t.id, page, take_down_from_row)

    async def shares_taken_down(self, content_id: UUID) -> set[UUID]:
        statement = sa.select(_t.share_id).where(_t.tenant_id == self._tenant_id, _t.content_id == content_id)
        return set((await self._session.scalars(statement)).all())

    async def progress(self, content_id: UUID) -> TakeDownProgress:
        statement = (
            sa.select(_t.status, sa.func.count())
            .where(_t.tenant_id == self._tenant_id, _t.content_id == content_id)
            .group_by(_t.status)
        )
        counts = {status: int(count) for status, count in (await self._session.execute(statement)).all()}
        return TakeDownProgress(
            pending=counts.get(TakeDownStatus.PENDING.value, 0),
            confirmed=counts.get(TakeDownStatus.CONFIRMED.value, 0),
        )
