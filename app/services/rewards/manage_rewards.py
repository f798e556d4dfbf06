"""Keep the rewards catalogue (staff), and read it (staff: all of it; ambassadors: what is offered now)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.catalogue import Reward, RewardFields, RewardStatus
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.ports.rewards_catalogue import RewardFilter
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.rewards.catalogue_access import (
    CATALOGUE_READERS,
    CATALOGUE_STAFF,
    is_staff,
    reward_for_change,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateRewardCommand:
    reward_id: UUID
    changes: Mapping[str, Any] = field(default_factory=dict)
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RewardTransitionCommand:
    reward_id: UUID
    expected_version: int | None = None


async def _require_association(uow: UnitOfWork, fields: RewardFields) -> None:
    if fields.association_id is None:
        return
    association = await uow.associations.get(fields.association_id)
    if association is None:
        raise NotFound("association", fields.association_id)
    association.require_active()


class CreateReward(UseCase):
    """Staff (admin, manager). The cost is in points (> 0); a donation names one of the programme's
    associations (``not-found``), not an archived one (``association-not-available``); the stock, the
    limit per person and the window are optional."""

    async def __call__(self, principal: Principal, fields: RewardFields) -> Reward:
        principal.require_any(CATALOGUE_STAFF)
        tenant_id = principal.require_tenant()
        reward = Reward.create(
            id=self._ids.new_id(), tenant_id=tenant_id, fields=fields, author=principal.subject, now=self._clock.now()
        )
        async with self._uow(tenant_id) as uow:
            await _require_association(uow, reward.fields)
            await uow.catalogue.add(reward)
            await uow.commit()
        return reward


class UpdateReward(UseCase):
    """Staff only; an archived reward is frozen and a reward's kind is fixed. Setting the stock sets the
    units left."""

    async def __call__(self, principal: Principal, command: UpdateRewardCommand) -> Reward:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            reward = await reward_for_change(uow, command.reward_id, command.expected_version)
            reward.edit(command.changes, self._clock.now())
            if "association_id" in command.changes:
                await _require_association(uow, reward.fields)
            await uow.catalogue.save(reward)
            await uow.commit()
        return reward


class ArchiveReward(UseCase):
    """Staff only: the reward leaves the catalogue; redemptions already made go on."""

    async def __call__(self, principal: Principal, command: RewardTransitionCommand) -> Reward:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            reward = await reward_for_change(uow, command.reward_id, command.expected_version)
            reward.archive(self._clock.now())
            await uow.catalogue.save(reward)
            await uow.commit()
        return reward


class GetReward(UseCase):
    """Staff read any reward; ambassadors only those offered now (others read as missing)."""

    async def __call__(self, principal: Principal, reward_id: UUID) -> Reward:
        principal.require_any(CATALOGUE_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            reward = await uow.catalogue.get(reward_id)
        if reward is None or not (is_staff(principal) or reward.available_at(self._clock.now())):
            raise NotFound("reward", reward_id)
        return reward


class ListRewards(UseCase):
    """Staff see the whole catalogue (filtered by status); ambassadors see the rewards offered now: active,
    inside their window (those out of stock included, so they know what will come back)."""

    async def __call__(self, principal: Principal, status: RewardStatus | None, page: PageRequest) -> Page[Reward]:
        principal.require_any(CATALOGUE_READERS)
        criteria = RewardFilter(status=status) if is_staff(principal) else RewardFilter(available_at=self._clock.now())
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.catalogue.list(criteria, page)
