"""A member accepts the charter in force."""

from __future__ import annotations

from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import require_membership


class AcceptCharter(UseCase):
    """The version accepted must be the current one (``charter-version-not-current``
    otherwise), so nobody accepts words they were not shown. Accepting it again changes nothing.
    Invited employees may accept before opting in; members who left must opt in again first."""

    async def __call__(self, principal: Principal, version: int) -> Ambassador:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            ambassador = await require_membership(uow, principal, now, for_update=True)
            ambassador.accept_charter(version, current=await uow.charter.current_number(), now=now)
            await uow.ambassadors.save(ambassador)
            await uow.commit()
        return ambassador
