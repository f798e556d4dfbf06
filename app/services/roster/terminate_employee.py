"""Record a departure; the employee's programme membership ends with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.employees import Employee
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.services.base import UseCase


@dataclass(frozen=True, slots=True, kw_only=True)
class TerminateEmployeeCommand:
    employee_id: UUID
    terminated_on: date | None = None
    expected_version: int | None = None


class TerminateEmployee(UseCase):
    """Roster writers only. The termination date defaults to today (UTC) and may not come before
    the hiring date. A membership that was invited, active or paused moves to ``left`` in the same
    transaction."""

    async def __call__(self, principal: Principal, command: TerminateEmployeeCommand) -> Employee:
        principal.require_any(ROSTER_WRITERS)
        now = self._clock.now()
        async with self._uow(principal.require_tenant()) as uow:
            employee = await uow.employees.get(command.employee_id, for_update=True)
            if employee is None:
                raise NotFound("employee", command.employee_id)
            employee.require_version(command.expected_version)
            employee.terminate(on=command.terminated_on or now.date(), now=now)
            await uow.employees.save(employee)
            ambassador = await uow.ambassadors.get_by_employee(employee.id, for_update=True)
            if ambassador is not None:
                ambassador.opt_out(now=now, reason="employee_terminated")
                await uow.ambassadors.save(ambassador)
            await uow.commit()
        return employee
