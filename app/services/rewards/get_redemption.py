"""Read redemptions: staff read every one; an ambassador reads their own."""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.rewards.redemptions import Redemption
from app.domain.roster.identity import Principal
from app.ports.pagination import Page, PageRequest
from app.ports.rewards_catalogue import RedemptionFilter
from app.services.base import UseCase
from app.services.rewards.catalogue_access import AMBASSADORS, CATALOGUE_READERS, CATALOGUE_STAFF, is_staff
from app.services.roster.linking import find_caller


class GetRedemption(UseCase):
    """Staff read any redemption; an ambassador their own (another's reads as missing)."""

    async def __call__(self, principal: Principal, redemption_id: UUID) -> Redemption:
        principal.require_any(CATALOGUE_READERS)
        async with self._uow(principal.require_tenant()) as uow:
            redemption = await uow.redemptions.get(redemption_id)
            if redemption is not None and not is_staff(principal):
                caller = await find_caller(uow, principal, self._clock.now())
                if caller is None or caller.ambassador is None or caller.ambassador.id != redemption.ambassador_id:
                    redemption = None
        if redemption is None:
            raise NotFound("redemption", redemption_id)
        return redemption


class ListRedemptions(UseCase):
    """Staff: every redemption, filtered by status, ambassador or reward (the approval queue is
    ``status=requested``)."""

    async def __call__(self, principal: Principal, criteria: RedemptionFilter, page: PageRequest) -> Page[Redemption]:
        principal.require_any(CATALOGUE_STAFF)
        async with self._uow(principal.require_tenant()) as uow:
            return await uow.redemptions.list(criteria, page)


class ListMyRedemptions(UseCase):
    """An ambassador's own redemptions, filtered by status or reward; none before they join."""

    async def __call__(self, principal: Principal, criteria: RedemptionFilter, page: PageRequest) -> Page[Redemption]:
        principal.require_any(AMBASSADORS)
        async with self._uow(principal.require_tenant()) as uow:
            caller = await find_caller(uow, principal, self._clock.now())
            if caller is None or caller.ambassador is None:
                return Page(items=[], next_after=None)
            return await uow.redemptions.list(replace(criteria, ambassador_id=caller.ambassador.id), page)
