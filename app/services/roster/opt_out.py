"""An ambassador leaves the programme: one call, always allowed."""

from __future__ import annotations

from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import require_membership


class OptOut(UseCase):
    async def __call__(self, principal: Principal) -> Ambassador:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, now, for_update=True)
            ambassador.opt_out(now=now)
            await uow.ambassadors.save(ambassador)
            await uow.commit()
        return ambassador
