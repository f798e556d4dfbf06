"""What happens to a redemption after it is requested: approved, rejected or fulfilled by staff, or
cancelled by its ambassador; a rejection or a cancellation refunds its points by a new ledger entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.ledger import EntryKind, PointEntry
from app.domain.rewards.redemptions import Redemption
from app.domain.roster.identity import Principal
from app.ports.unit_of_work import UnitOfWork
from app.services.base import UseCase
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_STAFF, redemption_for_change
from app.services.rewards.redeem_reward import REFUND_RULE
from app.services.roster.linking import require_membership


@dataclass(frozen=True, slots=True, kw_only=True)
class RedemptionCommand:
    redemption_id: UUID
    expected_version: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectRedemptionCommand(RedemptionCommand):
    reason: str


class _Decision(UseCase):
    async def _refund(self, uow: UnitOfWork, redemption: Redemption, principal: Principal, now: datetime) -> None:
        """The points back by a ``refund`` entry (never an edit of the spend), and the unit back in stock."""
        entry = PointEntry(
            id=self._ids.new_id(),
            tenant_id=redemption.tenant_id,
            ambassador_id=redemption.ambassador_id,
            points=redemption.points,
            kind=EntryKind.REFUND,
            rule=REFUND_RULE,
            reason="Refund of a redemption " + redemption.status.value,
            actor=principal.subject,
            occurred_at=now,
            recorded_at=now,
        )
        await uow.points.append([entry])
        await uow.catalogue.return_unit(redemption.reward_id)
        redemption.refund_recorded(entry.id)


class ApproveRedemption(_Decision):
    """Staff (admin, manager): a requested redemption becomes approved."""

    async def __call__(self, principal: Principal, command: RedemptionCommand) -> Redemption:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            redemption = await redemption_for_change(uow, command.redemption_id, command.expected_version)
            redemption.approve(principal.subject, self._clock.now())
            await uow.redemptions.save(redemption)
            await uow.commit()
        return redemption


class RejectRedemption(_Decision):
    """Staff, with a reason the ambassador reads, before it is fulfilled; its points and its unit come back."""

    async def __call__(self, principal: Principal, command: RejectRedemptionCommand) -> Redemption:
        principal.require_any(CATALOGUE_STAFF)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            redemption = await redemption_for_change(uow, command.redemption_id, command.expected_version)
            redemption.reject(principal.subject, command.reason, now)
            await self._refund(uow, redemption, principal, now)
            await uow.redemptions.save(redemption)
            await uow.commit()
        return redemption


class FulfilRedemption(_Decision):
    """Staff, once the reward is handed over; only an approved redemption (``redemption-not-approved``)."""

    async def __call__(self, principal: Principal, command: RedemptionCommand) -> Redemption:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            redemption = await redemption_for_change(uow, command.redemption_id, command.expected_version)
            redemption.fulfil(principal.subject, self._clock.now())
            await uow.redemptions.save(redemption)
            await uow.commit()
        return redemption


class CancelRedemption(_Decision):
    """Its ambassador, while it awaits approval; its points and its unit come back. Another ambassador's
    redemption reads as missing."""

    async def __call__(self, principal: Principal, command: RedemptionCommand) -> Redemption:
        principal.require_any(AMBASSADORS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            member = await require_membership(uow, principal, now, for_update=False)
            redemption = await redemption_for_change(uow, command.redemption_id, None)
            if redemption.ambassador_id != member.id:
                raise NotFound("redemption", command.redemption_id)
            redemption.require_version(command.expected_version)
            redemption.cancel(now)
            await self._refund(uow, redemption, principal, now)
            await uow.redemptions.save(redemption)
            await uow.commit()
        return redemption
