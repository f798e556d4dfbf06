"""An ambassador redeems a reward of the catalogue: points spent and a unit taken in one transaction."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.redemptions import Redemption
from app.domain.rewards.refusals import InsufficientPoints, OutOfStock, RedemptionLimitReached
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.rewards.catalogue_access import AMBASSADORS, active_member

REDEMPTION_RULE = "redemption"
REFUND_RULE = "refund"


class RedeemReward(UseCase):
    """Active ambassadors only. Refused, with nothing written, when the reward is archived or outside its
    window (``reward-not-available``), when the caller already holds as many of it as one person may
    (``redemption-limit-reached``), when no unit is left (``out-of-stock``) or when the balance holds
    fewer points than it costs (``insufficient-points``). Otherwise the points are spent (a ledger entry
    of kind ``redemption``) and a unit taken, in the transaction that stores the redemption: requested
    when the reward needs a manager's approval, approved at once otherwise. The caller's membership is
    locked meanwhile, so their own concurrent redemptions run one after the other; a unit of stock is
    taken by a conditional update and the points by the ledger's guarded spend, so neither goes below
    zero however many ambassadors redeem at once."""

    async def __call__(self, principal: Principal, reward_id: UUID) -> Redemption:
        principal.require_any(AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await active_member(uow, principal, now)
            reward = await uow.catalogue.get(reward_id)
            if reward is None:
                raise NotFound("reward", reward_id)
            reward.require_available(now)
            limit = reward.fields.per_person_limit
            if limit is not None and await uow.redemptions.held(member.id, reward.id) >= limit:
                raise RedemptionLimitReached(limit)
            if not await uow.catalogue.take_unit(reward.id):
                raise OutOfStock()
            cost = reward.fields.cost
            entry = PointEntry(
                id=self._ids.new_id(),
                tenant_id=reward.tenant_id,
                ambassador_id=member.id,
                points=-cost,
                kind=EntryKind.REDEMPTION,
                rule=REDEMPTION_RULE,
                reason="Redeemed a reward of the catalogue",
                actor=principal.subject,
                occurred_at=now,
                recorded_at=now,
            )
            if not await uow.points.spend(member.id, cost, entry):
                raise InsufficientPoints((await uow.points.balance(member.id)).balance, cost)
            redemption = Redemption.request(
                id=self._ids.new_id(), reward=reward, ambassador_id=member.id, spend_entry_id=entry.id, now=now
            )
            await uow.redemptions.add(redemption)
            await uow.commit()
        return redemption
