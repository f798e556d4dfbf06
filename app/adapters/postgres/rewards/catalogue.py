"""PostgreSQL repository of the rewards catalogue; a unit of stock is taken by one conditional update,
which PostgreSQL serialises on the reward's row, so concurrent redemptions never oversell."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import sqlalchemy as sa

from app.adapters.postgres.repository import _Repository
from app.adapters.postgres.rewards.catalogue_tables import rewards
from app.domain.rewards.catalogue import Reward, RewardFields, RewardKind, RewardStatus
from app.ports.pagination import Page, PageRequest
from app.ports.rewards_catalogue import RewardFilter

_r = rewards.c
_FIXED = ("tenant_id", "id", "created_at", "created_by", "kind")


def reward_values(reward: Reward) -> dict[str, Any]:
    fields = reward.fields
    return {
        "tenant_id": reward.tenant_id,
        "id": reward.id,
        "name": fields.name,
        "description": fields.description,
        "kind": fields.kind.value,
        "cost": fields.cost,
        "stock": fields.stock,
        "per_person_limit": fields.per_person_limit,
        "available_from": fields.available_from,
        "available_until": fields.available_until,
        "requires_approval": fields.requires_approval,
        "association_id": fields.association_id,
        "status": reward.status.value,
        "created_by": reward.created_by,
        "version": reward.version,
        "created_at": reward.created_at,
        "updated_at": reward.updated_at,
    }


def reward_from_row(row: Any) -> Reward:
    return Reward(
        id=row.id,
        tenant_id=row.tenant_id,
        fields=RewardFields(
            name=row.name,
            description=row.description,
            kind=RewardKind(row.kind),
            cost=row.cost,
            stock=row.stock,
            per_person_limit=row.per_person_limit,
            available_from=row.available_from,
            available_until=row.available_until,
            requires_approval=row.requires_approval,
            association_id=row.association_id,
        ),
        status=RewardStatus(row.status),
        created_by=row.created_by,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class PostgresRewardRepository(_Repository):
    def _select(self) -> sa.Select[Any]:
        return sa.select(rewards).where(_r.tenant_id == self._tenant_id)

    async def add(self, reward: Reward) -> None:
        self._require_own(reward.tenant_id)
        await self._write(sa.insert(rewards).values(reward_values(reward)), reward)

    async def save(self, reward: Reward) -> None:
        """The stock written is the one read under the row's lock (``get(for_update=True)``): no unit taken
        meanwhile is lost."""
        self._require_own(reward.tenant_id)
        values = {k: v for k, v in reward_values(reward).items() if k not in _FIXED}
        statement = sa.update(rewards).where(_r.tenant_id == self._tenant_id, _r.id == reward.id).values(values)
        await self._write(statement, reward)

    async def get(self, reward_id: UUID, *, for_update: bool = False) -> Reward | None:
        statement = self._select().where(_r.id == reward_id)
        return await self._one(statement.with_for_update() if for_update else statement, reward_from_row)

    async def list(self, criteria: RewardFilter, page: PageRequest) -> Page[Reward]:
        statement = self._select()
        if criteria.status is not None:
            statement = statement.where(_r.status == criteria.status.value)
        if criteria.available_at is not None:
            at = criteria.available_at
            statement = statement.where(
                _r.status == RewardStatus.ACTIVE.value,
                sa.or_(_r.available_from.is_(None), _r.available_from <= at),
                sa.or_(_r.available_until.is_(None), _r.available_until > at),
            )
        return await self._page(statement, _r.id, page, reward_from_row)

    async def take_unit(self, reward_id: UUID) -> bool:
        taken = await self._session.execute(
            sa.update(rewards)
            .where(_r.tenant_id == self._tenant_id, _r.id == reward_id, sa.or_(_r.stock.is_(None), _r.stock > 0))
            .values(stock=_r.stock - 1)
            .returning(_r.id)
        )
        return taken.first() is not None

    async def return_unit(self, reward_id: UUID) -> None:
        await self._session.execute(
            sa.update(rewards)
            .where(_r.tenant_id == self._tenant_id, _r.id == reward_id, _r.stock.is_not(None))
            .values(stock=_r.stock + 1)
        )
