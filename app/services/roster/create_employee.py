"""Add an employee to the roster."""

from __future__ import annotations

from app.domain.roster.employees import Employee, EmployeeProfile
from app.domain.roster.identity import ROSTER_WRITERS, Principal
from app.services.base import UseCase


class CreateEmployee(UseCase):
    """Roster writers (admin, integrator) only. E-mail (case-insensitive) and external_id are
    unique per tenant; the manager, when given, must be an employee of the same tenant."""

    async def __call__(self, principal: Principal, profile: EmployeeProfile) -> Employee:
        principal.require_any(ROSTER_WRITERS)
        now = self._clock.now()
        employee = Employee.hire(id=self._ids.new_id(), tenant_id=principal.require_tenant(), profile=profile, now=now)
        async with self._uow(employee.tenant_id) as uow:
            await uow.employees.add(employee)
            await uow.commit()
        return employee
