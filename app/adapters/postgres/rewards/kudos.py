"""PostgreSQL repository of kudos, scoped to the unit of work's tenant."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.catalogue_tables import kudos
from app.domain.rewards.kudos import Kudos
from app.ports.pagination import Page, PageRequest

_k = kudos.c


def kudos_from_row(row: Any) -> Kudos:
    return Kudos(
        id=row.id,
        tenant_id=row.tenant_id,
        ambassador_id=row.ambassador_id,
        message=row.message,
        sent_by=row.sent_by,
        sent_at=row.sent_at,
    )


class PostgresKudosRepository(_Repository):
    async def add(self, item: Kudos) -> None:
        self._require_own(item.tenant_id)
        values = {
            "tenant_id": item.tenant_id,
            "id": item.id,
            "ambassador_id": item.ambassador_id,
            "message": item.message,
            "sent_by": item.sent_by,
            "sent_at": item.sent_at,
        }
        await self._write(sa.insert(kudos).values(values), item)

    async def list(self, ambassador_id: UUID, page: PageRequest) -> Page[Kudos]:
        statement = sa.select(kudos).where(_k.tenant_id == self._tenant_id, _k.ambassador_id == ambassador_id)
        return await self._page(statement, _k.id, page, kudos_from_row)
