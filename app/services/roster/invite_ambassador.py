"""Invite an employee to join the programme. Joining itself is always the employee's choice."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.ambassadors import Ambassador
from app.domain.roster.identity import PROGRAMME_STAFF, Principal
from app.services.base import UseCase


@dataclass(frozen=True, slots=True)
class Invitation:
    ambassador: Ambassador
    created: bool


class InviteAmbassador(UseCase):
    """Admins and managers invite active employees. Inviting someone already invited returns
    the standing invitation; someone who left may be invited again; a current member cannot
    be. The membership stays ``invited`` until the employee opts in."""

    async def __call__(self, principal: Principal, employee_id: UUID) -> Invitation:
        principal.require_any(PROGRAMME_STAFF)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            # Locking the employee serialises this with a concurrent invitation, opt-in or termination.
            employee = await uow.employees.get(employee_id, for_update=True)
            if employee is None:
                raise NotFound("employee", employee_id)
            ambassador = await uow.ambassadors.get_by_employee(employee_id, for_update=True)
            if ambassador is None:
                ambassador = Ambassador.invite(
                    id=self._ids.new_id(), employee=employee, invited_by=principal.subject, now=now
                )
                await uow.ambassadors.add(ambassador)
                created = True
            else:
                created = ambassador.reinvite(invited_by=principal.subject, employee=employee, now=now)
                await uow.ambassadors.save(ambassador)
            await uow.commit()
        return Invitation(ambassador=ambassador, created=created)
