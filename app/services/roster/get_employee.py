"""Read one employee of the caller's tenant."""

from __future__ import annotations

from uuid import UUID

from app.domain.errors import NotFound
from app.domain.roster.employees import Employee
from app.domain.roster.identity import ROSTER_READERS, ROSTER_WRITERS, Principal
from app.services.base import UseCase


class GetEmployee(UseCase):
    async def __call__(self, principal: Principal, employee_id: UUID) -> Employee:
        principal.require_any(ROSTER_READERS | ROSTER_WRITERS)
        async with self._uow(principal.require_tenant()) as uow:
            employee = await uow.employees.get(employee_id)
        if employee is None:
            raise NotFound("employee", employee_id)
        return employee
