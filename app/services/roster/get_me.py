"""Who am I: the caller's identity, their employee record and their membership, if any."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.programme.charter import CharterStatus, charter_status
from app.domain.roster.ambassadors import Ambassador, SocialAccount
from app.domain.roster.employees import Employee
from app.domain.roster.identity import Principal
from app.services.base import UseCase
from app.services.roster.linking import find_caller


@dataclass(frozen=True, slots=True)
class Me:
    principal: Principal
    employee: Employee | None
    ambassador: Ambassador | None
    social_accounts: tuple[SocialAccount, ...]
    charter_status: CharterStatus | None = None


class GetMe(UseCase):
    """Any authenticated caller of a tenant may ask. The first call with a verified e-mail that
    matches the roster links the token's subject to that employee for good. ``charter_status`` is
    known once the caller is linked to an employee: ``accepted`` when no charter is published."""

    async def __call__(self, principal: Principal) -> Me:
        if principal.tenant_id is None:
            return Me(principal, None, None, ())
        async with self._uow(principal.tenant_id) as uow:
            caller = await find_caller(uow, principal, self._clock.now())
            employee, ambassador = (caller.employee, caller.ambassador) if caller else (None, None)
            accounts = await uow.social_accounts.list_for(ambassador.id) if ambassador else []
            status = None
            if employee is not None:
                current = await uow.charter.current_number()
                status = charter_status(ambassador.charter_version if ambassador else None, current)
            await uow.commit()
        return Me(principal, employee, ambassador, tuple(accounts), status)
