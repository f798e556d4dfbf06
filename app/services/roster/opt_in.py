"""An employee joins the programme of their own will, with or without an invitation."""

from __future__ import annotations

from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import require_caller


class OptIn(UseCase):
    """The consent time is recorded. A terminated employee cannot join (``employee-terminated``). Opting in while
    already a member changes nothing; after leaving, opting in joins again."""

    async def __call__(self, principal: Principal) -> Ambassador:
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            # Locking the employee serialises this with a concurrent opt-in, invitation or termination.
            caller = await require_caller(uow, principal, now, lock_employee=True)
            employee, ambassador = caller.employee, caller.ambassador
            if ambassador is None:
                ambassador = Ambassador.volunteer(id=self._ids.new_id(), employee=employee, now=now)
                await uow.ambassadors.add(ambassador)
            else:
                ambassador.opt_in(employee=employee, now=now)
                await uow.ambassadors.save(ambassador)
            await uow.commit()
        return ambassador
