"""PostgreSQL repository of redemptions, scoped to the unit of work's tenant."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.catalogue_tables import redemptions
from app.domain.rewards.redemptions import Redemption, RedemptionStatus
from app.ports.pagination import Page, PageRequest
from app.ports.rewards_catalogue import RedemptionFilter

_d = redemptions.c
_HOLDING = [status.value for status in RedemptionStatus if status.holds]


def redemption_values(redemption: Redemption) -> dict[str, Any]:
    return {
        "tenant_id": redemption.tenant_id,
        "id": redemption.id,
        "reward_id": redemption.reward_id,
        "ambassador_id": redemption.ambassador_id,
        "points": redemption.points,
        "status": redemption.status.value,
        "spend_entry_id": redemption.spend_entry_id,
        "refund_entry_id": redemption.refund_entry_id,
        "reason": redemption.reason,
        "decided_by": redemption.decided_by,
        "decided_at": redemption.decided_at,
        "fulfilled_at": redemption.fulfilled_at,
        "version": redemption.version,
        "created_at": redemption.created_at,
        "updated_at": redemption.updated_at,
    }


def redemption_from_row(row: Any) -> Redemption:
    return Redemption(
        id=row.id,
        tenant_id=row.tenant_id,
        reward_id=row.reward_id,
        ambassador_id=row.ambassador_id,
        points=row.points,
        status=RedemptionStatus(row.status),
        spend_entry_id=row.spend_entry_id,
        refund_entry_id=row.refund_entry_id,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        fulfilled_at=row.fulfilled_at,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class PostgresRedemptionRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(redemptions).where(_d.tenant_id == self._tenant_id)

    async def add(self, redemption: Redemption) -> None:
        self._require_own(redemption.tenant_id)
        await self._write(sa.insert(redemptions).values(redemption_values(redemption)), redemption)

    async def save(self, redemption: Redemption) -> None:
        self._require_own(redemption.tenant_id)
        fixed = ("tenant_id", "id", "reward_id", "ambassador_id", "points", "spend_entry_id", "created_at")
        values = {k: v for k, v in redemption_values(redemption).items() if k not in fixed}
        statement = sa.update(redemptions).where(_d.tenant_id == self._tenant_id, _d.id == redemption.id).values(values)
        await self._write(statement, redemption)

    async def get(self, redemption_id: UUID, *, for_update: bool = False) -> Redemption | None:
        statement = self._select().where(_d.id == redemption_id)
        return await self._one(statement.with_for_update() if for_update else statement, redemption_from_row)

    async def list(self, criteria: RedemptionFilter, page: PageRequest) -> Page[Redemption]:
        statement = self._select()
        if criteria.status is not None:
            statement = statement.where(_d.status == criteria.status.value)
        if criteria.ambassador_id is not None:
            statement = statement.where(_d.ambassador_id == criteria.ambassador_id)
        if criteria.reward_id is not None:
            statement = statement.where(_d.reward_id == criteria.reward_id)
        return await self._page(statement, _d.id, page, redemption_from_row)

    async def held(self, ambassador_id: UUID, reward_id: UUID) -> int:
        statement = sa.select(sa.func.count()).where(
            _d.tenant_id == self._tenant_id,
            _d.reward_id == reward_id,
            _d.ambassador_id == ambassador_id,
            _d.status.in_(_HOLDING),
        )
        return int(await self._session.scalar(statement) or 0)
